package cn.meizhi.complaint.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.meizhi.complaint.Complaint;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ComplaintRepository extends JpaRepository<Complaint, Long> {

	Optional<Complaint> findByTrackingNumber(String trackingNumber);

	boolean existsByTrackingNumber(String trackingNumber);

	/**
	 * A regulator's queue: the complaints of a region prefix in one view (ALL, OPEN,
	 * MINE, OVERDUE, DECIDED).
	 */
	@Query("""
			select c from Complaint c where c.regionCode like concat(:prefix, '%') and (
			  :view = 'ALL'
			  or (:view = 'OPEN' and c.status <> cn.meizhi.complaint.ComplaintStatus.DECIDED)
			  or (:view = 'DECIDED' and c.status = cn.meizhi.complaint.ComplaintStatus.DECIDED)
			  or (:view = 'MINE' and c.status <> cn.meizhi.complaint.ComplaintStatus.DECIDED and c.assigneeId = :me)
			  or (:view = 'OVERDUE' and c.status <> cn.meizhi.complaint.ComplaintStatus.DECIDED
			      and (c.decideBy < :today or (c.acknowledgedAt is null and c.acknowledgeBy < :today))))
			""")
	Page<Complaint> findQueue(String prefix, String view, long me, LocalDate today, Pageable pageable);

	@Query("""
			select count(c) from Complaint c where c.regionCode like concat(:prefix, '%')
			  and c.status <> cn.meizhi.complaint.ComplaintStatus.DECIDED
			  and (c.decideBy < :today or (c.acknowledgedAt is null and c.acknowledgeBy < :today))
			""")
	long countOverdue(String prefix, LocalDate today);

	List<Complaint> findByInstitutionIdAndStatementRequestedAtNotNullOrderByStatementDueDesc(long institutionId);

	@Query("""
			select count(c) from Complaint c where c.institutionId = :institutionId
			  and c.status = cn.meizhi.complaint.ComplaintStatus.AWAITING_STATEMENT
			""")
	long countStatementsDue(long institutionId);

	List<Complaint> findByStatusNot(cn.meizhi.complaint.ComplaintStatus status);

	/**
	 * Decided complaints per institution, outcome and category since an instant: rows of
	 * institution id, outcome, category, count.
	 */
	@Query("""
			select c.institutionId, c.outcome, c.category, count(c) from Complaint c
			where c.institutionId in :institutionIds and c.status = cn.meizhi.complaint.ComplaintStatus.DECIDED
			  and c.decidedAt >= :since
			group by c.institutionId, c.outcome, c.category
			""")
	List<Object[]> countDecidedSince(java.util.Collection<Long> institutionIds, Instant since);

	/**
	 * The same for one institution (a profile view): with a single id, Hibernate keeps
	 * the query's translation, which it cannot for a list parameter.
	 */
	@Query("""
			select c.institutionId, c.outcome, c.category, count(c) from Complaint c
			where c.institutionId = :institutionId and c.status = cn.meizhi.complaint.ComplaintStatus.DECIDED
			  and c.decidedAt >= :since
			group by c.institutionId, c.outcome, c.category
			""")
	List<Object[]> countDecidedSince(long institutionId, Instant since);

}
