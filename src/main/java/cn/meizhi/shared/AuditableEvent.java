package cn.meizhi.shared;

import java.time.Instant;
import java.util.List;

/**
 * A domain event that belongs in the audit trail. Modules publish these; the audit module
 * records them in the same transaction as the change, so a change and its audit row
 * commit together.
 */
public interface AuditableEvent {

	/** Who acted. */
	Actor actor();

	/** When it happened. */
	Instant occurredAt();

	/**
	 * A stable action code, e.g. {@code INSTITUTION_UPDATED}; also the message key
	 * suffix.
	 */
	String action();

	/** The kind of object acted on, e.g. {@code Institution}. */
	String objectType();

	/** The id of the object acted on. */
	String objectId();

	/**
	 * The region of the object, so regulators see the trail of their jurisdiction; may be
	 * null.
	 */
	String regionCode();

	/** A one-line human summary, e.g. the object's name. */
	String summary();

	/** What changed, field by field; empty when there is nothing to compare. */
	default List<FieldChange> changes() {
		return List.of();
	}

	/**
	 * Whether the change may alter something the public sees (a page, the open data):
	 * then it raises the version public pages are revalidated against. When in doubt,
	 * true: a needless raise costs one render, a missing one would let a browser keep a
	 * page that is no longer true.
	 */
	default boolean changesPublicData() {
		return true;
	}

}
