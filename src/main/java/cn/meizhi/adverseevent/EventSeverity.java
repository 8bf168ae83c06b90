package cn.meizhi.adverseevent;

/**
 * Severity on the four-level scale of hospital incident reporting (医疗安全不良事件分级).
 */
public enum EventSeverity {

	/** I 级 警告事件: death or lasting harm, unexpected. */
	I,
	/** II 级 不良后果事件: harm to the patient. */
	II,
	/** III 级 未造成后果事件: reached the patient without harm. */
	III,
	/** IV 级 隐患事件: caught before it reached the patient. */
	IV;

	/** I and II: the regulator is alerted at once. */
	public boolean isSevere() {
		return this == I || this == II;
	}

}
