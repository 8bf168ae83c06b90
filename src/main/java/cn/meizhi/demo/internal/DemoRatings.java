package cn.meizhi.demo.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.meizhi.account.AccountManagement.AssessorSummary;
import cn.meizhi.cycle.CycleForm;
import cn.meizhi.cycle.CycleManagement;
import cn.meizhi.cycle.CycleStatus;
import cn.meizhi.cycle.EvaluationCycle;
import cn.meizhi.inspection.InspectionHistory;
import cn.meizhi.inspection.InspectionHistory.PastInspection;
import cn.meizhi.institution.Institution;
import cn.meizhi.institution.InstitutionStatus;
import cn.meizhi.rating.RatingHistory;
import cn.meizhi.rating.RatingHistory.PastRating;
import cn.meizhi.rating.RatingRegister;
import cn.meizhi.rating.RatingReplies;
import cn.meizhi.rating.Ratings;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.Role;
import cn.meizhi.standard.Indicator;
import cn.meizhi.standard.RatingEngine;
import cn.meizhi.standard.RatingOutcome;
import cn.meizhi.standard.Score;
import cn.meizhi.standard.ScoringModel;
import cn.meizhi.standard.StandardManagement;
import cn.meizhi.standard.StandardVersion;

/**
 * The demo's rating history: two earlier evaluation rounds in every demo district, loaded
 * in bulk the way an import from the previous registry would be (inspections with a score
 * for every applicable indicator, stars from the real {@link RatingEngine}, certificates
 * numbered from the same counters). The first round's ratings were superseded by the
 * second's or, where there was no second, expired; the second's are valid, a few due for
 * re-assessment, one suspended and one revoked (through the service, like a regulator).
 * Some institutions stay unrated. Then, through the services, the live cases: the demo
 * clinic's proposal under appeal, another proposal accepted and waiting for
 * {@code regulator}, and institution replies (one public, one waiting for review).
 */
final class DemoRatings {

	private static final CurrentUser REGULATOR = DemoPeople.CITY_REGULATOR;

	private static final CurrentUser SYSTEM = new CurrentUser(0, "system", "system", Role.ADMIN, null, null);

	/**
	 * Share of the maximum the non-core indicators get, per institution in turn: a spread
	 * over 1 to 5 stars.
	 */
	private static final double[] QUALITY = { 1.0, 0.93, 0.86, 0.78, 0.68, 0.97, 0.9, 0.82, 0.6 };

	private final CycleManagement cycles;

	private final StandardManagement standards;

	private final RatingEngine engine;

	private final Ratings ratings;

	private final RatingRegister ratingRegister;

	private final RatingReplies replies;

	private final InspectionHistory inspectionHistory;

	private final RatingHistory ratingHistory;

	private final ZoneId zone = ZoneId.of("Asia/Shanghai");

	private final Random random = new Random(36);

	private final Map<String, ScoringModel> models = new HashMap<>();

	DemoRatings(CycleManagement cycles, StandardManagement standards, RatingEngine engine, Ratings ratings,
			RatingRegister ratingRegister, RatingReplies replies, InspectionHistory inspectionHistory,
			RatingHistory ratingHistory) {
		this.cycles = cycles;
		this.standards = standards;
		this.engine = engine;
		this.ratings = ratings;
		this.ratingRegister = ratingRegister;
		this.replies = replies;
		this.inspectionHistory = inspectionHistory;
		this.ratingHistory = ratingHistory;
	}

