package cn.meizhi.qualitymeasure.internal;

import java.util.List;
import java.util.Optional;

import cn.meizhi.qualitymeasure.MeasureSet;
import cn.meizhi.qualitymeasure.MeasureSetStatus;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MeasureSetRepository extends JpaRepository<MeasureSet, Long> {

	List<MeasureSet> findAllByOrderByIdDesc();

	Optional<MeasureSet> findByStatus(MeasureSetStatus status);

}
