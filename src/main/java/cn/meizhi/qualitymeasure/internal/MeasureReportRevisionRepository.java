package cn.meizhi.qualitymeasure.internal;

import java.util.List;

import cn.meizhi.qualitymeasure.MeasureReportRevision;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MeasureReportRevisionRepository extends JpaRepository<MeasureReportRevision, Long> {

	List<MeasureReportRevision> findByReportIdOrderByRevisionDesc(long reportId);

}
