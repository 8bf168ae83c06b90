package cn.meizhi.enforcement;

import java.time.Instant;
import java.util.List;

import cn.meizhi.shared.Actor;
import cn.meizhi.shared.AuditableEvent;
import cn.meizhi.shared.FieldChange;

/** A penalty was recorded: it is public on the institution's profile at once. */
public sealed interface PenaltyEvent extends AuditableEvent {

	long penaltyId();

	@Override
	default String objectType() {
		return "Penalty";
	}

	@Override
	default String objectId() {
		return String.valueOf(penaltyId());
	}

	/** A regulator recorded a penalty decision. */
	record PenaltyRecorded(long penaltyId, long institutionId, String summary, String regionCode,
			PenaltyMeasure measure, Actor actor, Instant occurredAt) implements PenaltyEvent {

		@Override
		public String action() {
			return "PENALTY_RECORDED";
		}

		@Override
		public List<FieldChange> changes() {
			return new FieldChange.Diff().add("measure", null, measure).changes();
		}

	}

}
