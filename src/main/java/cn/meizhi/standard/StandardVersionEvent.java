package cn.meizhi.standard;

import java.time.Instant;
import java.util.List;

import cn.meizhi.shared.Actor;
import cn.meizhi.shared.AuditableEvent;
import cn.meizhi.shared.FieldChange;

/**
 * Something happened to a standard version: one record per fact. The region is the
 * author's jurisdiction, so the regulators above it see the change in their audit trail.
 * {@link #action()} is the audit trail's stable code.
 */
public sealed interface StandardVersionEvent extends AuditableEvent {

	long versionId();

	@Override
	default String objectType() {
		return "StandardVersion";
	}

	@Override
	default String objectId() {
		return String.valueOf(versionId());
	}

	/**
	 * Which fact: one of the records below, by its constructor (e.g.
	 * {@code StandardCreated::new}).
	 */
	@FunctionalInterface
	interface Fact {

		StandardVersionEvent of(long versionId, String summary, String regionCode, List<FieldChange> changes,
				Actor actor, Instant occurredAt);

	}

	/** A new standard was created with its first draft. */
	record StandardCreated(long versionId, String summary, String regionCode, List<FieldChange> changes, Actor actor,
			Instant occurredAt) implements StandardVersionEvent {

		@Override
		public String action() {
			return "STANDARD_CREATED";
		}

	}

	/** The draft's star thresholds or rules changed. */
	record StandardRulesChanged(long versionId, String summary, String regionCode, List<FieldChange> changes,
			Actor actor, Instant occurredAt) implements StandardVersionEvent {

		@Override
		public String action() {
			return "STANDARD_RULES_CHANGED";
		}

	}

	/** A section was added to the draft. */
	record StandardSectionAdded(long versionId, String summary, String regionCode, List<FieldChange> changes,
			Actor actor, Instant occurredAt) implements StandardVersionEvent {

		@Override
		public String action() {
			return "STANDARD_SECTION_ADDED";
		}

	}

	/** A section of the draft changed. */
	record StandardSectionChanged(long versionId, String summary, String regionCode, List<FieldChange> changes,
			Actor actor, Instant occurredAt) implements StandardVersionEvent {

		@Override
		public String action() {
			return "STANDARD_SECTION_CHANGED";
		}

	}

	/** A section was removed from the draft. */
	record StandardSectionRemoved(long versionId, String summary, String regionCode, List<FieldChange> changes,
			Actor actor, Instant occurredAt) implements StandardVersionEvent {

		@Override
		public String action() {
			return "STANDARD_SECTION_REMOVED";
		}

	}

	/** An indicator was added to the draft. */
	record StandardIndicatorAdded(long versionId, String summary, String regionCode, List<FieldChange> changes,
			Actor actor, Instant occurredAt) implements StandardVersionEvent {

		@Override
		public String action() {
			return "STANDARD_INDICATOR_ADDED";
		}

	}

	/** An indicator of the draft changed. */
	record StandardIndicatorChanged(long versionId, String summary, String regionCode, List<FieldChange> changes,
			Actor actor, Instant occurredAt) implements StandardVersionEvent {

		@Override
		public String action() {
			return "STANDARD_INDICATOR_CHANGED";
		}

	}

	/** An indicator was removed from the draft. */
	record StandardIndicatorRemoved(long versionId, String summary, String regionCode, List<FieldChange> changes,
			Actor actor, Instant occurredAt) implements StandardVersionEvent {

		@Override
		public String action() {
			return "STANDARD_INDICATOR_REMOVED";
		}

	}

	/** The draft was published: cycles may use it. */
	record StandardPublished(long versionId, String summary, String regionCode, List<FieldChange> changes, Actor actor,
			Instant occurredAt) implements StandardVersionEvent {

		@Override
		public String action() {
			return "STANDARD_PUBLISHED";
		}

	}

	/** The version was retired: no new cycle may use it. */
	record StandardRetired(long versionId, String summary, String regionCode, List<FieldChange> changes, Actor actor,
			Instant occurredAt) implements StandardVersionEvent {

		@Override
		public String action() {
			return "STANDARD_RETIRED";
		}

	}

	/** A new draft was made from a published version. */
	record StandardDraftCreated(long versionId, String summary, String regionCode, List<FieldChange> changes,
			Actor actor, Instant occurredAt) implements StandardVersionEvent {

		@Override
		public String action() {
			return "STANDARD_DRAFT_CREATED";
		}

	}

	/** A standard was imported from its JSON export. */
	record StandardImported(long versionId, String summary, String regionCode, List<FieldChange> changes, Actor actor,
			Instant occurredAt) implements StandardVersionEvent {

		@Override
		public String action() {
			return "STANDARD_IMPORTED";
		}

	}

}
