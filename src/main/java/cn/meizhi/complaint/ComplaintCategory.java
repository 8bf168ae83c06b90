package cn.meizhi.complaint;

/** What a complaint is about. */
public enum ComplaintCategory {

	/** 诊疗质量 */
	CARE_QUALITY,
	/** 虚假宣传 */
	FALSE_ADVERTISING,
	/** 无证行医 / 超范围执业 */
	UNLICENSED_PRACTICE,
	/** 价格收费 */
	PRICING,
	/** 药品器械 */
	DRUGS_AND_DEVICES,
	/** 服务态度 */
	SERVICE_ATTITUDE,
	/** 其他 */
	OTHER

}
