package cn.meizhi.standard.internal;

import java.math.BigDecimal;
import java.util.List;

import cn.meizhi.standard.RatingRules;
import cn.meizhi.standard.StandardVersion;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import lombok.Getter;
import lombok.Setter;

/**
 * The rating rules of a draft version as a regulator edits them.
 */
@Getter
@Setter
public class RulesForm {

	private Long lockVersion;

	@NotNull
	@DecimalMin("0")
	@DecimalMax("100")
	private BigDecimal star1;

	@NotNull
	@DecimalMin("0")
	@DecimalMax("100")
	private BigDecimal star2;

	@NotNull
	@DecimalMin("0")
	@DecimalMax("100")
	private BigDecimal star3;

	@NotNull
	@DecimalMin("0")
	@DecimalMax("100")
	private BigDecimal star4;

	@NotNull
	@DecimalMin("0")
	@DecimalMax("100")
	private BigDecimal star5;

	@NotNull
	@Min(0)
	@Max(4)
	private Integer coreFailureCap;

	@NotNull
	@DecimalMin("0")
	@DecimalMax("100")
	private BigDecimal sectionMinimumPercent;

	@NotNull
	@Min(1)
	@Max(365)
	private Integer appealWindowDays;

	@NotNull
	@Min(1)
	@Max(120)
	private Integer validityMonths;

	@NotNull
	@Min(1)
	@Max(365)
	private Integer correctiveActionDueDays;

	public List<BigDecimal> thresholds() {
		return List.of(star1, star2, star3, star4, star5);
	}

	public RatingRules toRules() {
		return new RatingRules(thresholds(), coreFailureCap, sectionMinimumPercent, appealWindowDays, validityMonths,
				correctiveActionDueDays);
	}

	public static RulesForm of(StandardVersion version) {
		RatingRules rules = version.getRules();
		var form = new RulesForm();
		form.lockVersion = version.getLockVersion();
		form.star1 = rules.getStar1Threshold();
		form.star2 = rules.getStar2Threshold();
		form.star3 = rules.getStar3Threshold();
		form.star4 = rules.getStar4Threshold();
		form.star5 = rules.getStar5Threshold();
		form.coreFailureCap = rules.getCoreFailureCap();
		form.sectionMinimumPercent = rules.getSectionMinimumPercent();
		form.appealWindowDays = rules.getAppealWindowDays();
		form.validityMonths = rules.getValidityMonths();
		form.correctiveActionDueDays = rules.getCorrectiveActionDueDays();
		return form;
	}

}
