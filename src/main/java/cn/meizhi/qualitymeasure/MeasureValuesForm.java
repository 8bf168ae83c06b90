package cn.meizhi.qualitymeasure;

import java.util.LinkedHashMap;
import java.util.Map;

import lombok.Data;

/**
 * A period's values as typed (text, so that what was typed is shown again when refused):
 * numerator and denominator by measure code; a correction's reason; the confirmation that
 * values outside a measure's plausible range are right; the report's version as loaded.
 */
@Data
public class MeasureValuesForm {

	private Map<String, String> numerator = new LinkedHashMap<>();

	private Map<String, String> denominator = new LinkedHashMap<>();

	private String reason;

	private boolean confirmOutliers;

	private Long version;

}
