package cn.meizhi.standard;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the rating engine computed: per-section results, the weighted total on 0–100, the
 * stars (0 = not rated) and every reason that decided them.
 */
public record RatingOutcome(List<SectionOutcome> sections, BigDecimal total, int stars, List<Reason> reasons,
		List<String> failedCoreIndicators, List<String> unscoredIndicators) {

	/**
	 * One section: points earned and possible over its applicable indicators, and the
	 * percentage (null when every indicator of the section is N/A, so that the section
	 * does not count).
	 */
	public record SectionOutcome(String code, BigDecimal weight, BigDecimal earned, BigDecimal possible,
			BigDecimal percent) {

		public boolean counts() {
			return percent != null;
		}

	}

	/** Why the stars are what they are. */
	public record Reason(Kind kind, int stars, BigDecimal value, String subject) {

		public enum Kind {

			/** The total reached the threshold of {@code stars}. */
			THRESHOLD,
			/** The total is below the 1-star threshold ({@code value}): not rated. */
			BELOW_LOWEST_THRESHOLD,
			/** A core item ({@code subject}) was failed: capped at {@code stars}. */
			CORE_CAP,
			/**
			 * Section {@code subject} is below the section minimum ({@code value}%):
			 * capped at 3 stars.
			 */
			SECTION_MINIMUM,
			/** No indicator applies at all. */
			NOTHING_APPLICABLE

		}

	}

	public boolean complete() {
		return unscoredIndicators.isEmpty();
	}

}
