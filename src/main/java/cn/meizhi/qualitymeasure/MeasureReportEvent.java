package cn.meizhi.qualitymeasure;

import java.time.Instant;
import java.util.List;

import cn.meizhi.shared.Actor;
import cn.meizhi.shared.AuditableEvent;
import cn.meizhi.shared.FieldChange;

/** A step of an institution's periodic report: one record per fact. */
public sealed interface MeasureReportEvent extends AuditableEvent {

	long reportId();

	long institutionId();

	String period();

	@Override
	default String objectType() {
		return "MeasureReport";
	}

	@Override
	default String objectId() {
		return String.valueOf(reportId());
	}

	/** The institution submitted the period (first time, or again after a return). */
	record MeasureReportSubmitted(long reportId, long institutionId, String period, String regionCode, String summary,
			Actor actor, Instant occurredAt) implements MeasureReportEvent {

		@Override
		public String action() {
			return "MEASURE_REPORT_SUBMITTED";
		}

	}

	/** The institution corrected a submitted period, with a reason. */
	record MeasureReportCorrected(long reportId, long institutionId, String period, String regionCode, String summary,
			List<FieldChange> changes, Actor actor, Instant occurredAt) implements MeasureReportEvent {

		@Override
		public String action() {
			return "MEASURE_REPORT_CORRECTED";
		}

	}

	/** The regulator returned a submitted period with a reason. */
	record MeasureReportReturned(long reportId, long institutionId, String period, String regionCode, String summary,
			String reason, Actor actor, Instant occurredAt) implements MeasureReportEvent {

		@Override
		public String action() {
			return "MEASURE_REPORT_RETURNED";
		}

		@Override
		public List<FieldChange> changes() {
			return List.of(new FieldChange("reason", null, reason));
		}

	}

}