	/** Loads the history; returns the number of published ratings. */
	int loadHistory(long versionId, List<Institution> institutions, AssessorSummary lead, AssessorSummary member,
			long clinicInstitutionId, long clinic2InstitutionId) {
		StandardVersion version = standards.publicVersion(versionId);
		LocalDate today = cycles.today();
		Map<String, List<Institution>> byDistrict = new LinkedHashMap<>();
		institutions.stream()
			.filter(i -> i.getStatus() == InstitutionStatus.ACTIVE)
			.forEach(i -> byDistrict.computeIfAbsent(i.getRegionCode(), k -> new ArrayList<>()).add(i));

		List<Long> current = new ArrayList<>();
		List<Long> others = new ArrayList<>();
		Long expiredCandidate = null;
		int n = 0;
		for (var district : byDistrict.entrySet()) {
			long first = closedCycle(district.getKey(), versionId, today.minusMonths(60), "第一轮");
			long second = closedCycle(district.getKey(), versionId, today.minusMonths(38), "第二轮");
			List<Institution> members = district.getValue();
			for (int k = 0; k < members.size(); k++, n++) {
				Institution institution = members.get(k);
				boolean always = institution.getId() == clinicInstitutionId
						|| institution.getId() == clinic2InstitutionId;
				// the last of each district is not rated yet; every seventh was rated in
				// the first round only
				if (!always && k == members.size() - 1 && members.size() > 2) {
					continue;
				}
				double quality = QUALITY[n % QUALITY.length];
				LocalDate firstApproval = today.minusMonths(48).plusDays(random.nextInt(240));
				boolean firstOnly = !always && n % 7 == 3;
				long firstRating = rate(version, first, institution, quality - 0.05, firstApproval, lead, member);
				if (firstOnly) {
					expiredCandidate = firstRating;
					continue;
				}
				// the second round: most within the last three years; every sixth due for
				// re-assessment soon
				LocalDate secondApproval = n % 6 == 2 ? today.minusMonths(36).plusDays(20 + random.nextInt(60))
						: today.minusMonths(34).plusDays(random.nextInt(600));
				long secondRating = rate(version, second, institution, quality, secondApproval, lead, member);
				supersede(firstRating, secondApproval);
				current.add(secondRating);
				if (!always) {
					others.add(secondRating);
				}
			}
		}
		if (expiredCandidate != null) {
			ratings.expireDue(SYSTEM);
		}
		int published = current.size();
		if (others.size() > 6) {
			ratings.suspend(REGULATOR, others.get(3), "演示数据：接到多起术后感染投诉，调查期间暂停星级");
			ratings.revoke(REGULATOR, others.get(5), "演示数据：查实提供虚假评审材料，撤销星级");
		}
		return published;
	}

	/**
	 * The live cases, through the services: {@code assessor} proposes on the demo
	 * clinic's submitted inspection and {@code clinic} appeals; {@code assessor} proposes
	 * on another submitted inspection, its institution accepts, and the proposal waits
	 * for {@code regulator}.
	 */
	void loadProposals(AssessorSummary lead, DemoInspections.Submitted submitted) {
		CurrentUser assessor = new CurrentUser(lead.id(), lead.username(), lead.displayName(), Role.ASSESSOR, null,
				null);
		var appealed = ratings.propose(assessor, submitted.clinicInspectionId(), null, null);
		CurrentUser clinic = DemoPeople.clinic(submitted.clinicInstitutionId());
		ratings.appeal(clinic, appealed.getId(), "现场检查时急救药品已在更换途中（附采购单据），过期药品未投入使用，申请复核“急救药品管理”一项的评分。");
		var accepted = ratings.propose(assessor, submitted.otherInspectionId(), null, null);
		ratings.accept(DemoPeople.qualityOfficer(submitted.otherInstitutionId()), accepted.getId());
	}

	/**
	 * Replies: one public (the demo clinic's), one of {@code clinic2}'s waiting for
	 * review.
	 */
	void loadReplies(long clinicInstitutionId, long clinic2InstitutionId) {
		reply(clinicInstitutionId, "clinic", "上次评审指出的急救药品效期问题已全部整改，并建立了每月核查制度，欢迎监督。", true);
		reply(clinic2InstitutionId, "clinic2", "我院已增设一名麻醉科医师，手术安全核查执行率达到 100%。", false);
	}

	private void reply(long institutionId, String username, String text, boolean publish) {
		CurrentUser clinic = "clinic".equals(username) ? DemoPeople.clinic(institutionId)
				: DemoPeople.clinic2(institutionId);
		ratingRegister.ofClinic(clinic)
			.stream()
			.filter(r -> r.getStatus() == cn.meizhi.rating.RatingStatus.PUBLISHED)
			.findFirst()
			.ifPresent(rating -> {
				var reply = replies.submit(clinic, rating.getId(), text);
				if (publish) {
					replies.publish(REGULATOR, reply.getId());
				}
			});
	}

