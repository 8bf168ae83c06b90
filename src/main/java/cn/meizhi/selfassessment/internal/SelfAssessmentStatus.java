package cn.meizhi.selfassessment.internal;

/**
 * DRAFT (being filled) → SUBMITTED (read-only) → RETURNED (editable again, with the
 * regulator's reason) → SUBMITTED. Enrolled institutions without a self-assessment yet
 * are "not started".
 */
public enum SelfAssessmentStatus {

	DRAFT, SUBMITTED, RETURNED;

	public boolean editable() {
		return this != SUBMITTED;
	}

}
