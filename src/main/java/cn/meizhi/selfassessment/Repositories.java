package cn.meizhi.selfassessment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SelfAssessmentRepository extends JpaRepository<SelfAssessment, Long> {

	@EntityGraph(attributePaths = "answers")
	Optional<SelfAssessment> findWithAnswersById(Long id);

	Optional<SelfAssessment> findByCycleIdAndInstitutionId(long cycleId, long institutionId);

	List<SelfAssessment> findByCycleId(long cycleId);

	@EntityGraph(attributePaths = "answers")
	List<SelfAssessment> findWithAnswersByCycleId(long cycleId);

	List<SelfAssessment> findByInstitutionIdAndCycleIdIn(long institutionId, Collection<Long> cycleIds);

}

interface EvidenceFileRepository extends JpaRepository<EvidenceFile, Long> {

	List<EvidenceFile> findBySelfAssessmentIdOrderByUploadedAt(long selfAssessmentId);

	long countBySelfAssessmentIdAndIndicatorId(long selfAssessmentId, long indicatorId);

	@Query("select count(e) from EvidenceFile e where e.selfAssessmentId = :id")
	long countBySelfAssessmentId(long id);

}

interface EvidenceContentRepository extends JpaRepository<EvidenceContent, Long> {

}

interface HistoryRepository extends JpaRepository<HistoryEntry, Long> {

	List<HistoryEntry> findBySelfAssessmentIdOrderByOccurredAtDesc(long selfAssessmentId);

}
