package cn.meizhi.institution;

/**
 * Registered medical-aesthetics departments (诊疗科目).
 */
public enum Department {

	/** 美容外科 */
	AESTHETIC_SURGERY,
	/** 美容皮肤科 */
	AESTHETIC_DERMATOLOGY,
	/** 美容牙科 */
	AESTHETIC_DENTISTRY,
	/** 美容中医科 */
	AESTHETIC_TCM,
	/** 麻醉科 */
	ANESTHESIOLOGY,
	/** 医学检验科 */
	LABORATORY,
	/** 医学影像科 */
	MEDICAL_IMAGING

}
