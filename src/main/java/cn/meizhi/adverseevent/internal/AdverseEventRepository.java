package cn.meizhi.adverseevent.internal;

import java.util.List;

import cn.meizhi.adverseevent.AdverseEvent;
import cn.meizhi.adverseevent.EventSeverity;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AdverseEventRepository extends JpaRepository<AdverseEvent, Long> {

	List<AdverseEvent> findByInstitutionIdOrderByReportedAtDesc(long institutionId);

	/** The jurisdiction's reports, optionally of one severity and one institution. */
	@Query("""
			select e from AdverseEvent e where e.regionCode like concat(:prefix, '%')
			  and (:severity is null or e.severity = :severity)
			  and (:institutionId is null or e.institutionId = :institutionId)
			""")
	Page<AdverseEvent> findWithinPrefix(String prefix, EventSeverity severity, Long institutionId, Pageable pageable);

	@Query("""
			select count(e) from AdverseEvent e where e.regionCode like concat(:prefix, '%')
			  and e.reviewedAt is null and e.severity in (cn.meizhi.adverseevent.EventSeverity.I, cn.meizhi.adverseevent.EventSeverity.II)
			""")
	long countSevereUnreviewed(String prefix);

	/**
	 * Reports per institution and severity in the jurisdiction: rows of institution id,
	 * severity, count.
	 */
	@Query("""
			select e.institutionId, e.severity, count(e) from AdverseEvent e
			where e.regionCode like concat(:prefix, '%') group by e.institutionId, e.severity
			""")
	List<Object[]> countByInstitutionAndSeverity(String prefix);

	/** Reports per procedure in the jurisdiction: rows of procedure name, count. */
	@Query("""
			select e.procedureName, count(e) from AdverseEvent e where e.regionCode like concat(:prefix, '%')
			group by e.procedureName order by count(e) desc, e.procedureName
			""")
	List<Object[]> countByProcedure(String prefix);

}
