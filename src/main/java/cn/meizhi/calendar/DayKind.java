package cn.meizhi.calendar;

/**
 * How a day differs from the usual week: a weekday off, or a weekend day worked.
 */
public enum DayKind {

	/** A public holiday on a weekday (法定节假日). */
	HOLIDAY,

	/** A Saturday or Sunday worked in exchange for a holiday (调休上班). */
	WORKDAY

}
