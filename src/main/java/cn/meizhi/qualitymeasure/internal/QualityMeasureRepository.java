package cn.meizhi.qualitymeasure.internal;

import java.util.List;

import cn.meizhi.qualitymeasure.QualityMeasure;

import org.springframework.data.jpa.repository.JpaRepository;

public interface QualityMeasureRepository extends JpaRepository<QualityMeasure, Long> {

	List<QualityMeasure> findBySetIdOrderByPosition(long setId);

}
