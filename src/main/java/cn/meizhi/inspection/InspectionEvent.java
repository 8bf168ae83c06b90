package cn.meizhi.inspection;

import java.time.Instant;
import java.util.List;

import cn.meizhi.shared.Actor;
import cn.meizhi.shared.AuditableEvent;
import cn.meizhi.shared.FieldChange;

/**
 * Something happened to an on-site inspection: one record per fact, carrying the
 * inspection's id, the acting user and the time. {@link #action()} is the audit trail's
 * stable code.
 */
public sealed interface InspectionEvent extends AuditableEvent {

	long inspectionId();

	@Override
	default String objectType() {
		return "Inspection";
	}

	@Override
	default String objectId() {
		return String.valueOf(inspectionId());
	}

	/**
	 * Which fact: one of the records below, by its constructor (e.g.
	 * {@code InspectionScheduled::new}).
	 */
	@FunctionalInterface
	interface Fact {

		InspectionEvent of(long inspectionId, String summary, String regionCode, List<FieldChange> changes, Actor actor,
				Instant occurredAt);

	}

	/** The regulator scheduled an inspection with its team. */
	record InspectionScheduled(long inspectionId, String summary, String regionCode, List<FieldChange> changes,
			Actor actor, Instant occurredAt) implements InspectionEvent {

		@Override
		public String action() {
			return "INSPECTION_SCHEDULED";
		}

	}

	/** The regulator moved the inspection's date. */
	record InspectionRescheduled(long inspectionId, String summary, String regionCode, List<FieldChange> changes,
			Actor actor, Instant occurredAt) implements InspectionEvent {

		@Override
		public String action() {
			return "INSPECTION_RESCHEDULED";
		}

	}

	/** The regulator cancelled the inspection. */
	record InspectionCancelled(long inspectionId, String summary, String regionCode, List<FieldChange> changes,
			Actor actor, Instant occurredAt) implements InspectionEvent {

		@Override
		public String action() {
			return "INSPECTION_CANCELLED";
		}

	}

	/** The regulator added an assessor to the team. */
	record InspectionMemberAdded(long inspectionId, String summary, String regionCode, List<FieldChange> changes,
			Actor actor, Instant occurredAt) implements InspectionEvent {

		@Override
		public String action() {
			return "INSPECTION_MEMBER_ADDED";
		}

	}

	/** The regulator named another lead assessor. */
	record InspectionLeadChanged(long inspectionId, String summary, String regionCode, List<FieldChange> changes,
			Actor actor, Instant occurredAt) implements InspectionEvent {

		@Override
		public String action() {
			return "INSPECTION_LEAD_CHANGED";
		}

	}

	/** An assessor declared a conflict of interest. */
	record ConflictDeclared(long inspectionId, String summary, String regionCode, List<FieldChange> changes,
			Actor actor, Instant occurredAt) implements InspectionEvent {

		@Override
		public String action() {
			return "INSPECTION_CONFLICT_DECLARED";
		}

	}

	/** An assessor declared no conflict of interest. */
	record NoConflictDeclared(long inspectionId, String summary, String regionCode, List<FieldChange> changes,
			Actor actor, Instant occurredAt) implements InspectionEvent {

		@Override
		public String action() {
			return "INSPECTION_NO_CONFLICT_DECLARED";
		}

	}

	/** An assessor scored indicators. */
	record InspectionScored(long inspectionId, String summary, String regionCode, List<FieldChange> changes,
			Actor actor, Instant occurredAt) implements InspectionEvent {

		@Override
		public String action() {
			return "INSPECTION_SCORED";
		}

	}

	/** The lead assessor submitted the scored inspection. */
	record InspectionSubmitted(long inspectionId, String summary, String regionCode, List<FieldChange> changes,
			Actor actor, Instant occurredAt) implements InspectionEvent {

		@Override
		public String action() {
			return "INSPECTION_SUBMITTED";
		}

	}

	/** The regulator reopened a submitted inspection (an appeal's reinspection). */
	record InspectionReopened(long inspectionId, String summary, String regionCode, List<FieldChange> changes,
			Actor actor, Instant occurredAt) implements InspectionEvent {

		@Override
		public String action() {
			return "INSPECTION_REOPENED";
		}

	}

	/** The regulator made a finding of the inspection public, or private again. */
	record FindingVisibilityChanged(long inspectionId, String summary, String regionCode, List<FieldChange> changes,
			Actor actor, Instant occurredAt) implements InspectionEvent {

		@Override
		public String action() {
			return "INSPECTION_FINDING_VISIBILITY_CHANGED";
		}

	}

}
