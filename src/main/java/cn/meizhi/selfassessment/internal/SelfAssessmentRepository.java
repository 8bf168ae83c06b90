package cn.meizhi.selfassessment.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import cn.meizhi.selfassessment.SelfAssessment;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SelfAssessmentRepository extends JpaRepository<SelfAssessment, Long> {

	@EntityGraph(attributePaths = "answers")
	Optional<SelfAssessment> findWithAnswersById(Long id);

	Optional<SelfAssessment> findByCycleIdAndInstitutionId(long cycleId, long institutionId);

	List<SelfAssessment> findByCycleId(long cycleId);

	@EntityGraph(attributePaths = "answers")
	List<SelfAssessment> findWithAnswersByCycleId(long cycleId);

	List<SelfAssessment> findByInstitutionIdAndCycleIdIn(long institutionId, Collection<Long> cycleIds);

}
