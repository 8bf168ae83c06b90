package cn.meizhi.standard;

import java.math.BigDecimal;
import java.util.List;

import cn.meizhi.shared.InstitutionType;

/**
 * What the rating engine needs of a standard version, for one institution: the rules, and
 * per section its weight and indicators (with their maximum, core flag and whether they
 * apply to the institution).
 */
public record ScoringModel(RatingRules rules, List<SectionModel> sections) {

	public record SectionModel(String code, BigDecimal weight, List<IndicatorModel> indicators) {
	}

	public record IndicatorModel(String code, BigDecimal maxScore, boolean core, boolean applicable) {
	}

	/**
	 * The model of a version for an institution of this type and licensed surgery level.
	 */
	public static ScoringModel of(StandardVersion version, InstitutionType type, int surgeryLevel) {
		return new ScoringModel(version.getRules(),
				version.getSections()
					.stream()
					.map(s -> new SectionModel(s.getCode(), s.getWeight(),
							s.getIndicators()
								.stream()
								.map(i -> new IndicatorModel(i.getCode(), i.getMaxScore(), i.isCore(),
										type == null || i.appliesTo(type, surgeryLevel)))
								.toList()))
					.toList());
	}

}
