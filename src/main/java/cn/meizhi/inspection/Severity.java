package cn.meizhi.inspection;

/**
 * How serious a finding is: 一般, 严重, 重大.
 */
public enum Severity {

	GENERAL, SERIOUS, MAJOR

}
