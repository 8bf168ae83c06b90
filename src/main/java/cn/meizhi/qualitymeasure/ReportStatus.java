package cn.meizhi.qualitymeasure;

/**
 * Where an institution's report for a period stands: being filled in, submitted (locked;
 * a correction is a new revision with a reason), or returned by the regulator with a
 * reason (editable again until resubmitted).
 */
public enum ReportStatus {

	DRAFT, SUBMITTED, RETURNED;

	public boolean editable() {
		return this != SUBMITTED;
	}

}
