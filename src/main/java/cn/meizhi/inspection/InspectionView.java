package cn.meizhi.inspection;

import java.util.List;
import java.util.Map;

import cn.meizhi.account.AccountManagement.AssessorSummary;
import cn.meizhi.cycle.EvaluationCycle;
import cn.meizhi.inspection.internal.InspectionFile;
import cn.meizhi.inspection.internal.InspectionScore;
import cn.meizhi.institution.InstitutionSummary;
import cn.meizhi.selfassessment.Answer;
import cn.meizhi.selfassessment.EvidenceFile;
import cn.meizhi.standard.Indicator;
import cn.meizhi.standard.RatingOutcome;
import cn.meizhi.standard.StandardSection;
import cn.meizhi.standard.StandardVersion;

/**
 * Everything an inspection page shows, read in one transaction: the team, the standard,
 * the team's scores, the clinic's self-assessment beside them, the running result from
 * the rating engine, and the corrective actions.
 */
public record InspectionView(Inspection inspection, EvaluationCycle cycle, InstitutionSummary institution,
		StandardVersion version, Map<Long, AssessorSummary> assessors, Map<Long, InspectionScore> scores,
		Map<Long, Answer> selfAnswers, Map<Long, List<EvidenceFile>> selfEvidence,
		Map<Long, List<InspectionFile>> files, Map<Long, List<InspectionFile>> actionFiles,
		Map<Long, Boolean> applicable, RatingOutcome outcome, List<Indicator> missing, List<CorrectiveAction> actions,
		boolean scorable, boolean lead, java.time.LocalDate today) {

	public boolean applies(Indicator indicator) {
		return applicable.getOrDefault(indicator.getId(), true);
	}

	public InspectionScore scoreOf(Indicator indicator) {
		return scores.get(indicator.getId());
	}

	public Answer selfAnswerOf(Indicator indicator) {
		return selfAnswers.get(indicator.getId());
	}

	public List<EvidenceFile> selfEvidenceOf(Indicator indicator) {
		return selfEvidence.getOrDefault(indicator.getId(), List.of());
	}

	public List<InspectionFile> filesOf(Indicator indicator) {
		return files.getOrDefault(indicator.getId(), List.of());
	}

	/** The files the institution sent with its answer to a corrective action. */
	public List<InspectionFile> filesOfAction(long actionId) {
		return actionFiles.getOrDefault(actionId, List.of());
	}

	public StandardSection section(String code) {
		return version.getSections().stream().filter(s -> s.getCode().equals(code)).findFirst().orElse(null);
	}

	public Indicator indicator(long id) {
		return version.indicators().filter(i -> i.getId() == id).findFirst().orElse(null);
	}

	public int scoredCount() {
		return (int) version.indicators().filter(this::applies).filter(i -> {
			InspectionScore s = scores.get(i.getId());
			return s != null && s.isScored();
		}).count();
	}

	public int applicableCount() {
		return (int) version.indicators().filter(this::applies).count();
	}

	public List<String> scoreOptions(Indicator indicator) {
		List<String> options = new java.util.ArrayList<>();
		java.math.BigDecimal value = indicator.getMaxScore();
		while (value.signum() >= 0) {
			options.add(value.stripTrailingZeros().toPlainString());
			value = value.subtract(indicator.getScoreStep());
		}
		return options;
	}

}
