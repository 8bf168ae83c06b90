package cn.meizhi.institution;

/**
 * Kinds of medical-aesthetics institution, per 医疗美容服务管理办法.
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
