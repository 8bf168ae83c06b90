package cn.meizhi.cycle.internal;

import java.util.List;
import java.util.Optional;

import cn.meizhi.cycle.EvaluationCycle;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CycleRepository extends JpaRepository<EvaluationCycle, Long> {

	@Query("select c from EvaluationCycle c where c.jurisdictionCode like concat(:prefix, '%') order by c.createdAt desc")
	List<EvaluationCycle> findWithinPrefix(String prefix);

	@EntityGraph(attributePaths = "enrolments")
	Optional<EvaluationCycle> findWithEnrolmentsById(Long id);

	@Query("""
			select distinct c from EvaluationCycle c join c.enrolments e
			where e.institutionId = :institutionId and e.withdrawnAt is null
			order by c.selfAssessmentCloses desc
			""")
	List<EvaluationCycle> findEnrolling(long institutionId);

}
