package cn.meizhi.audit.internal;

import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Insert and read only: there is deliberately no update or delete here.
 */
interface AuditRepository extends Repository<AuditEntry, Long> {

	AuditEntry save(AuditEntry entry);

	@Query("""
			select a from AuditEntry a
			where (:regionPrefix is null or a.regionCode like concat(cast(:regionPrefix as string), '%'))
			  and (:action is null or a.action = :action)
			  and (:actor is null or a.actor = :actor)
			  and (:objectType is null or a.objectType = :objectType)
			  and (:objectId is null or a.objectId = :objectId)
			  and (cast(:from as timestamp) is null or a.occurredAt >= :from)
			  and (cast(:to as timestamp) is null or a.occurredAt < :to)
			""")
	Page<AuditEntry> search(String regionPrefix, String action, String actor, String objectType, String objectId,
			Instant from, Instant to, Pageable pageable);

}
