package cn.meizhi.standard.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

import cn.meizhi.shared.FormRejectedException;

/**
 * The rules a draft's content must satisfy, shared by the authoring forms and the JSON
 * import so that both refuse the same things with the same messages. {@code prefix} names
 * where the value sits (empty for a form, e.g. {@code sections[2].indicators[0].} for an
 * import).
 */
public final class StandardChecks {

	static final Pattern CODE = Pattern.compile("[A-Za-z0-9.\\-]{1,20}");

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private StandardChecks() {
	}

	/** Five thresholds within 0–100, strictly increasing from 1 to 5 stars. */
	public static void thresholds(List<BigDecimal> thresholds, String prefix, List<String> fields,
			FormRejectedException.Collector reasons) {
		if (thresholds == null || thresholds.size() != 5) {
			reasons.reject(prefix + "thresholds", "standard.rules.fiveThresholds");
			return;
		}
		BigDecimal previous = null;
		for (int i = 0; i < 5; i++) {
			BigDecimal value = thresholds.get(i);
			String field = prefix + fields.get(i);
			if (value == null) {
				reasons.reject(field, "NotNull");
			}
			else if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
				reasons.reject(field, "standard.rules.thresholdRange");
			}
			else if (previous != null && value.compareTo(previous) <= 0) {
				reasons.reject(field, "standard.rules.thresholdsIncreasing", i + 1, i);
			}
			if (value != null) {
				previous = value;
			}
		}
	}

	static void rules(StandardDocument.Rules rules, String prefix, FormRejectedException.Collector reasons) {
		thresholds(rules.thresholds(), prefix,
				List.of("thresholds[0]", "thresholds[1]", "thresholds[2]", "thresholds[3]", "thresholds[4]"), reasons);
		range(rules.coreFailureCap(), 0, 4, prefix + "coreFailureCap", reasons);
		if (rules.sectionMinimumPercent() == null || rules.sectionMinimumPercent().signum() < 0
				|| rules.sectionMinimumPercent().compareTo(HUNDRED) > 0) {
			reasons.reject(prefix + "sectionMinimumPercent", "standard.rules.percentRange");
		}
		range(rules.appealWindowDays(), 1, 365, prefix + "appealWindowDays", reasons);
		range(rules.validityMonths(), 1, 120, prefix + "validityMonths", reasons);
		range(rules.correctiveActionDueDays(), 1, 365, prefix + "correctiveActionDueDays", reasons);
	}

	static void code(String code, String field, FormRejectedException.Collector reasons) {
		if (code == null || !CODE.matcher(code).matches()) {
			reasons.reject(field, "standard.code.format");
		}
	}

	public static void weight(BigDecimal weight, String field, FormRejectedException.Collector reasons) {
		if (weight == null || weight.signum() <= 0) {
			reasons.reject(field, "standard.section.weightPositive");
		}
	}

	/**
	 * The maximum and the step are positive and the maximum is a whole number of steps.
	 */
	public static void scoring(BigDecimal maxScore, BigDecimal scoreStep, String prefix,
			FormRejectedException.Collector reasons) {
		boolean ok = true;
		if (maxScore == null || maxScore.signum() <= 0) {
			reasons.reject(prefix + "maxScore", "standard.indicator.maxPositive");
			ok = false;
		}
		if (scoreStep == null || scoreStep.signum() <= 0) {
			reasons.reject(prefix + "scoreStep", "standard.indicator.stepPositive");
			ok = false;
		}
		if (ok && maxScore.remainder(scoreStep).signum() != 0) {
			reasons.reject(prefix + "maxScore", "standard.indicator.maxNotMultiple", DocumentNumbers.text(scoreStep));
		}
	}

	public static void text(String value, int max, String field, FormRejectedException.Collector reasons) {
		if (value == null || value.isBlank()) {
			reasons.reject(field, "NotBlank");
		}
		else if (value.length() > max) {
			reasons.reject(field, "standard.text.tooLong", max);
		}
	}

	private static void range(Integer value, int min, int max, String field, FormRejectedException.Collector reasons) {
		if (value == null || value < min || value > max) {
			reasons.reject(field, "standard.rules.range", min, max);
		}
	}

	/** Formats numbers the way people write them. */
	public static final class DocumentNumbers {

		private DocumentNumbers() {
		}

		public static String text(BigDecimal value) {
			return StandardDocument.plain(value).toPlainString();
		}

	}

}
