package cn.meizhi.shared;

import java.util.List;

/**
 * Many auditable events of one job, published as one (the nightly expiry of every lapsed
 * rating): the audit trail records them all with one statement instead of one insert and
 * one event delivery each, in the same transaction as the change.
 */
public interface AuditableBatch {

	List<? extends AuditableEvent> events();

}
