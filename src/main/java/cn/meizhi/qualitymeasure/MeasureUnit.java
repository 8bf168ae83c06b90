package cn.meizhi.qualitymeasure;

/**
 * What a measure's value is: a rate in percent or per thousand (numerator over
 * denominator), a count, or a number of days.
 */
public enum MeasureUnit {

	RATE_PERCENT, PER_THOUSAND, COUNT, DAYS;

	/** Whether the value is a numerator over a denominator. */
	public boolean isRate() {
		return this == RATE_PERCENT || this == PER_THOUSAND;
	}

}
