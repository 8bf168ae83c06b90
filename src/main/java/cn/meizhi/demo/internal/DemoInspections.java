package cn.meizhi.demo.internal;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import cn.meizhi.account.AccountManagement.AssessorSummary;
import cn.meizhi.cycle.CycleManagement;
import cn.meizhi.cycle.EvaluationCycle;
import cn.meizhi.inspection.CorrectiveAction;
import cn.meizhi.inspection.CorrectiveActions;
import cn.meizhi.inspection.Inspection;
import cn.meizhi.inspection.InspectionScheduling;
import cn.meizhi.inspection.InspectionView;
import cn.meizhi.inspection.Inspections;
import cn.meizhi.inspection.Inspections.ScoreInput;
import cn.meizhi.inspection.Severity;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.Role;
import cn.meizhi.standard.Indicator;

/**
 * Demo inspections in the open 上城区 cycle, in every status: the demo clinic's institution
 * inspected and submitted with open, answered, overdue and closed corrective actions; one
 * assigned to {@code assessor} as lead and half scored; one scheduled; one cancelled.
 */
final class DemoInspections {

	private static final CurrentUser REGULATOR = DemoPeople.DISTRICT_REGULATOR;

	/**
	 * Findings, each under the indicator it describes (codes of the example standard).
	 */
	private static final java.util.Map<String, String> FINDINGS = java.util.Map.of("1.3",
			"两名美容主诊医师的执业备案信息未及时更新，与实际开展的注射项目不符。", "2.5", "抽查 3 份三级手术病历，其中 2 份术前讨论记录不完整。", "3.3",
			"急救车内肾上腺素已过期，抢救药品未按月检查效期。", "4.4", "手卫生依从性现场抽查低于 85%。", "6.2", "注射用透明质酸钠入库验收记录缺少批号，无法追溯到使用患者。", "7.3",
			"投诉登记台账未记录处理结果和回访情况。");

	private final Inspections inspections;

	private final CorrectiveActions correctiveActions;

	private final InspectionScheduling scheduling;

	private final CycleManagement cycles;

	private final Random random = new Random(51);

	DemoInspections(Inspections inspections, InspectionScheduling scheduling, CorrectiveActions correctiveActions,
			CycleManagement cycles) {
		this.inspections = inspections;
		this.scheduling = scheduling;
		this.correctiveActions = correctiveActions;
		this.cycles = cycles;
	}

	/** The submitted inspections a rating can be proposed from. */
	record Submitted(long clinicInstitutionId, long clinicInspectionId, long otherInstitutionId,
			long otherInspectionId) {
	}

	Submitted load(long cycleId, long clinicInstitutionId) {
		List<AssessorSummary> assessors = inspections.assessors();
		AssessorSummary assessor = assessors.stream()
			.filter(a -> a.username().equals("assessor"))
			.findFirst()
			.orElseThrow();
		AssessorSummary assessor2 = assessors.stream()
			.filter(a -> a.username().equals("assessor2"))
			.findFirst()
			.orElseThrow();
		CurrentUser lead = user(assessor);
		CurrentUser member = user(assessor2);
		EvaluationCycle cycle = cycles.get(REGULATOR, cycleId);
		List<Long> others = cycle.activeEnrolments()
			.stream()
			.map(e -> e.getInstitutionId())
			.filter(id -> id != clinicInstitutionId)
			.toList();
		LocalDate today = cycles.today();

		Inspection submitted = scheduling.schedule(REGULATOR, cycleId, clinicInstitutionId, today.minusDays(10),
				assessor.id(), List.of(assessor2.id()));
		inspections.declare(lead, submitted.getId(), false, null);
		inspections.declare(member, submitted.getId(), false, "与该机构无任职、投资或亲属关系");
		scoreAll(lead, submitted.getId(), 1.0, 4);
		inspections.submit(lead, submitted.getId());
		CurrentUser clinic = DemoPeople.clinic(clinicInstitutionId);
		List<CorrectiveAction> actions = correctiveActions.actionsOf(clinic);
		if (actions.size() >= 4) {
			correctiveActions.respond(clinic, actions.get(1).getId(), "已完成整改，相关记录已补齐，见附件。", List.of());
			correctiveActions.respond(clinic, actions.get(2).getId(), "已更换过期药品并建立每月效期检查表。", List.of());
			correctiveActions.verify(lead, actions.get(2).getId());
			correctiveActions.changeDue(lead, actions.get(3).getId(), today.minusDays(3));
		}

		Inspection inProgress = scheduling.schedule(REGULATOR, cycleId, others.get(0), today.minusDays(1),
				assessor.id(), List.of(assessor2.id()));
		inspections.declare(lead, inProgress.getId(), false, null);
		scoreAll(lead, inProgress.getId(), 0.5, 2);

		scheduling.schedule(REGULATOR, cycleId, others.get(1), today.plusDays(9), assessor2.id(),
				List.of(assessor.id()));

		Inspection cancelled = scheduling.schedule(REGULATOR, cycleId, others.get(2), today.plusDays(5), assessor2.id(),
				List.of());
		scheduling.cancel(REGULATOR, cancelled.getId(), "机构申请延期，改至下一周期评审");

		Inspection another = scheduling.schedule(REGULATOR, cycleId, others.get(3), today.minusDays(20), assessor.id(),
				List.of(assessor2.id()));
		inspections.declare(lead, another.getId(), false, null);
		inspections.declare(member, another.getId(), false, null);
		scoreAll(lead, another.getId(), 1.0, 2);
		inspections.submit(lead, another.getId());
		return new Submitted(clinicInstitutionId, submitted.getId(), others.get(3), another.getId());
	}

	/**
	 * Scores a share of the applicable indicators, a few of them below the maximum with
	 * findings.
	 */
	private void scoreAll(CurrentUser assessor, long inspectionId, double share, int findings) {
		InspectionView view = inspections.assessorView(assessor, inspectionId);
		List<Indicator> applicable = view.version().indicators().filter(view::applies).toList();
		int toScore = (int) Math.ceil(applicable.size() * share);
		int withFinding = 0;
		for (int n = 0; n < toScore; n++) {
			Indicator indicator = applicable.get(n);
			boolean finding = withFinding < findings && FINDINGS.containsKey(indicator.getCode());
			String value;
			if (finding) {
				value = indicator.getMaxScore().subtract(indicator.getScoreStep()).stripTrailingZeros().toPlainString();
				withFinding++;
			}
			else if (indicator.isNotApplicableAllowed() && random.nextInt(4) == 0) {
				value = "NA";
			}
			else {
				value = indicator.getMaxScore().stripTrailingZeros().toPlainString();
			}
			inspections.saveScore(assessor, inspectionId, indicator.getId(),
					new ScoreInput(value, EnumSet.copyOf(indicator.getMethodSet()),
							finding ? FINDINGS.get(indicator.getCode()) : null,
							finding ? Severity.values()[withFinding % 3] : null, null));
		}
	}

	private static CurrentUser user(AssessorSummary assessor) {
		return new CurrentUser(assessor.id(), assessor.username(), assessor.displayName(), Role.ASSESSOR, null, null);
	}

}
