package cn.meizhi.shared;

/**
 * Kinds of medical-aesthetics institution, per 医疗美容服务管理办法: the regulation's vocabulary,
 * shared by the register (an institution is of one kind) and the standards and catalogues
 * (which say what applies to each kind).
 */
public enum InstitutionType {

	/** 美容医院 */
	AESTHETIC_HOSPITAL,
	/** 医疗美容门诊部 */
	AESTHETIC_OUTPATIENT_DEPARTMENT,
	/** 医疗美容诊所 */
	AESTHETIC_CLINIC,
	/** 综合医院医疗美容科 */
	GENERAL_HOSPITAL_DEPARTMENT

}
