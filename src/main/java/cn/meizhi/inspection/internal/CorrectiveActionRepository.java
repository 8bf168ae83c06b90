package cn.meizhi.inspection.internal;

import java.util.List;

import cn.meizhi.inspection.CorrectiveAction;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CorrectiveActionRepository extends JpaRepository<CorrectiveAction, Long> {

	List<CorrectiveAction> findByInspectionIdOrderById(long inspectionId);

	List<CorrectiveAction> findByInstitutionIdOrderByDueOn(long institutionId);

	java.util.Optional<CorrectiveAction> findByComplaintId(long complaintId);

	/** Institution id and number of its actions past due and not closed. */
	@Query("""
			select a.institutionId, count(a) from CorrectiveAction a
			where a.status <> cn.meizhi.inspection.ActionStatus.CLOSED and a.dueOn < :today
			group by a.institutionId""")
	List<Object[]> countOverdueByInstitution(java.time.LocalDate today);

}
