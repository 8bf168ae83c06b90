package cn.meizhi.standard.internal;

import java.math.BigDecimal;
import java.util.Set;

import cn.meizhi.shared.InstitutionType;
import cn.meizhi.standard.EvaluationMethod;

/**
 * Everything an indicator says, without identity: what forms, imports and copies hand
 * over.
 */
public record IndicatorContent(String code, String title, String titleEn, String guidance, String guidanceEn,
		Set<EvaluationMethod> methods, BigDecimal maxScore, BigDecimal scoreStep, boolean notApplicableAllowed,
		Set<InstitutionType> appliesToTypes, Integer minimumSurgeryLevel, boolean core, int position) {
}
