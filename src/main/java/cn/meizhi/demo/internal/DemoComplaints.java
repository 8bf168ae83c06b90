package cn.meizhi.demo.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import cn.meizhi.complaint.Complaint;
import cn.meizhi.complaint.ComplaintCategory;
import cn.meizhi.complaint.ComplaintHistory;
import cn.meizhi.complaint.ComplaintHistory.PastComplaint;
import cn.meizhi.complaint.ComplaintOutcome;
import cn.meizhi.institution.Institution;
import cn.meizhi.institution.InstitutionStatus;
import cn.meizhi.shared.CurrentUser;

/**
 * Demo complaints in every state, in 上城区 (the demo clinic's district, handled by
 * {@code regulator-sc}) and 西湖区 (the second clinic's): fresh ones, one past its deadline,
 * statements asked and given, and decided ones over the last year and a half (the public
 * profile counts the last twelve months). Every number shares the demo code
 * {@link #CODE}, so that the tracking page can be tried.
 */
final class DemoComplaints {

	/** The secret code of every demo complaint. */
	static final String CODE = "MZDEMO26";

	private final ComplaintHistory history;

	private final LocalDate today;

	private int sequence = 100;

	DemoComplaints(ComplaintHistory history, LocalDate today) {
		this.history = history;
		this.today = today;
	}

	int load(List<Institution> registered, long clinicInstitutionId, long clinic2InstitutionId) {
		CurrentUser shangcheng = DemoPeople.DISTRICT_REGULATOR;
		CurrentUser xihu = DemoPeople.regulatorOf("330106");
		CurrentUser clinic = DemoPeople.clinic(clinicInstitutionId);
		CurrentUser clinic2 = DemoPeople.clinic2(clinic2InstitutionId);
		long other = registered.stream()
			.filter(i -> i.getRegionCode().equals("330102") && i.getStatus() == InstitutionStatus.ACTIVE
					&& i.getId() != clinicInstitutionId)
			.findFirst()
			.orElseThrow()
			.getId();
		int count = 0;
		// 上城区: the demo clinic, every state
		count += past(shangcheng, clinic, filing(clinicInstitutionId, "330102", ComplaintCategory.PRICING, 3, "光子嫩肤",
				"术前报价 1980 元，结账时以“加强版”为由收取 3680 元，未事先告知。"), 2, null, null, null);
		count += past(shangcheng, clinic, filing(clinicInstitutionId, "330102", ComplaintCategory.CARE_QUALITY, 20,
				"玻尿酸注射", "注射后第二天出现硬结和淤青，联系机构只让等待，没有复诊安排。"), 12, null, null, null);
		count += past(shangcheng, clinic, filing(clinicInstitutionId, "330102", ComplaintCategory.SERVICE_ATTITUDE, 9,
				null, "前台人员在我询问退款时态度恶劣，并拒绝提供收费明细。"), 6, 5, "请说明该顾客的收费明细和退款申请的处理经过。", null);
		count += past(shangcheng, clinic,
				filing(clinicInstitutionId, "330102", ComplaintCategory.FALSE_ADVERTISING, 30, "热玛吉",
						"朋友圈广告称“院长亲诊、永久紧致”，实际由普通医生操作，效果与宣传不符。"),
				25, 23, "请说明广告内容的依据和实际操作医师的资质。", "广告由外包公司制作，已下架；操作医师具有美容主诊医师资格，资质证明附后。");
		count += past(shangcheng, clinic, filing(clinicInstitutionId, "330102", ComplaintCategory.CARE_QUALITY, 8,
				"点阵激光", "治疗后面部持续泛红两周，机构未告知可能的不良反应。"), 7, 6, null, null);
		count += decided(shangcheng, clinic,
				filing(clinicInstitutionId, "330102", ComplaintCategory.CARE_QUALITY, 95, "双眼皮手术",
						"术后双眼不对称，机构称“恢复期正常”，三个月后仍明显不对称。"),
				90, ComplaintOutcome.PARTLY_SUBSTANTIATED, "经查，机构术后随访记录不完整，已责令其完善随访制度并为您免费修复；手术本身符合操作规范。", null);
		count += decided(shangcheng, clinic,
				filing(clinicInstitutionId, "330102", ComplaintCategory.PRICING, 200, null, "办卡时承诺的赠送项目未兑现。"), 190,
				ComplaintOutcome.OUTSIDE_REMIT, "预付卡和赠送项目的消费纠纷属市场监管部门职责，已转上城区市场监督管理局处理。", "上城区市场监督管理局");
		count += decided(shangcheng, clinic,
				filing(clinicInstitutionId, "330102", ComplaintCategory.UNLICENSED_PRACTICE, 560, "隆鼻手术",
						"怀疑做手术的医生没有执业资格。"),
				540, ComplaintOutcome.NOT_SUBSTANTIATED, "经查，该医师持有有效的医师执业证书和美容主诊医师资格，在机构执业登记范围内执业。", null);
		count += decided(shangcheng, clinic,
				filing(other, "330102", ComplaintCategory.DRUGS_AND_DEVICES, 60, "肉毒素注射", "使用的肉毒素包装没有中文标签，怀疑是水货。"), 45,
				ComplaintOutcome.SUBSTANTIATED, "经查属实，机构使用了未经注册的进口肉毒毒素，已立案查处并没收相关药品。", null);
		// 西湖区: the second clinic
		count += past(xihu, clinic2,
				filing(clinic2InstitutionId, "330106", ComplaintCategory.OTHER, 4, null, "机构未经同意将我的术前术后照片用于宣传。"), 1,
				null, null, null);
		count += past(xihu, clinic2, filing(clinic2InstitutionId, "330106", ComplaintCategory.CARE_QUALITY, 15, "激光祛斑",
				"激光后出现色素沉着，机构称是个人体质问题。"), 8, 6, "请提供该顾客的治疗记录、知情同意书和术后随访记录。", null);
		count += past(xihu, clinic2, filing(clinic2InstitutionId, "330106", ComplaintCategory.SERVICE_ATTITUDE, 6, null,
				"预约后到店等待两个小时无人接待，改约也无人回复。"), 5, 4, null, null);
		count += decided(xihu, clinic2,
				filing(clinic2InstitutionId, "330106", ComplaintCategory.PRICING, 150, "水光针", "疗程卡中途退费被扣除 40% 手续费。"),
				130, ComplaintOutcome.NOT_SUBSTANTIATED, "经查，退费按双方签订的协议执行，未发现违反医疗服务价格规定的情形；如有合同争议可向市场监管部门或法院主张。", null);
		return count;
	}

