package cn.meizhi.standard.internal;

import cn.meizhi.standard.Indicator;

import org.springframework.data.jpa.repository.JpaRepository;

public interface IndicatorRepository extends JpaRepository<Indicator, Long> {

}
