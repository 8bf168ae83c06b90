package cn.meizhi.demo.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.meizhi.cycle.CycleForm;
import cn.meizhi.cycle.CycleManagement;
import cn.meizhi.cycle.CycleStatus;
import cn.meizhi.cycle.EvaluationCycle;
import cn.meizhi.selfassessment.SectionAnswers;
import cn.meizhi.selfassessment.SelfAssessmentView;
import cn.meizhi.selfassessment.SelfAssessments;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.standard.Indicator;
import cn.meizhi.standard.StandardSection;

/**
 * Demo cycles: last year's closed cycle over 上城区 with every self-assessment submitted,
 * and this year's open one where the demo clinic has a half-filled draft and others are
 * submitted, returned or not started. Everything goes through the same services as the
 * UI.
 */
final class DemoCycles {

	private static final CurrentUser REGULATOR = DemoPeople.DISTRICT_REGULATOR;

	private final CycleManagement cycles;

	private final SelfAssessments selfAssessments;

	private final Random random = new Random(2023);

	/** The institution of the {@code clinic} account, which acts for itself. */
	private long clinicInstitutionId;

	DemoCycles(CycleManagement cycles, SelfAssessments selfAssessments) {
		this.cycles = cycles;
		this.selfAssessments = selfAssessments;
	}

	/** Loads both cycles; returns the id of the open one. */
	long load(long standardVersionId, long clinicInstitutionId) {
		this.clinicInstitutionId = clinicInstitutionId;
		LocalDate today = cycles.today();
		loadLastYear(standardVersionId, today);
		return loadCurrent(standardVersionId, clinicInstitutionId, today);
	}

	private void loadLastYear(long versionId, LocalDate today) {
		LocalDate opens = today.minusYears(1).withDayOfMonth(1);
		EvaluationCycle cycle = cycles.create(REGULATOR, form(opens.getYear() + " 年度上城区医疗美容机构星级评价", versionId, opens,
				today, opens.plusMonths(2), opens.plusMonths(3)));
		cycles.advance(REGULATOR, cycle.getId(), CycleStatus.OPEN);
		List<Long> enrolled = cycle.activeEnrolments().stream().map(e -> e.getInstitutionId()).toList();
		for (long institutionId : enrolled) {
			long id = selfAssessments.start(clinic(institutionId), cycle.getId());
			fill(institutionId, id, 1.0);
			selfAssessments.submit(clinic(institutionId), id);
		}
		cycles.changeSelfAssessmentClose(REGULATOR, cycle.getId(), opens.plusMonths(1));
		cycles.advance(REGULATOR, cycle.getId(), CycleStatus.INSPECTING);
		cycles.advance(REGULATOR, cycle.getId(), CycleStatus.CLOSED);
	}

	private long loadCurrent(long versionId, long clinicInstitutionId, LocalDate today) {
		CycleForm current = form(today.getYear() + " 年度上城区医疗美容机构星级评价", versionId, today.minusDays(14),
				today.plusDays(21), today.plusDays(30), today.plusDays(75));
		// this year's results go on public notice for 7 days before they take effect
		// (the Hangzhou pilot's 公示)
		current.setNoticeDays(7);
		EvaluationCycle cycle = cycles.create(REGULATOR, current);
		cycles.advance(REGULATOR, cycle.getId(), CycleStatus.OPEN);
		List<Long> others = cycle.activeEnrolments()
			.stream()
			.map(e -> e.getInstitutionId())
			.filter(id -> id != clinicInstitutionId)
			.toList();
		long clinicSelfAssessment = selfAssessments.start(clinic(clinicInstitutionId), cycle.getId());
		fill(clinicInstitutionId, clinicSelfAssessment, 0.5);
		for (int i = 0; i < others.size(); i++) {
			long institutionId = others.get(i);
			if (i % 3 == 2) {
				continue;
			}
			long id = selfAssessments.start(clinic(institutionId), cycle.getId());
			if (i % 5 == 4) {
				fill(institutionId, id, 0.3);
				continue;
			}
			fill(institutionId, id, 1.0);
			selfAssessments.submit(clinic(institutionId), id);
			if (i == 1) {
				selfAssessments.returnToInstitution(REGULATOR, id, "条款 6.1 未上传注射用透明质酸钠的购进发票与随货同行单，请补充佐证材料后重新提交。");
			}
		}
		return cycle.getId();
	}

	/**
	 * Answers a share of the applicable indicators, section by section, with plausible
	 * self-scores.
	 */
	private void fill(long institutionId, long selfAssessmentId, double share) {
		CurrentUser clinic = clinic(institutionId);
		SelfAssessmentView view = selfAssessments.view(clinic, selfAssessmentId);
		int total = view.overall().applicable();
		int toAnswer = (int) Math.ceil(total * share);
		int answered = 0;
		for (StandardSection section : view.version().getSections()) {
			if (answered >= toAnswer) {
				break;
			}
			SectionAnswers form = new SectionAnswers();
			form.setLockVersion(selfAssessments.view(clinic, selfAssessmentId).assessment().getLockVersion());
			for (Indicator indicator : section.getIndicators()) {
				if (!view.applies(indicator) || answered >= toAnswer) {
					continue;
				}
				form.getValues().put(indicator.getId(), value(indicator));
				if (random.nextInt(3) == 0) {
					form.getComments().put(indicator.getId(), "已按要求落实，相关制度与记录见佐证材料。");
				}
				answered++;
			}
			selfAssessments.saveSection(clinic, selfAssessmentId, section.getCode(), form, Map.of());
		}
	}

	private String value(Indicator indicator) {
		if (indicator.isNotApplicableAllowed() && random.nextInt(4) == 0) {
			return "NA";
		}
		int steps = indicator.getMaxScore().divide(indicator.getScoreStep()).intValue();
		int lost = random.nextInt(10) < 6 ? 0 : random.nextInt(Math.max(1, steps / 3) + 1);
		return indicator.getScoreStep()
			.multiply(java.math.BigDecimal.valueOf(steps - lost))
			.stripTrailingZeros()
			.toPlainString();
	}

	private static CycleForm form(String name, long versionId, LocalDate opens, LocalDate closes,
			LocalDate inspectionStarts, LocalDate inspectionEnds) {
		var form = new CycleForm();
		form.setName(name);
		form.setJurisdictionCode("330102");
		form.setStandardVersionId(versionId);
		form.setSelfAssessmentOpens(opens);
		form.setSelfAssessmentCloses(closes);
		form.setInspectionStarts(inspectionStarts);
		form.setInspectionEnds(inspectionEnds);
		form.setEnrolAll(true);
		return form;
	}

	private CurrentUser clinic(long institutionId) {
		return institutionId == clinicInstitutionId ? DemoPeople.clinic(institutionId)
				: DemoPeople.qualityOfficer(institutionId);
	}

}
