package cn.meizhi.qualitymeasure.internal;

import java.util.List;
import java.util.Optional;

import cn.meizhi.qualitymeasure.MeasureReport;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MeasureReportRepository extends JpaRepository<MeasureReport, Long> {

	Optional<MeasureReport> findBySetIdAndPeriodAndInstitutionId(long setId, String period, long institutionId);

	List<MeasureReport> findBySetIdAndInstitutionId(long setId, long institutionId);

	List<MeasureReport> findBySetIdAndPeriodAndInstitutionIdIn(long setId, String period,
			java.util.Collection<Long> institutionIds);

}
