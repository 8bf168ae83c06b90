package cn.meizhi.complaint;

/** What the regulator decided about a complaint. */
public enum ComplaintOutcome {

	/** 属实 */
	SUBSTANTIATED,
	/** 部分属实 */
	PARTLY_SUBSTANTIATED,
	/** 不属实 */
	NOT_SUBSTANTIATED,
	/** 不属于本部门职责，已转办 (e.g. to market regulation) */
	OUTSIDE_REMIT

}
