package cn.meizhi.demo.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.meizhi.adverseevent.AdverseEventForm;
import cn.meizhi.adverseevent.AdverseEvents;
import cn.meizhi.adverseevent.EventSeverity;
import cn.meizhi.adverseevent.PatientOutcome;
import cn.meizhi.enforcement.Penalties;
import cn.meizhi.enforcement.PenaltyForm;
import cn.meizhi.enforcement.PenaltyMeasure;
import cn.meizhi.institution.Institution;
import cn.meizhi.institution.InstitutionStatus;
import cn.meizhi.shared.CurrentUser;

/**
 * Demo adverse events (a severe one awaiting the 上城区 regulator's review, others reviewed)
 * and two penalties, one in each demo district, through the same services as the pages.
 */
final class DemoSupervision {

	private final AdverseEvents adverseEvents;

	private final Penalties penalties;

	private final LocalDate today;

	DemoSupervision(AdverseEvents adverseEvents, Penalties penalties, LocalDate today) {
		this.adverseEvents = adverseEvents;
		this.penalties = penalties;
		this.today = today;
	}

	void load(List<Institution> registered, long clinicInstitutionId, long clinic2InstitutionId) {
		CurrentUser clinic = DemoPeople.clinic(clinicInstitutionId);
		CurrentUser clinic2 = DemoPeople.clinic2(clinic2InstitutionId);
		report(clinic, 12, "玻尿酸注射", null, EventSeverity.II, "注射后 2 小时鼻背皮肤发白、疼痛，考虑血管栓塞。", "立即注射透明质酸酶溶解、热敷，转上级医院眼科会诊。",
				PatientOutcome.RECOVERING);
		report(clinic, 30, "光子嫩肤", null, EventSeverity.IV, "治疗前核对发现治疗参数被误设为上一位顾客的参数。", "治疗前纠正，未发生在顾客身上；增加参数双人核对。",
				PatientOutcome.RECOVERED);
		var reviewed = report(clinic, 60, "重睑术", 2, EventSeverity.III, "术中发现缝线批号与记录不符。", "更换缝线，完成手术；追查耗材管理记录。",
				PatientOutcome.RECOVERED);
		adverseEvents.review(DemoPeople.DISTRICT_REGULATOR, reviewed, "耗材追溯已整改，下次检查时核查。", false);
		var severe = report(clinic2, 20, "吸脂术", 3, EventSeverity.I, "术后 6 小时出现呼吸困难，考虑脂肪栓塞。", "立即吸氧、呼叫 120 转三甲医院 ICU。",
				PatientOutcome.LASTING_HARM);
		adverseEvents.review(DemoPeople.regulatorOf("330106"), severe, "已约谈机构负责人，要求暂停四级以下吸脂手术并完成整改。", true);

		long shangcheng = registered.stream()
			.filter(i -> i.getRegionCode().equals("330102") && i.getStatus() == InstitutionStatus.ACTIVE
					&& i.getId() != clinicInstitutionId)
			.skip(1)
			.findFirst()
			.orElseThrow()
			.getId();
		penalty(DemoPeople.DISTRICT_REGULATOR, shangcheng, "杭上卫医罚〔" + today.minusMonths(8).getYear() + "〕27号",
				today.minusMonths(8), PenaltyMeasure.FINE, new BigDecimal("30000"), "《医疗美容服务管理办法》第二十八条，《医疗机构管理条例》第四十六条",
				"使用未取得美容主诊医师资格的人员独立开展注射类医疗美容项目。");
		penalty(DemoPeople.regulatorOf("330106"), clinic2InstitutionId,
				"杭西卫医罚〔" + today.minusMonths(2).getYear() + "〕5号", today.minusMonths(2), PenaltyMeasure.WARNING, null,
				"《医疗广告管理办法》第二十二条", "发布未经审查的医疗美容广告，宣传“零风险、永久有效”。");
	}

	private long report(CurrentUser clinic, int daysAgo, String procedure, Integer surgeryLevel, EventSeverity severity,
			String description, String actions, PatientOutcome outcome) {
		var form = new AdverseEventForm();
		form.setOccurredOn(today.minusDays(daysAgo));
		form.setProcedureName(procedure);
		form.setSurgeryLevel(surgeryLevel);
		form.setSeverity(severity);
		form.setDescription(description);
		form.setActionsTaken(actions);
		form.setPatientOutcome(outcome);
		return adverseEvents.report(clinic, form).getId();
	}

	private void penalty(CurrentUser regulator, long institutionId, String number, LocalDate decidedOn,
			PenaltyMeasure measure, BigDecimal fine, String basis, String finding) {
		var form = new PenaltyForm();
		form.setInstitutionId(institutionId);
		form.setDecisionNumber(number);
		form.setDecidedOn(decidedOn);
		form.setMeasure(measure);
		form.setFineYuan(fine);
		form.setLegalBasis(basis);
		form.setFinding(finding);
		form.setPublicationUrl("https://wsjkw.hangzhou.gov.cn/");
		penalties.record(regulator, form);
	}

}
