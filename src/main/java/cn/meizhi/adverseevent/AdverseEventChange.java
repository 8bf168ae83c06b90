package cn.meizhi.adverseevent;

import java.time.Instant;
import java.util.List;

import cn.meizhi.shared.Actor;
import cn.meizhi.shared.AuditableEvent;
import cn.meizhi.shared.FieldChange;

/** Something happened to an adverse event report: one record per fact. */
public sealed interface AdverseEventChange extends AuditableEvent {

	long adverseEventId();

	@Override
	default String objectType() {
		return "AdverseEvent";
	}

	@Override
	default String objectId() {
		return String.valueOf(adverseEventId());
	}

	@Override
	default boolean changesPublicData() {
		return false;
	}

	/** A clinic reported an adverse event. */
	record AdverseEventReported(long adverseEventId, long institutionId, EventSeverity severity, String summary,
			String regionCode, Actor actor, Instant occurredAt) implements AdverseEventChange {

		@Override
		public String action() {
			return "ADVERSE_EVENT_REPORTED";
		}

		@Override
		public List<FieldChange> changes() {
			return new FieldChange.Diff().add("severity", null, severity).changes();
		}

	}

	/**
	 * The regulator reviewed the report (and maybe flagged an unannounced inspection).
	 */
	record AdverseEventReviewed(long adverseEventId, long institutionId, boolean inspectionFlagged, String summary,
			String regionCode, Actor actor, Instant occurredAt) implements AdverseEventChange {

		@Override
		public String action() {
			return "ADVERSE_EVENT_REVIEWED";
		}

		@Override
		public List<FieldChange> changes() {
			return new FieldChange.Diff().add("inspectionFlagged", null, inspectionFlagged).changes();
		}

	}

}
