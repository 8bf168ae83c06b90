package cn.meizhi.qualitymeasure;

/** How often a measure is reported. */
public enum ReportingPeriod {

	MONTHLY, QUARTERLY

}
