package cn.meizhi.inspection;

import java.math.BigDecimal;
import java.util.Locale;

import cn.meizhi.standard.Score;

/**
 * One indicator's result as the public reads it: met, partly met or not met (or not
 * applicable, or not scored), whether it is a core item, in the standard's words; the
 * finding's text only when the regulator made it public.
 */
public record IndicatorResult(String sectionCode, String code, String title, String titleEn, boolean core,
		Result result, String publicFinding) {

	/** The result of a score against the indicator's maximum. */
	public enum Result {

		MET, PARTLY_MET, NOT_MET, NOT_APPLICABLE, NOT_SCORED;

		/** Full marks: met; zero: not met; between: partly; none: not scored. */
		public static Result of(Score score, BigDecimal max) {
			if (score == null) {
				return NOT_SCORED;
			}
			if (score.notApplicable()) {
				return NOT_APPLICABLE;
			}
			if (score.value().compareTo(max) >= 0) {
				return MET;
			}
			return score.value().signum() <= 0 ? NOT_MET : PARTLY_MET;
		}

	}

	public String title(Locale locale) {
		return locale.getLanguage().equals("en") && titleEn != null ? titleEn : title;
	}

}
