package cn.meizhi.inspection;

import java.time.Instant;
import java.util.List;

import cn.meizhi.shared.Actor;
import cn.meizhi.shared.AuditableEvent;
import cn.meizhi.shared.FieldChange;

/**
 * Something happened to a corrective action asked of an institution after an inspection:
 * one record per fact. {@link #action()} is the audit trail's stable code.
 */
public sealed interface CorrectiveActionEvent extends AuditableEvent {

	long correctiveActionId();

	@Override
	default String objectType() {
		return "CorrectiveAction";
	}

	@Override
	default String objectId() {
		return String.valueOf(correctiveActionId());
	}

	/**
	 * Which fact: one of the records below, by its constructor (e.g.
	 * {@code CorrectiveActionAnswered::new}).
	 */
	@FunctionalInterface
	interface Fact {

		CorrectiveActionEvent of(long correctiveActionId, String summary, String regionCode, List<FieldChange> changes,
				Actor actor, Instant occurredAt);

	}

	/** A regulator ordered a corrective action on a complaint's finding. */
	record CorrectiveActionOrdered(long correctiveActionId, String summary, String regionCode,
			List<FieldChange> changes, Actor actor, Instant occurredAt) implements CorrectiveActionEvent {

		@Override
		public String action() {
			return "CORRECTIVE_ACTION_ORDERED";
		}

	}

	/** The institution answered the corrective action. */
	record CorrectiveActionAnswered(long correctiveActionId, String summary, String regionCode,
			List<FieldChange> changes, Actor actor, Instant occurredAt) implements CorrectiveActionEvent {

		@Override
		public String action() {
			return "CORRECTIVE_ACTION_ANSWERED";
		}

	}

	/** The lead assessor accepted the answer and closed the action. */
	record CorrectiveActionClosed(long correctiveActionId, String summary, String regionCode, List<FieldChange> changes,
			Actor actor, Instant occurredAt) implements CorrectiveActionEvent {

		@Override
		public String action() {
			return "CORRECTIVE_ACTION_CLOSED";
		}

	}

	/** The lead assessor found the answer insufficient and reopened the action. */
	record CorrectiveActionReopened(long correctiveActionId, String summary, String regionCode,
			List<FieldChange> changes, Actor actor, Instant occurredAt) implements CorrectiveActionEvent {

		@Override
		public String action() {
			return "CORRECTIVE_ACTION_REOPENED";
		}

	}

	/** The lead assessor moved the action's due date. */
	record CorrectiveActionDueChanged(long correctiveActionId, String summary, String regionCode,
			List<FieldChange> changes, Actor actor, Instant occurredAt) implements CorrectiveActionEvent {

		@Override
		public String action() {
			return "CORRECTIVE_ACTION_DUE_CHANGED";
		}

	}

}
