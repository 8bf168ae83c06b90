package cn.meizhi.standard.internal;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

import cn.meizhi.shared.InstitutionType;
import cn.meizhi.standard.EvaluationMethod;
import cn.meizhi.standard.Indicator;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

/**
 * An indicator of a draft version.
 */
@Getter
@Setter
public class IndicatorForm {

	@NotNull
	private Long sectionId;

	@NotBlank
	@Pattern(regexp = "[A-Za-z0-9.\\-]{1,20}")
	private String code;

	@NotBlank
	@Size(max = 300)
	private String title;

	@NotBlank
	@Size(max = 300)
	private String titleEn;

	@NotBlank
	@Size(max = 4000)
	private String guidance;

	@NotBlank
	@Size(max = 4000)
	private String guidanceEn;

	@NotEmpty
	private Set<EvaluationMethod> methods = EnumSet.noneOf(EvaluationMethod.class);

	@NotNull
	@DecimalMin(value = "0", inclusive = false)
	private BigDecimal maxScore;

	@NotNull
	@DecimalMin(value = "0", inclusive = false)
	private BigDecimal scoreStep = BigDecimal.ONE;

	private boolean notApplicableAllowed;

	private Set<InstitutionType> appliesToTypes = EnumSet.noneOf(InstitutionType.class);

	@Min(1)
	@Max(4)
	private Integer minimumSurgeryLevel;

	private boolean core;

	@NotNull
	@Min(0)
	@Max(10000)
	private Integer position = 0;

	public IndicatorContent content() {
		return new IndicatorContent(code.strip(), title.strip(), titleEn.strip(), guidance.strip(), guidanceEn.strip(),
				methods, maxScore, scoreStep, notApplicableAllowed, appliesToTypes, minimumSurgeryLevel, core,
				position);
	}

	public static IndicatorForm of(Indicator indicator) {
		var form = new IndicatorForm();
		form.sectionId = indicator.getSection().getId();
		form.code = indicator.getCode();
		form.title = indicator.getTitle();
		form.titleEn = indicator.getTitleEn();
		form.guidance = indicator.getGuidance();
		form.guidanceEn = indicator.getGuidanceEn();
		form.methods = EnumSet.copyOf(indicator.getMethodSet());
		form.maxScore = indicator.getMaxScore();
		form.scoreStep = indicator.getScoreStep();
		form.notApplicableAllowed = indicator.isNotApplicableAllowed();
		form.appliesToTypes = EnumSet.noneOf(InstitutionType.class);
		form.appliesToTypes.addAll(indicator.getApplicableTypes());
		form.minimumSurgeryLevel = indicator.getMinimumSurgeryLevel();
		form.core = indicator.isCore();
		form.position = indicator.getPosition();
		return form;
	}

}
