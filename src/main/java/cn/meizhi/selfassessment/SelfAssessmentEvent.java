package cn.meizhi.selfassessment;

import java.time.Instant;
import java.util.List;

import cn.meizhi.shared.Actor;
import cn.meizhi.shared.AuditableEvent;
import cn.meizhi.shared.FieldChange;

/**
 * Something happened to a self-assessment: one record per fact, carrying the
 * self-assessment, institution and cycle ids, the acting user and the time.
 * {@link #action()} is the audit trail's stable code.
 */
public sealed interface SelfAssessmentEvent extends AuditableEvent {

	long selfAssessmentId();

	long institutionId();

	long cycleId();

	@Override
	default String objectType() {
		return "SelfAssessment";
	}

	@Override
	default String objectId() {
		return String.valueOf(selfAssessmentId());
	}

	/** A self-assessment is between the clinic and its regulator. */
	@Override
	default boolean changesPublicData() {
		return false;
	}

	/**
	 * Which fact: one of the records below, by its constructor (e.g.
	 * {@code SelfAssessmentStarted::new}).
	 */
	@FunctionalInterface
	interface Fact {

		SelfAssessmentEvent of(long selfAssessmentId, long institutionId, long cycleId, String summary,
				String regionCode, List<FieldChange> changes, Actor actor, Instant occurredAt);

	}

	/** The institution started its self-assessment in a cycle. */
	record SelfAssessmentStarted(long selfAssessmentId, long institutionId, long cycleId, String summary,
			String regionCode, List<FieldChange> changes, Actor actor,
			Instant occurredAt) implements SelfAssessmentEvent {

		@Override
		public String action() {
			return "SELF_ASSESSMENT_STARTED";
		}

	}

	/** The institution saved self-scores or evidence. */
	record SelfAssessmentSaved(long selfAssessmentId, long institutionId, long cycleId, String summary,
			String regionCode, List<FieldChange> changes, Actor actor,
			Instant occurredAt) implements SelfAssessmentEvent {

		@Override
		public String action() {
			return "SELF_ASSESSMENT_SAVED";
		}

	}

	/** The institution removed an evidence file. */
	record SelfAssessmentEvidenceRemoved(long selfAssessmentId, long institutionId, long cycleId, String summary,
			String regionCode, List<FieldChange> changes, Actor actor,
			Instant occurredAt) implements SelfAssessmentEvent {

		@Override
		public String action() {
			return "SELF_ASSESSMENT_EVIDENCE_REMOVED";
		}

	}

	/** The institution submitted its self-assessment. */
	record SelfAssessmentSubmitted(long selfAssessmentId, long institutionId, long cycleId, String summary,
			String regionCode, List<FieldChange> changes, Actor actor,
			Instant occurredAt) implements SelfAssessmentEvent {

		@Override
		public String action() {
			return "SELF_ASSESSMENT_SUBMITTED";
		}

	}

	/** The regulator returned the self-assessment to the institution, with a reason. */
	record SelfAssessmentReturned(long selfAssessmentId, long institutionId, long cycleId, String summary,
			String regionCode, List<FieldChange> changes, Actor actor,
			Instant occurredAt) implements SelfAssessmentEvent {

		@Override
		public String action() {
			return "SELF_ASSESSMENT_RETURNED";
		}

	}

}
