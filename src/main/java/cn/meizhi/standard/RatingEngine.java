package cn.meizhi.standard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.meizhi.standard.RatingOutcome.Reason;
import cn.meizhi.standard.RatingOutcome.Reason.Kind;
import cn.meizhi.standard.RatingOutcome.SectionOutcome;

import org.springframework.stereotype.Service;

/**
 * The one computation from indicator scores to a weighted total and stars.
 * Self-assessments, inspections, proposals and the preview on a draft all call it;
 * nothing else computes stars.
 * <ul>
 * <li>A section's percentage is the points earned over the points possible of its
 * applicable indicators; N/A (and indicators that do not apply to the institution) count
 * in neither. An indicator not scored yet counts as 0 and is listed as unscored.</li>
 * <li>The total is the weight-averaged section percentage over the sections that count (a
 * section whose indicators are all N/A drops out and its weight with it), rounded half-up
 * to one decimal place. Section percentages are rounded the same way before they are
 * compared with the section minimum.</li>
 * <li>Stars are the highest level whose threshold the rounded total reaches; below the
 * 1-star threshold the result is 0 ("not rated").</li>
 * <li>A failed core item (scored below its maximum) caps the stars at the version's core
 * cap (0 = not rated).</li>
 * <li>4 or 5 stars need every counting section at or above the section minimum; otherwise
 * 3.</li>
 * </ul>
 */
@Service
public class RatingEngine {

	static final int SCALE = 1;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** Scores every indicator of the model; {@code scores} is keyed by indicator code. */
	public RatingOutcome evaluate(ScoringModel model, Map<String, Score> scores) {
		List<SectionOutcome> sections = new ArrayList<>();
		List<String> failedCore = new ArrayList<>();
		List<String> unscored = new ArrayList<>();
		BigDecimal weighted = BigDecimal.ZERO;
		BigDecimal weights = BigDecimal.ZERO;
		for (ScoringModel.SectionModel section : model.sections()) {
			BigDecimal earned = BigDecimal.ZERO;
			BigDecimal possible = BigDecimal.ZERO;
			for (ScoringModel.IndicatorModel indicator : section.indicators()) {
				Score score = scores.get(indicator.code());
				if (!indicator.applicable() || (score != null && score.notApplicable())) {
					continue;
				}
				BigDecimal value = score == null ? BigDecimal.ZERO : score.value();
				if (score == null) {
					unscored.add(indicator.code());
				}
				if (value.signum() < 0 || value.compareTo(indicator.maxScore()) > 0) {
					throw new IllegalArgumentException(
							"Score " + value + " of " + indicator.code() + " is outside 0.." + indicator.maxScore());
				}
				if (indicator.core() && value.compareTo(indicator.maxScore()) < 0) {
					failedCore.add(indicator.code());
				}
				earned = earned.add(value);
				possible = possible.add(indicator.maxScore());
			}
			BigDecimal percent = null;
			if (possible.signum() > 0) {
				BigDecimal exact = earned.multiply(HUNDRED).divide(possible, 10, RoundingMode.HALF_UP);
				weighted = weighted.add(exact.multiply(section.weight()));
				weights = weights.add(section.weight());
				percent = exact.setScale(SCALE, RoundingMode.HALF_UP);
			}
			sections.add(new SectionOutcome(section.code(), section.weight(), earned, possible, percent));
		}
		if (weights.signum() == 0) {
			return new RatingOutcome(sections, BigDecimal.ZERO.setScale(SCALE), 0,
					List.of(new Reason(Kind.NOTHING_APPLICABLE, 0, null, null)), failedCore, unscored);
		}
		BigDecimal total = weighted.divide(weights, SCALE, RoundingMode.HALF_UP);
		var decision = decide(model.rules(), total, sections, failedCore);
		return new RatingOutcome(sections, total, decision.stars(), decision.reasons(), failedCore, unscored);
	}

	/**
	 * The stars the rules give a total, given section percentages and failed core items:
	 * what the preview on a draft version shows, and the last step of {@link #evaluate}.
	 */
	public Decision decide(RatingRules rules, BigDecimal total, List<SectionOutcome> sections,
			List<String> failedCoreIndicators) {
		List<Reason> reasons = new ArrayList<>();
		BigDecimal rounded = total.setScale(SCALE, RoundingMode.HALF_UP);
		List<BigDecimal> thresholds = rules.thresholds();
		int stars = 0;
		for (int level = 1; level <= thresholds.size(); level++) {
			if (rounded.compareTo(thresholds.get(level - 1)) >= 0) {
				stars = level;
			}
		}
		if (stars == 0) {
			reasons.add(new Reason(Kind.BELOW_LOWEST_THRESHOLD, 0, thresholds.get(0), null));
		}
		else {
			reasons.add(new Reason(Kind.THRESHOLD, stars, thresholds.get(stars - 1), null));
		}
		if (!failedCoreIndicators.isEmpty() && stars > rules.getCoreFailureCap()) {
			stars = rules.getCoreFailureCap();
			reasons.add(new Reason(Kind.CORE_CAP, stars, null, String.join("、", failedCoreIndicators)));
		}
		if (stars >= 4) {
			List<String> below = sections.stream()
				.filter(s -> s.counts() && s.percent().compareTo(rules.getSectionMinimumPercent()) < 0)
				.map(SectionOutcome::code)
				.toList();
			if (!below.isEmpty()) {
				stars = 3;
				reasons.add(
						new Reason(Kind.SECTION_MINIMUM, 3, rules.getSectionMinimumPercent(), String.join("、", below)));
			}
		}
		return new Decision(stars, reasons);
	}

	/** Stars and the reasons for them. */
	public record Decision(int stars, List<Reason> reasons) {
	}

}
