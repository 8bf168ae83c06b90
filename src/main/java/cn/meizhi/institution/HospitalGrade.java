package cn.meizhi.institution;

/**
 * Hospital grade (医院等级) where an institution has one.
 */
public enum HospitalGrade {

	/** 一级 */
	GRADE_1,
	/** 二级 */
	GRADE_2,
	/** 三级 */
	GRADE_3

}
