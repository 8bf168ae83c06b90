package cn.meizhi.audit.internal;

import java.util.List;

import org.springframework.data.repository.Repository;

/**
 * Insert and read only: there is deliberately no update or delete here.
 */
interface AuditRepository extends Repository<AuditEntry, Long> {

	AuditEntry save(AuditEntry entry);

	List<AuditEntry> findAllById(Iterable<Long> ids);

}
