package cn.meizhi.practitioner;

import cn.meizhi.institution.Department;

/**
 * A physician's practising category (执业类别), the second digit of the licence number: which
 * aesthetic specialties it may qualify for.
 */
public enum QualificationCategory {

	/** 临床: aesthetic surgery and dermatology. */
	CLINICAL('1'),
	/** 中医: aesthetic TCM. */
	TCM('2'),
	/** 口腔: aesthetic dentistry. */
	DENTAL('3');

	private final char digit;

	QualificationCategory(char digit) {
		this.digit = digit;
	}

	/** The digit the licence number carries for this category. */
	public char digit() {
		return digit;
	}

	/** Whether a 主诊医师 of this category may hold this specialty. */
	public boolean allows(Department specialty) {
		return switch (this) {
			case CLINICAL -> specialty == Department.AESTHETIC_SURGERY || specialty == Department.AESTHETIC_DERMATOLOGY;
			case TCM -> specialty == Department.AESTHETIC_TCM;
			case DENTAL -> specialty == Department.AESTHETIC_DENTISTRY;
		};
	}

}
