package cn.meizhi.complaint;

/** What a decided complaint leads to beyond the answer. */
public enum FollowUp {

	/** Nothing more. */
	NONE,

	/** The institution is flagged for an unannounced inspection (飞行检查). */
	UNANNOUNCED_INSPECTION,

	/**
	 * The finding becomes a corrective action (整改) the institution answers and the
	 * regulator closes.
	 */
	CORRECTIVE_ACTION

}
