package cn.meizhi.inspection;

/**
 * SCHEDULED → IN_PROGRESS (first score saved) → SUBMITTED (by the lead, read-only); or
 * CANCELLED with a reason.
 */
public enum InspectionStatus {

	SCHEDULED, IN_PROGRESS, SUBMITTED, CANCELLED;

	public boolean scorable() {
		return this == SCHEDULED || this == IN_PROGRESS;
	}

}