	private long closedCycle(String district, long versionId, LocalDate opens, String round) {
		// the district's cycles were run by the city's health commission
		CurrentUser regulator = DemoPeople.regulatorOf(district);
		var form = new CycleForm();
		form.setName(opens.getYear() + " 年度医疗美容机构星级评价（" + round + "）");
		form.setJurisdictionCode(district);
		form.setStandardVersionId(versionId);
		form.setSelfAssessmentOpens(opens);
		form.setSelfAssessmentCloses(opens.plusMonths(2));
		form.setInspectionStarts(opens.plusMonths(2));
		form.setInspectionEnds(opens.plusMonths(22));
		form.setEnrolAll(true);
		EvaluationCycle cycle = cycles.create(regulator, form);
		cycles.advance(regulator, cycle.getId(), CycleStatus.OPEN);
		cycles.advance(regulator, cycle.getId(), CycleStatus.INSPECTING);
		cycles.advance(regulator, cycle.getId(), CycleStatus.CLOSED);
		return cycle.getId();
	}

	/**
	 * A submitted inspection with every applicable indicator scored, and the rating the
	 * engine gives it, proposed by the lead, accepted and approved (published) on
	 * {@code approval}.
	 */
	private long rate(StandardVersion version, long cycleId, Institution institution, double quality,
			LocalDate approval, AssessorSummary lead, AssessorSummary member) {
		ScoringModel model = models.computeIfAbsent(institution.getType() + "/" + institution.getSurgeryLevel(),
				key -> standards.scoringModel(version.getId(), institution.getType(), institution.getSurgeryLevel()));
		Map<String, Boolean> applicable = new HashMap<>();
		model.sections().forEach(s -> s.indicators().forEach(i -> applicable.put(i.code(), i.applicable())));
		Instant submitted = at(approval.minusDays(20));
		String regulator = DemoPeople.regulatorOf(institution.getRegionCode()).username();
		Map<String, Score> scores = new HashMap<>();
		Map<Long, BigDecimal> scoreById = new HashMap<>();
		for (Indicator indicator : version.indicators().toList()) {
			if (!applicable.getOrDefault(indicator.getCode(), true)) {
				continue;
			}
			BigDecimal value = indicator.isCore() ? indicator.getMaxScore() : scaled(indicator, quality);
			scores.put(indicator.getCode(), Score.of(value));
			scoreById.put(indicator.getId(), value);
		}
		long inspectionId = inspectionHistory.recordSubmitted(new PastInspection(cycleId, institution.getId(),
				approval.minusDays(21), at(approval.minusDays(60)), regulator, lead.id(), member.id(),
				at(approval.minusDays(30)), submitted, lead.username(), scoreById));
		RatingOutcome outcome = engine.evaluate(model, scores);
		return ratingHistory.recordPublished(
				new PastRating(institution.getId(), inspectionId, cycleId, version.getId(), institution.getRegionCode(),
						outcome.total(), outcome.stars(), lead.id(), lead.username(), at(approval.minusDays(18)),
						approval.minusDays(3), at(approval.minusDays(15)), "clinic-" + institution.getId(), regulator,
						at(approval), approval, version.getRules().getValidityMonths()));
	}

	private void supersede(long ratingId, LocalDate on) {
		ratingHistory.recordSuperseded(ratingId, "regulator", at(on));
	}

	/**
	 * The share of the maximum, rounded down to the indicator's step, a little varied.
	 */
	private BigDecimal scaled(Indicator indicator, double quality) {
		double share = Math.min(1.0, Math.max(0, quality + (random.nextDouble() - 0.5) * 0.1));
		BigDecimal raw = indicator.getMaxScore().multiply(BigDecimal.valueOf(share));
		BigDecimal step = indicator.getScoreStep();
		return raw.divide(step, 0, RoundingMode.FLOOR).multiply(step);
	}

	private Instant at(LocalDate day) {
		return day.atTime(10, 0).atZone(zone).toInstant();
	}

}
