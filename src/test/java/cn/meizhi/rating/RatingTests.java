package cn.meizhi.rating;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import cn.meizhi.inspection.CorrectiveActions;
import cn.meizhi.inspection.InspectionFixtures;
import cn.meizhi.inspection.InspectionFixtures.Team;
import cn.meizhi.inspection.InspectionStatus;
import cn.meizhi.inspection.Inspections;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionStatus;
import cn.meizhi.rating.internal.Appeal.Outcome;
import cn.meizhi.rating.internal.Certificates;
import cn.meizhi.rating.internal.RatingExpiryJob;
import cn.meizhi.rating.internal.RatingTransition;
import cn.meizhi.rating.internal.StarDistribution;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.shared.Role;
import cn.meizhi.support.Fixtures;
import cn.meizhi.support.MutableClock;
import cn.meizhi.support.Race;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class RatingTests {

	@TestConfiguration
	static class Clocks {

		@Bean
		@Primary
		MutableClock ratingClock() {
			return new MutableClock(LocalDate.now().atStartOfDay(ZoneId.of("Asia/Shanghai")).plusHours(10).toInstant());
		}

	}

	@Autowired
	Ratings ratings;

	@Autowired
	RatingRegister ratingRegister;

	@Autowired
	Inspections inspections;

	@Autowired
	CorrectiveActions correctiveActions;

	@Autowired
	Certificates certificates;

	@Autowired
	InstitutionManagement institutions;

	@Autowired
	InspectionFixtures fixtures;

	@Autowired
	Fixtures accounts;

	@Autowired
	RatingFixtures ratingFixtures;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RatingExpiryJob expiryJob;

	@Autowired
	MockMvc mvc;

	@Test
	void theLeadProposesTheEnginesStarsOrOthersWithAReason() {
		Team team = fixtures.submitted();
		assertThat(reasons(() -> ratings.propose(team.member(), team.id(), null, null)))
			.containsExactly("rating.propose.leadOnly");
		assertThat(reasons(() -> ratings.propose(team.lead(), team.id(), 5, " ")))
			.containsExactly("rating.override.reasonRequired");
		Rating rating = ratings.propose(team.lead(), team.id(), null, null);
		assertThat(rating.getStatus()).isEqualTo(RatingStatus.PROPOSED);
		assertThat(rating.getStars()).isEqualTo(rating.getComputedStars());
		assertThat(rating.isOverride()).isFalse();
		// the sections' results are kept with the rating, as the engine gave them from
		// the inspection
		assertThat(rating.getSections()).isNotEmpty()
			.isEqualTo(inspections.publicOutcome(team.id(), rating.getStandardVersionId()).sections());
		assertThat(ratings.get(regulator(), rating.getId()).getSections()).isEqualTo(rating.getSections());
		assertThat(reasons(() -> ratings.propose(team.lead(), team.id(), null, null)))
			.containsExactly("rating.propose.exists");
		Team other = fixtures.submitted();
		Rating overridden = ratings.propose(other.lead(), other.id(), 1, "现场发现严重隐患，降级处理");
		assertThat(overridden.isOverride()).isTrue();
		assertThat(overridden.getOverrideReason()).isEqualTo("现场发现严重隐患，降级处理");
	}

	@Test
	void approvalNeedsAcceptanceOrAClosedWindowAndFourEyes() {
		Team team = fixtures.submitted();
		Rating rating = ratings.propose(team.lead(), team.id(), null, null);
		CurrentUser approver = regulator();
		assertThat(reasons(() -> ratings.approve(approver, rating.getId())))
			.containsExactly("rating.approve.windowOpen");
		CurrentUser proposerAsRegulator = new CurrentUser(team.lead().id(), "x", "x", Role.REGULATOR,
				cn.meizhi.shared.Jurisdiction.of("330100"), null);
		assertThat(reasons(() -> ratings.approve(proposerAsRegulator, rating.getId())))
			.containsExactly("rating.approve.fourEyes");
		CurrentUser teamMemberAsRegulator = new CurrentUser(team.member().id(), "y", "y", Role.REGULATOR,
				cn.meizhi.shared.Jurisdiction.of("330100"), null);
		assertThat(ratings.mayDecide(teamMemberAsRegulator, rating)).isFalse();
		ratings.accept(team.clinic(), rating.getId());
		Rating published = ratings.approve(approver, rating.getId());
		assertThat(published.getStatus()).isEqualTo(RatingStatus.PUBLISHED);
		assertThat(published.getCertificateNo()).matches("MZ-330102-\\d{4}-\\d{6}");
		assertThat(published.getValidFrom())
			.isEqualTo(LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai")));
		assertThat(published.getValidUntil()).isEqualTo(published.getValidFrom().plusMonths(36).minusDays(1));
		assertThat(ratingRegister.history(rating.getId())).extracting(RatingTransition::getToStatus)
			.containsExactly(RatingStatus.PROPOSED, RatingStatus.PROPOSED, RatingStatus.PUBLISHED);
	}

	@Test
	void theAppealWindowCloses() {
		Team team = fixtures.submitted();
		Rating rating = ratings.propose(team.lead(), team.id(), null, null);
		clock.advance(Duration.ofDays(16));
		assertThat(reasons(() -> ratings.appeal(team.clinic(), rating.getId(), "不服")))
			.containsExactly("rating.window.closed");
		assertThat(reasons(() -> ratings.accept(team.clinic(), rating.getId())))
			.containsExactly("rating.window.closed");
		assertThat(ratings.approve(regulator(), rating.getId()).getStatus()).isEqualTo(RatingStatus.PUBLISHED);
	}

	@Test
	void theRegulatorWhoDecidedTheAppealDoesNotApproveTheRatingAndThePageSaysWhy() throws Exception {
		Team team = fixtures.submitted();
		Rating rating = ratings.propose(team.lead(), team.id(), null, null);
		ratings.appeal(team.clinic(), rating.getId(), "评分有误，请复核");
		CurrentUser decider = regulator();
		ratings.decideAppeal(decider, rating.getId(), Outcome.DISMISSED, "复核后维持原评定", null);
		assertThat(reasons(() -> ratings.approve(decider, rating.getId())))
			.containsExactly("rating.approve.decidedAppeal");
		assertThat(reasons(() -> ratings.reject(decider, rating.getId(), "退回")))
			.containsExactly("rating.approve.decidedAppeal");
		mvc.perform(get("/regulator/ratings/" + rating.getId()).with(user(Fixtures.principal(decider))))
			.andExpect(content().string(containsString("您裁决了该机构对这项评定建议的申诉")))
			.andExpect(content().string(not(containsString("/approve"))));
		assertThat(ratings.approve(regulator(), rating.getId()).getStatus()).isEqualTo(RatingStatus.PUBLISHED);
	}

	@Test
	void anAppealIsDismissedAdjustedOrSendsTheTeamBack() {
		Team dismissed = fixtures.submitted();
		Rating first = ratings.propose(dismissed.lead(), dismissed.id(), null, null);
		assertThat(reasons(() -> ratings.appeal(dismissed.clinic(), first.getId(), " ")))
			.containsExactly("rating.appeal.groundsRequired");
		ratings.appeal(dismissed.clinic(), first.getId(), "急救药品已在评审当日更换，请复核");
		assertThat(reasons(() -> ratings.approve(regulator(), first.getId())))
			.containsExactly("rating.approve.appealPending");
		assertThat(reasons(() -> ratings.decideAppeal(regulator(), first.getId(), Outcome.DISMISSED, "", null)))
			.containsExactly("rating.appeal.decisionRequired");
		ratings.decideAppeal(regulator(), first.getId(), Outcome.DISMISSED, "评审当日现场确有过期药品，维持原评定", null);
		assertThat(ratings.approve(regulator(), first.getId()).getStatus()).isEqualTo(RatingStatus.PUBLISHED);

		Team adjusted = fixtures.submitted();
		Rating second = ratings.propose(adjusted.lead(), adjusted.id(), null, null);
		ratings.appeal(adjusted.clinic(), second.getId(), "评分有误");
		assertThat(reasons(() -> ratings.decideAppeal(regulator(), second.getId(), Outcome.ADJUSTED, "复核后调整", null)))
			.containsExactly("rating.appeal.starsRequired");
		ratings.decideAppeal(regulator(), second.getId(), Outcome.ADJUSTED, "复核后调整", 4);
		Rating afterAdjust = ratings.get(regulator(), second.getId());
		assertThat(afterAdjust.getStars()).isEqualTo(4);
		assertThat(afterAdjust.isOverride()).isEqualTo(afterAdjust.getComputedStars() != 4);

		Team reinspect = fixtures.submitted();
		Rating third = ratings.propose(reinspect.lead(), reinspect.id(), null, null);
		ratings.appeal(reinspect.clinic(), third.getId(), "请求重新评审");
		ratings.decideAppeal(regulator(), third.getId(), Outcome.REINSPECTION, "同意重新现场评审", null);
		assertThat(ratings.get(regulator(), third.getId()).getStatus()).isEqualTo(RatingStatus.WITHDRAWN);
		assertThat(inspections.regulatorView(regulator(), reinspect.id()).inspection().getStatus())
			.isEqualTo(InspectionStatus.IN_PROGRESS);
		assertThat(ratingRegister.appealsOf(third.getId())).singleElement()
			.satisfies(a -> assertThat(a.getOutcome()).isEqualTo(Outcome.REINSPECTION));
	}

	@Test
	void aReinspectionResubmittedDoesNotDuplicateCorrectiveActionsAndAppealsMustBeDecidedBeforeRejecting() {
		Team team = fixtures.submitted();
		Rating rating = ratings.propose(team.lead(), team.id(), null, null);
		ratings.appeal(team.clinic(), rating.getId(), "x".repeat(10));
		assertThat(reasons(() -> ratings.reject(regulator(), rating.getId(), "退回")))
			.containsExactly("rating.approve.appealPending");
		int actions = correctiveActions.actionsOf(team.clinic()).size();
		ratings.decideAppeal(regulator(), rating.getId(), Outcome.REINSPECTION, "重新评审", null);
		inspections.submit(team.lead(), team.id());
		assertThat(correctiveActions.actionsOf(team.clinic())).hasSize(actions);
	}

	@Test
	void overLongTextIsRefusedWithAMessage() {
		Team team = fixtures.submitted();
		Rating rating = ratings.propose(team.lead(), team.id(), null, null);
		assertThat(reasons(() -> ratings.appeal(team.clinic(), rating.getId(), "理".repeat(4001))))
			.containsExactly("standard.text.tooLong");
	}

	@Test
	void runningTheExpiryCheckNowTouchesOnlyTheRegulatorsJurisdiction() {
		Rating rating = published();
		clock.advance(Duration.ofDays(365 * 3 + 2));
		try {
			CurrentUser shenzhen = new CurrentUser(-9, "sz", "sz", Role.REGULATOR,
					cn.meizhi.shared.Jurisdiction.of("440300"), null);
			ratings.expireDue(shenzhen);
			assertThat(ratings.get(regulator(), rating.getId()).getStatus()).isEqualTo(RatingStatus.PUBLISHED);
		}
		finally {
			clock.advance(Duration.ofDays(-(365 * 3 + 2)));
		}
	}

	@Test
	void aRejectedProposalGoesBackToTheLeadAndANewPublicationSupersedesTheOld() {
		Team team = fixtures.submitted();
		Rating rejected = ratings.propose(team.lead(), team.id(), null, null);
		assertThat(reasons(() -> ratings.reject(regulator(), rejected.getId(), "")))
			.containsExactly("rating.reason.required");
		ratings.reject(regulator(), rejected.getId(), "请补充核心条款说明");
		Rating again = ratings.propose(team.lead(), team.id(), null, null);
		ratings.accept(team.clinic(), again.getId());
		Rating published = ratings.approve(regulator(), again.getId());

		Team next = fixtures.submittedFor(team.institution());
		Rating newer = ratings.propose(next.lead(), next.id(), null, null);
		ratings.accept(next.clinic(), newer.getId());
		ratings.approve(regulator(), newer.getId());
		assertThat(ratings.get(regulator(), published.getId()).getStatus()).isEqualTo(RatingStatus.SUPERSEDED);
		assertThat(certificates.verify(published.getCertificateNo()).orElseThrow().verdict())
			.isEqualTo(CertificateCheck.Verdict.SUPERSEDED);
		assertThat(ratingRegister.ofInstitution(team.institution().getId())).extracting(Rating::getStatus)
			.contains(RatingStatus.REJECTED, RatingStatus.SUPERSEDED, RatingStatus.PUBLISHED);
	}

	@Test
	void suspendReinstateAndRevokeNeedReasonsAndRefuseIllegalMoves() {
		Rating rating = published();
		assertThat(reasons(() -> ratings.reinstate(regulator(), rating.getId(), "x")))
			.containsExactly("rating.lifecycle.notAllowed");
		assertThat(reasons(() -> ratings.suspend(regulator(), rating.getId(), "")))
			.containsExactly("rating.reason.required");
		ratings.suspend(regulator(), rating.getId(), "投诉调查中");
		ratings.reinstate(regulator(), rating.getId(), "调查结束，未发现问题");
		ratings.revoke(regulator(), rating.getId(), "伪造病历");
		assertThat(reasons(() -> ratings.suspend(regulator(), rating.getId(), "x")))
			.containsExactly("rating.lifecycle.notAllowed");
		assertThat(ratingRegister.history(rating.getId())).extracting(RatingTransition::getToStatus)
			.endsWith(RatingStatus.SUSPENDED, RatingStatus.PUBLISHED, RatingStatus.REVOKED);
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> ratings.suspend(Fixtures.regulator("330106"), rating.getId(), "越权"));
	}

	@Test
	void theExpiryJobIsIdempotent() {
		Rating rating = published();
		assertThat(ratings.expireDue(regulator())).isZero();
		clock.advance(Duration.ofDays(365 * 3 + 2));
		int first = ratings.expireDue(regulator());
		assertThat(first).isGreaterThanOrEqualTo(1);
		assertThat(ratings.expireDue(regulator())).isZero();
		assertThat(ratings.get(regulator(), rating.getId()).getStatus()).isEqualTo(RatingStatus.EXPIRED);
		assertThat(ratingRegister.history(rating.getId())).extracting(RatingTransition::getToStatus)
			.last()
			.isEqualTo(RatingStatus.EXPIRED);
		clock.advance(Duration.ofDays(-(365 * 3 + 2)));
	}

	@Test
	void theNightlyJobExpiresLapsedRatingsInEveryJurisdictionAndNamesTheSystem() {
		Rating rating = published();
		Rating another = published();
		clock.advance(Duration.ofDays(365 * 3 + 2));
		try {
			assertThat(expiryJob.expireDueRatings()).isGreaterThanOrEqualTo(2);
			for (Rating expired : List.of(rating, another)) {
				assertThat(ratings.get(regulator(), expired.getId()).getStatus()).isEqualTo(RatingStatus.EXPIRED);
				assertThat(ratingRegister.history(expired.getId())).last()
					.satisfies(t -> assertThat(t.getToStatus()).isEqualTo(RatingStatus.EXPIRED))
					.satisfies(t -> assertThat(t.getActor()).isEqualTo("system"));
				// the audit trail, the clinic's notification and the public directory,
				// all from one event
				assertThat(
						jdbc.queryForList(
								"select actor, summary, region_code from audit_event where action = 'RATING_EXPIRED'"
										+ " and object_type = 'Rating' and object_id = ?",
								String.valueOf(expired.getId())))
					.singleElement()
					.satisfies(entry -> assertThat(entry).containsEntry("actor", "system")
						.containsEntry("summary",
								jdbc.queryForObject("select name from institution where id = ?", String.class,
										expired.getInstitutionId()))
						.containsEntry("region_code", expired.getRegionCode()));
				assertThat(jdbc.queryForList("select kind from notification where institution_id = ? and link = ?",
						String.class, expired.getInstitutionId(), "/clinic/ratings/" + expired.getId()))
					.contains("RATING_EXPIRED");
				assertThat(jdbc.queryForObject("select rating_status from directory_entry where institution_id = ?",
						String.class, expired.getInstitutionId()))
					.isEqualTo("EXPIRED");
			}
			assertThat(expiryJob.expireDueRatings()).isZero();
		}
		finally {
			clock.advance(Duration.ofDays(-(365 * 3 + 2)));
		}
	}

	@Test
	void ratingsExpiringWithinNinetyDaysShowOnTheHomePagesOfTheirRegulatorAndClinicOnly() throws Exception {
		Rating rating = published();
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
		Duration ahead = Duration.ofDays(ChronoUnit.DAYS.between(today, rating.getValidUntil()) - 30);
		assertThat(ratingRegister.expiringSoon(regulator())).extracting(Rating::getId).doesNotContain(rating.getId());
		clock.advance(ahead);
		try {
			CurrentUser clinic = Fixtures.clinic(rating.getInstitutionId());
			assertThat(ratingRegister.expiringSoon(regulator())).extracting(Rating::getId).contains(rating.getId());
			assertThat(ratingRegister.expiringSoon(clinic)).extracting(Rating::getId).containsExactly(rating.getId());
			assertThat(ratingRegister.expiringSoon(Fixtures.regulator("440300"))).extracting(Rating::getId)
				.doesNotContain(rating.getId());
			assertThat(ratingRegister.expiringSoon(Fixtures.clinic(rating.getInstitutionId() + 100_000))).isEmpty();

			mvc.perform(get("/regulator").with(user(Fixtures.principal(regulator()))))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(rating.getCertificateNo())));
			mvc.perform(get("/clinic").with(user(Fixtures.principal(clinic))))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(rating.getCertificateNo())));
		}
		finally {
			clock.advance(ahead.negated());
		}
	}

	@Test
	void anyoneCanVerifyACertificateAndSeesAtOnceWhenItIsNoLongerValid() throws Exception {
		Rating rating = published();
		String number = rating.getCertificateNo();
		CertificateCheck check = certificates.verify(number).orElseThrow();
		assertThat(check.verdict()).isEqualTo(CertificateCheck.Verdict.VALID);
		assertThat(check.stars()).isEqualTo(rating.getStars());
		mvc.perform(get("/verify/" + number))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("证书 " + number + " 有效。")))
			.andExpect(content().string(containsString(check.institutionName())));
		mvc.perform(get("/verify/" + number).param("lang", "en"))
			.andExpect(content().string(containsString("Certificate " + number + " is valid.")));
		// as typed from paper: lower case, spaces (also full-width), in the path or in
		// the form
		String typed = number.toLowerCase(java.util.Locale.ROOT).replace("-2", " -2").replace("-0", "\u3000-0");
		mvc.perform(get("/verify/{no}", typed))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("证书 " + number + " 有效。")));
		mvc.perform(get("/verify").param("certificateNo", " " + typed + " "))
			.andExpect(redirectedUrl("/verify/" + number));
		assertThat(certificates.certificate(typed)).isPresent();

		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
		Duration past = Duration.ofDays(ChronoUnit.DAYS.between(today, rating.getValidUntil()) + 1);
		clock.advance(past);
		try {
			assertThat(certificates.verify(number).orElseThrow().verdict()).isEqualTo(CertificateCheck.Verdict.EXPIRED);
		}
		finally {
			clock.advance(past.negated());
		}

		ratings.suspend(regulator(), rating.getId(), "投诉调查中");
		mvc.perform(get("/verify/" + number)).andExpect(content().string(containsString("已被监管部门暂停")));
		ratings.revoke(regulator(), rating.getId(), "伪造病历");
		assertThat(certificates.verify(number).orElseThrow().verdict()).isEqualTo(CertificateCheck.Verdict.REVOKED);
		mvc.perform(get("/verify/" + number))
			.andExpect(content().string(containsString("已被监管部门撤销")))
			.andExpect(content().string(not(containsString("伪造病历"))));
	}

	@Test
	void theVerificationFormAcceptsATypedNumberAndExplainsABadOne() throws Exception {
		Rating rating = published();
		mvc.perform(get("/verify").param("certificateNo", "  " + rating.getCertificateNo().toLowerCase() + " "))
			.andExpect(redirectedUrl("/verify/" + rating.getCertificateNo()));
		mvc.perform(get("/verify").param("certificateNo", "MZ-12"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("证书编号的格式应为")))
			.andExpect(content().string(containsString("value=\"MZ-12\"")));
		mvc.perform(get("/verify/MZ-999999-2026-999999"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("没有编号为 MZ-999999-2026-999999 的证书。")));
		assertThat(certificates.verify("MZ-999999-2026-999999")).isEmpty();
	}

	@Test
	void theRegulatorsHomePageCountsValidCertificatesByStarsAndDistrict() throws Exception {
		StarDistribution before = ratingRegister.starDistribution(regulator());
		Rating rating = published();
		StarDistribution after = ratingRegister.starDistribution(regulator());
		int stars = rating.getStars();
		assertThat(after.totals().get(stars)).isEqualTo(before.totals().get(stars) + 1);
		assertThat(after.districtTotal(rating.getRegionCode()))
			.isEqualTo(before.districtTotal(rating.getRegionCode()) + 1);
		assertThat(ratingRegister.starDistribution(Fixtures.regulator("440300")).byDistrict())
			.doesNotContainKey(rating.getRegionCode());
		mvc.perform(get("/regulator").with(user(Fixtures.principal(regulator()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"stars-by-district\"")));

		ratings.suspend(regulator(), rating.getId(), "投诉调查中");
		assertThat(ratingRegister.starDistribution(regulator()).totals().get(stars))
			.isEqualTo(before.totals().get(stars));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> ratingRegister.starDistribution(Fixtures.assessor()));

		// a valid rating whose institution's licence is suspended holds no certificate:
		// not counted
		Rating other = published();
		long withOther = ratingRegister.starDistribution(regulator()).totals().get(other.getStars());
		institutions.changeStatus(Fixtures.regulator("330000"), other.getInstitutionId(), InstitutionStatus.SUSPENDED,
				"停业整顿");
		assertThat(ratingRegister.starDistribution(regulator()).totals().get(other.getStars()))
			.isEqualTo(withOther - 1);
		assertThat(ratingRegister.starDistribution(regulator()).districtTotal(other.getRegionCode()))
			.as("neither the suspended rating nor the one without a licence counts")
			.isEqualTo(before.districtTotal(other.getRegionCode()));
	}

	@Test
	void twoRegulatorsApprovingAtOnceGetOneWinner() throws Exception {
		Team team = fixtures.submitted();
		Rating rating = ratings.propose(team.lead(), team.id(), null, null);
		ratings.accept(team.clinic(), rating.getId());
		CurrentUser a = regulator();
		CurrentUser b = regulator();
		List<Object> outcomes = race(
				List.of(() -> ratings.approve(a, rating.getId()), () -> ratings.approve(b, rating.getId())));
		assertThat(outcomes).filteredOn(o -> o instanceof Rating).hasSize(1);
		assertThat(outcomes).filteredOn(o -> o instanceof Exception).hasSize(1);
		assertThat(jdbc.queryForObject(
				"select count(*) from rating_transition where rating_id = ? and to_status = 'PUBLISHED'", Long.class,
				rating.getId()))
			.isOne();
	}

	@Test
	void certificateNumbersStayUniqueUnderConcurrentApprovals() throws Exception {
		List<Rating> proposals = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			Team team = fixtures.submitted();
			Rating rating = ratings.propose(team.lead(), team.id(), null, null);
			ratings.accept(team.clinic(), rating.getId());
			proposals.add(rating);
		}
		List<Callable<Object>> approvals = new ArrayList<>();
		for (Rating rating : proposals) {
			CurrentUser approver = regulator();
			approvals.add(() -> ratings.approve(approver, rating.getId()));
		}
		List<Object> outcomes = race(approvals);
		Set<String> numbers = ConcurrentHashMap.newKeySet();
		outcomes.forEach(o -> numbers.add(((Rating) o).getCertificateNo()));
		assertThat(numbers).hasSize(6);
	}

	@Test
	void clinicsActOnlyOnTheirOwnRatings() {
		Team team = fixtures.submitted();
		Rating rating = ratings.propose(team.lead(), team.id(), null, null);
		CurrentUser other = Fixtures.clinic(accounts.institution("330102").getId());
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> ratings.accept(other, rating.getId()));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> ratings.appeal(other, rating.getId(), "x"));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> ratings.get(other, rating.getId()));
	}

	private Rating published() {
		return ratingFixtures.published(fixtures.submitted());
	}

	private CurrentUser regulator() {
		return ratingFixtures.regulator();
	}

	private static List<Object> race(List<Callable<Object>> tasks) throws Exception {
		return Race.run(tasks);
	}

	private static List<String> reasons(Runnable action) {
		try {
			action.run();
		}
		catch (FormRejectedException ex) {
			return ex.reasons().stream().map(FormRejectedException.Reason::code).toList();
		}
		return List.of();
	}

}
