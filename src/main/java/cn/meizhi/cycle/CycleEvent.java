package cn.meizhi.cycle;

import java.time.Instant;
import java.util.List;

import cn.meizhi.shared.Actor;
import cn.meizhi.shared.AuditableEvent;
import cn.meizhi.shared.FieldChange;

/**
 * Something happened to an evaluation cycle: one record per fact. {@link #action()} is
 * the audit trail's stable code.
 */
public sealed interface CycleEvent extends AuditableEvent {

	long cycleId();

	@Override
	default String objectType() {
		return "EvaluationCycle";
	}

	@Override
	default String objectId() {
		return String.valueOf(cycleId());
	}

	/**
	 * Which fact: one of the records below, by its constructor (e.g.
	 * {@code CycleCreated::new}).
	 */
	@FunctionalInterface
	interface Fact {

		CycleEvent of(long cycleId, String summary, String regionCode, List<FieldChange> changes, Actor actor,
				Instant occurredAt);

	}

	/** A regulator created a cycle. */
	record CycleCreated(long cycleId, String summary, String regionCode, List<FieldChange> changes, Actor actor,
			Instant occurredAt) implements CycleEvent {

		@Override
		public String action() {
			return "CYCLE_CREATED";
		}

	}

	/** The cycle moved to another status. */
	record CycleStatusChanged(long cycleId, String summary, String regionCode, List<FieldChange> changes, Actor actor,
			Instant occurredAt) implements CycleEvent {

		@Override
		public String action() {
			return "CYCLE_STATUS_CHANGED";
		}

	}

	/** The cycle's self-assessment window changed. */
	record CycleWindowChanged(long cycleId, String summary, String regionCode, List<FieldChange> changes, Actor actor,
			Instant occurredAt) implements CycleEvent {

		@Override
		public String action() {
			return "CYCLE_WINDOW_CHANGED";
		}

	}

	/** Institutions were enrolled in the cycle. */
	record InstitutionsEnrolled(long cycleId, String summary, String regionCode, List<FieldChange> changes, Actor actor,
			Instant occurredAt) implements CycleEvent {

		@Override
		public String action() {
			return "CYCLE_INSTITUTIONS_ENROLLED";
		}

	}

	/** An institution was withdrawn from the cycle. */
	record InstitutionWithdrawn(long cycleId, String summary, String regionCode, List<FieldChange> changes, Actor actor,
			Instant occurredAt) implements CycleEvent {

		@Override
		public String action() {
			return "CYCLE_INSTITUTION_WITHDRAWN";
		}

	}

}
