package cn.meizhi.standard;

/**
 * How an assessor checks an indicator (CAPA 5A practice).
 */
public enum EvaluationMethod {

	/** 查阅资料 */
	DOCUMENT_REVIEW,
	/** 现场查看 */
	SITE_VISIT,
	/** 人员访谈 */
	INTERVIEW,
	/** 个案追踪 */
	INDIVIDUAL_TRACER,
	/** 系统追踪 */
	SYSTEM_TRACER,
	/** 病历检查 */
	RECORD_REVIEW

}
