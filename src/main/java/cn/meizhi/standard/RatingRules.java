package cn.meizhi.standard;

import java.math.BigDecimal;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * The rating rules of a standard version: star thresholds on the 0–100 weighted total,
 * the cap when a core item is failed, the section minimum for 4 and 5 stars, and the time
 * limits that later steps use.
 */
@Embeddable
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class RatingRules {

	@Column(name = "star1_threshold")
	private BigDecimal star1Threshold;

	@Column(name = "star2_threshold")
	private BigDecimal star2Threshold;

	@Column(name = "star3_threshold")
	private BigDecimal star3Threshold;

	@Column(name = "star4_threshold")
	private BigDecimal star4Threshold;

	@Column(name = "star5_threshold")
	private BigDecimal star5Threshold;

	/**
	 * The most stars a rating may have when any core item is failed; 0 means "not rated".
	 */
	private int coreFailureCap;

	/** Every section needs at least this percentage for 4 or 5 stars. */
	private BigDecimal sectionMinimumPercent;

	private int appealWindowDays;

	private int validityMonths;

	private int correctiveActionDueDays;

	public RatingRules(List<BigDecimal> thresholds, int coreFailureCap, BigDecimal sectionMinimumPercent,
			int appealWindowDays, int validityMonths, int correctiveActionDueDays) {
		if (thresholds.size() != 5) {
			throw new IllegalArgumentException("Five thresholds, one per star");
		}
		this.star1Threshold = thresholds.get(0);
		this.star2Threshold = thresholds.get(1);
		this.star3Threshold = thresholds.get(2);
		this.star4Threshold = thresholds.get(3);
		this.star5Threshold = thresholds.get(4);
		this.coreFailureCap = coreFailureCap;
		this.sectionMinimumPercent = sectionMinimumPercent;
		this.appealWindowDays = appealWindowDays;
		this.validityMonths = validityMonths;
		this.correctiveActionDueDays = correctiveActionDueDays;
	}

	/** Sensible defaults for a new draft. */
	public static RatingRules defaults() {
		return new RatingRules(List.of(new BigDecimal("60"), new BigDecimal("70"), new BigDecimal("80"),
				new BigDecimal("88"), new BigDecimal("94")), 2, new BigDecimal("70"), 15, 36, 30);
	}

	/** The thresholds for 1 to 5 stars, in order. */
	public List<BigDecimal> thresholds() {
		return List.of(star1Threshold, star2Threshold, star3Threshold, star4Threshold, star5Threshold);
	}

	public RatingRules copy() {
		return new RatingRules(thresholds(), coreFailureCap, sectionMinimumPercent, appealWindowDays, validityMonths,
				correctiveActionDueDays);
	}

}
