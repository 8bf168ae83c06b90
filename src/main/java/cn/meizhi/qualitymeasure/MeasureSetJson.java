package cn.meizhi.qualitymeasure;

import java.math.BigDecimal;
import java.util.List;

import cn.meizhi.shared.InstitutionType;

/**
 * A measure set as JSON, for import and export.
 *
 * @param label the version's label, e.g. {@code 2027 版}
 * @param example whether it is an example (the demo's), not a regulator's set
 * @param reportingFrom the first day of the first period institutions report (optional:
 * the day of import)
 * @param measures the measures, in order
 */
public record MeasureSetJson(String label, boolean example, java.time.LocalDate reportingFrom, List<Measure> measures) {

	/**
	 * One measure.
	 *
	 * @param code a short code, e.g. {@code QC-01}
	 * @param name its name
	 * @param nameEn its English name
	 * @param definition what it measures and why
	 * @param numerator what is counted
	 * @param denominator what it is counted among (rates only)
	 * @param unit the value's unit
	 * @param direction which way is better
	 * @param institutionTypes who reports it
	 * @param period how often
	 * @param min the lowest plausible value (optional)
	 * @param max the highest plausible value (optional)
	 * @param disclosed whether the public sees it
	 */
	public record Measure(String code, String name, String nameEn, String definition, String numerator,
			String denominator, MeasureUnit unit, MeasureDirection direction, List<InstitutionType> institutionTypes,
			ReportingPeriod period, BigDecimal min, BigDecimal max, boolean disclosed) {
	}

}
