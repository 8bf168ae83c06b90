package cn.meizhi.inspection.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import cn.meizhi.inspection.Inspection;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface InspectionRepository extends JpaRepository<Inspection, Long> {

	/**
	 * Takes a shared row lock: scores may be saved concurrently, but not while the lead
	 * submits.
	 */
	@org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_READ)
	@Query("select i from Inspection i where i.id = :id")
	Optional<Inspection> lockShared(long id);

	/** Takes an exclusive row lock for submitting. */
	@org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
	@Query("select i from Inspection i where i.id = :id")
	Optional<Inspection> lockExclusive(long id);

	@EntityGraph(attributePaths = "members")
	Optional<Inspection> findWithMembersById(Long id);

	@EntityGraph(attributePaths = "members")
	List<Inspection> findByCycleIdOrderByScheduledOn(long cycleId);

	@EntityGraph(attributePaths = "members")
	List<Inspection> findByInstitutionIdOrderByScheduledOnDesc(long institutionId);

	@EntityGraph(attributePaths = "members")
	@Query("select distinct i from Inspection i join i.members m where m.assessorId = :assessorId and m.removedAt is null order by i.scheduledOn")
	List<Inspection> findForAssessor(long assessorId);

	@EntityGraph(attributePaths = "members")
	List<Inspection> findByCycleIdIn(Collection<Long> cycleIds);

}
