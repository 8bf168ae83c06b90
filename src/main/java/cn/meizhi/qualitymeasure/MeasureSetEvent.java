package cn.meizhi.qualitymeasure;

import java.time.Instant;

import cn.meizhi.shared.Actor;
import cn.meizhi.shared.AuditableEvent;

/** A step of a measure set: one record per fact. */
public sealed interface MeasureSetEvent extends AuditableEvent {

	long setId();

	@Override
	default String objectType() {
		return "MeasureSet";
	}

	@Override
	default String objectId() {
		return String.valueOf(setId());
	}

	@Override
	default String regionCode() {
		return null;
	}

	/** A draft was imported from JSON. */
	record MeasureSetImported(long setId, String summary, Actor actor, Instant occurredAt) implements MeasureSetEvent {

		@Override
		public String action() {
			return "MEASURE_SET_IMPORTED";
		}

		@Override
		public boolean changesPublicData() {
			return false;
		}

	}

	/** A draft was published; the one published before it retired. */
	record MeasureSetPublished(long setId, String summary, Actor actor, Instant occurredAt) implements MeasureSetEvent {

		@Override
		public String action() {
			return "MEASURE_SET_PUBLISHED";
		}

	}

	/** The published set was retired. */
	record MeasureSetRetired(long setId, String summary, Actor actor, Instant occurredAt) implements MeasureSetEvent {

		@Override
		public String action() {
			return "MEASURE_SET_RETIRED";
		}

	}

}
