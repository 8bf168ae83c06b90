package cn.meizhi.qualitymeasure;

/** Which way is better. */
public enum MeasureDirection {

	LOWER_BETTER, HIGHER_BETTER

}
