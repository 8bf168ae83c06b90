package cn.meizhi.standard;

import org.springframework.data.jpa.repository.JpaRepository;

interface StandardSectionRepository extends JpaRepository<StandardSection, Long> {

}