	private Complaint.Filing filing(long institutionId, String region, ComplaintCategory category, int daysAgo,
			String procedure, String description) {
		return new Complaint.Filing(institutionId, region, category, today.minusDays(daysAgo + 2L), procedure,
				description, "1380000" + String.format("%04d", sequence), null, true);
	}

	/**
	 * A complaint still open: received, then (each optional) acknowledged, asked for a
	 * statement an hour later, answered a day after that.
	 */
	private int past(CurrentUser regulator, CurrentUser clinic, Complaint.Filing filing, int receivedDaysAgo,
			Integer acknowledgedDaysAgo, String question, String statement) {
		Instant received = at(receivedDaysAgo);
		Instant acknowledged = acknowledgedDaysAgo == null ? null : at(acknowledgedDaysAgo);
		Instant asked = question == null ? null : acknowledged.plusSeconds(3600);
		history.record(regulator, clinic,
				new PastComplaint(number(filing.regionCode(), received), CODE, filing, received, acknowledged, question,
						asked == null ? null : today.plusDays(10), asked, statement,
						statement == null ? null : asked.plusSeconds(86_400), null, null, null, null));
		return 1;
	}

	private int decided(CurrentUser regulator, CurrentUser clinic, Complaint.Filing filing, int receivedDaysAgo,
			ComplaintOutcome outcome, String answer, String referredTo) {
		Instant received = at(receivedDaysAgo);
		history.record(regulator, clinic,
				new PastComplaint(number(filing.regionCode(), received), CODE, filing, received,
						received.plusSeconds(86_400), null, null, null, null, null, outcome, answer, referredTo,
						received.plusSeconds(86_400L * 20)));
		return 1;
	}

	private String number(String region, Instant received) {
		return "TS-%s-%d-%06d".formatted(region, received.atZone(ZoneOffset.UTC).getYear(), ++sequence);
	}

	private Instant at(int daysAgo) {
		return today.minusDays(daysAgo).atTime(2, 0).toInstant(ZoneOffset.UTC);
	}

}
