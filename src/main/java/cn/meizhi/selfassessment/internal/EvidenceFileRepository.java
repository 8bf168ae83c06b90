package cn.meizhi.selfassessment.internal;

import java.util.List;

import cn.meizhi.selfassessment.EvidenceFile;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface EvidenceFileRepository extends JpaRepository<EvidenceFile, Long> {

	List<EvidenceFile> findBySelfAssessmentIdOrderByUploadedAt(long selfAssessmentId);

	long countBySelfAssessmentIdAndIndicatorId(long selfAssessmentId, long indicatorId);

	@Query("select count(e) from EvidenceFile e where e.selfAssessmentId = :id")
	long countBySelfAssessmentId(long id);

}
