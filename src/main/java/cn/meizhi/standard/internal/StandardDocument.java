package cn.meizhi.standard.internal;

import java.math.BigDecimal;
import java.util.List;

import cn.meizhi.standard.EvaluationStandard;
import cn.meizhi.standard.RatingRules;
import cn.meizhi.standard.StandardVersion;

/**
 * A standard version as a portable JSON document ({@code meizhi-standard/1}): what export
 * writes and import reads. It names no database ids and no status, so a round trip is
 * exact.
 */
public record StandardDocument(String format, Standard standard, Version version, Rules rules, List<Section> sections) {

	static final String FORMAT = "meizhi-standard/1";

	public record Standard(String name, String nameEn, String description, String descriptionEn, boolean example) {
	}

	public record Version(String label, String notes) {
	}

	public record Rules(List<BigDecimal> thresholds, Integer coreFailureCap, BigDecimal sectionMinimumPercent,
			Integer appealWindowDays, Integer validityMonths, Integer correctiveActionDueDays) {
	}

	public record Section(String code, String name, String nameEn, BigDecimal weight, List<Item> indicators) {
	}

	public record Item(String code, String title, String titleEn, String guidance, String guidanceEn,
			List<String> methods, BigDecimal maxScore, BigDecimal scoreStep, boolean notApplicableAllowed,
			List<String> appliesToTypes, Integer minimumSurgeryLevel, boolean core) {
	}

	static StandardDocument of(StandardVersion version) {
		EvaluationStandard standard = version.getStandard();
		RatingRules rules = version.getRules();
		return new StandardDocument(FORMAT,
				new Standard(standard.getName(), standard.getNameEn(), standard.getDescription(),
						standard.getDescriptionEn(), standard.isExample()),
				new Version(version.getLabel(), version.getNotes()),
				new Rules(rules.thresholds().stream().map(StandardDocument::plain).toList(), rules.getCoreFailureCap(),
						plain(rules.getSectionMinimumPercent()), rules.getAppealWindowDays(), rules.getValidityMonths(),
						rules.getCorrectiveActionDueDays()),
				version.getSections()
					.stream()
					.map(s -> new Section(s.getCode(), s.getName(), s.getNameEn(), plain(s.getWeight()),
							s.getIndicators()
								.stream()
								.map(i -> new Item(i.getCode(), i.getTitle(), i.getTitleEn(), i.getGuidance(),
										i.getGuidanceEn(), i.getMethodSet().stream().map(Enum::name).toList(),
										plain(i.getMaxScore()), plain(i.getScoreStep()), i.isNotApplicableAllowed(),
										i.getApplicableTypes().stream().map(Enum::name).toList(),
										i.getMinimumSurgeryLevel(), i.isCore()))
								.toList()))
					.toList());
	}

	/**
	 * Numbers without trailing zeros and never in exponent form: 5.00 → 5, 0.50 → 0.5,
	 * 10.00 → 10.
	 */
	static BigDecimal plain(BigDecimal value) {
		if (value == null) {
			return null;
		}
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

}
