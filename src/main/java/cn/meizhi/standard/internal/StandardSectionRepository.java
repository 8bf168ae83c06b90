package cn.meizhi.standard.internal;

import cn.meizhi.standard.StandardSection;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StandardSectionRepository extends JpaRepository<StandardSection, Long> {

}
