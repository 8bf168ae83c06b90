package cn.meizhi.rating;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import cn.meizhi.cycle.CycleManagement;
import cn.meizhi.inspection.InspectionFixtures;
import cn.meizhi.inspection.InspectionFixtures.Team;
import cn.meizhi.rating.internal.RatingNoticeJob;
import cn.meizhi.rating.internal.RatingObjection;
import cn.meizhi.rating.internal.RatingObjection.Outcome;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.support.Fixtures;
import cn.meizhi.support.MutableClock;
import cn.meizhi.support.Race;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Public notice (公示) before a rating takes effect, with a clock the test moves: the
 * public objects without an account, the regulator answers, and the job publishes what
 * has ended with every objection answered, once.
 */
@SpringBootTest(properties = "meizhi.notices.objections-per-hour=3")
@AutoConfigureMockMvc
class PublicNoticeTests {

	@TestConfiguration
	static class Clocks {

		@Bean
		@Primary
		MutableClock noticeClock() {
			return new MutableClock(LocalDate.now().atStartOfDay(ZoneId.of("Asia/Shanghai")).plusHours(10).toInstant());
		}

	}

	static final AtomicInteger ADDRESSES = new AtomicInteger(1);

	@Autowired
	Ratings ratings;

	@Autowired
	RatingObjections objections;

	@Autowired
	RatingFixtures ratingFixtures;

	@Autowired
	InspectionFixtures fixtures;

	@Autowired
	CycleManagement cycles;

	@Autowired
	RatingNoticeJob noticeJob;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	private Duration moved = Duration.ZERO;

	@AfterEach
	void clockBack() {
		clock.advance(moved.negated());
	}

	@Test
	void anApprovedRatingGoesOnNoticeAndIsNotPublicUntilItEnds() throws Exception {
		Team team = fixtures.submitted();
		Rating rating = onNotice(team, 7);

		assertThat(rating.getStatus()).isEqualTo(RatingStatus.IN_NOTICE);
		assertThat(rating.getNoticeUntil()).isEqualTo(ratings.today().plusDays(7));
		assertThat(rating.getCertificateNo()).isNull();
		// not a rating the public relies on yet: the profile shows none, the notice shows
		// it
		assertThat(jdbc.queryForObject("select rating_status from directory_entry where institution_id = ?",
				String.class, team.institution().getId()))
			.isNull();
		mvc.perform(get("/notices"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(team.institution().getName())))
			.andExpect(content().string(containsString("/notices/" + rating.getId())));
		mvc.perform(get("/notices/" + rating.getId()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"objection-form\"")))
			.andExpect(content().string(containsString("公示中")));
		// the clinic is told
		assertThat(jdbc.queryForList("select kind from notification where institution_id = ?", String.class,
				team.institution().getId()))
			.contains("RATING_PUT_ON_NOTICE");
		// a rating that never went on notice has no notice page
		Rating plain = ratingFixtures.published(fixtures.submitted());
		mvc.perform(get("/notices/" + plain.getId())).andExpect(status().isNotFound());
		mvc.perform(get("/notices/99999999")).andExpect(status().isNotFound());
	}

	@Test
	void withNoObjectionTheRatingTakesEffectOnceWhenTheNoticeEndsEvenWhenTwoNodesRunTheJob() throws Exception {
		Team team = fixtures.submitted();
		Rating rating = onNotice(team, 7);

		assertThat(noticeJob.publishEndedNotices()).isNotNull();
		assertThat(statusOf(rating)).isEqualTo(RatingStatus.IN_NOTICE);
		move(Duration.ofDays(7));
		noticeJob.publishEndedNotices();
		assertThat(statusOf(rating)).as("the notice's last day still takes objections")
			.isEqualTo(RatingStatus.IN_NOTICE);

		move(Duration.ofDays(1));
		List<Object> runs = race(List.of(noticeJob::publishEndedNotices, noticeJob::publishEndedNotices));
		assertThat(runs).noneMatch(r -> r instanceof Exception);
		assertThat(statusOf(rating)).isEqualTo(RatingStatus.PUBLISHED);
		assertThat(jdbc.queryForObject(
				"select count(*) from rating_transition where rating_id = ? and to_status = 'PUBLISHED'", Long.class,
				rating.getId()))
			.isOne();
		assertThat(jdbc.queryForList(
				"select actor from audit_event where action = 'RATING_PUBLISHED' and object_type = 'Rating' and object_id = ?",
				String.class, String.valueOf(rating.getId())))
			.containsExactly("system");
		Rating published = ratings.get(ratingFixtures.regulator(), rating.getId());
		assertThat(published.getCertificateNo()).isNotBlank();
		assertThat(published.getValidFrom()).isEqualTo(ratings.today());
		assertThat(jdbc.queryForObject("select rating_status from directory_entry where institution_id = ?",
				String.class, team.institution().getId()))
			.isEqualTo("PUBLISHED");
		mvc.perform(get("/notices/" + rating.getId()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"objection-form\""))))
			.andExpect(content().string(containsString("/institutions/" + team.institution().getId())));
		assertThat(noticeJob.publishEndedNotices()).isZero();
	}

	@Test
	void anUpheldObjectionWithdrawsTheRatingAndItNeverTakesEffect() throws Exception {
		Team team = fixtures.submitted();
		Rating rating = onNotice(team, 5);
		String reference = file(rating, "评审当天机构临时借用了其他医院的麻醉医师，平时并无麻醉医师在岗。", "13800000000");
		assertThat(reference).startsWith("YY-");

		RatingObjection objection = objections.of(ratingFixtures.regulator(), rating.getId()).get(0);
		assertThat(objection.getContact()).isEqualTo("13800000000");
		objections.answer(ratingFixtures.regulator(), rating.getId(), objection.getId(), Outcome.UPHELD,
				"经核实，机构无常驻麻醉医师，评定撤回，重新安排现场评审。");

		assertThat(statusOf(rating)).isEqualTo(RatingStatus.WITHDRAWN);
		move(Duration.ofDays(6));
		noticeJob.publishEndedNotices();
		assertThat(statusOf(rating)).isEqualTo(RatingStatus.WITHDRAWN);
		assertThat(jdbc.queryForObject(
				"select count(*) from rating_transition where rating_id = ? and to_status = 'PUBLISHED'", Long.class,
				rating.getId()))
			.isZero();
		mvc.perform(get("/notices/" + rating.getId()))
			.andExpect(content().string(containsString("异议成立，评定已撤回")))
			// the objector's contact is never public
			.andExpect(content().string(not(containsString("13800000000"))));
		assertThat(jdbc.queryForList("select kind from notification where institution_id = ?", String.class,
				team.institution().getId()))
			.contains("RATING_OBJECTION_UPHELD");
		// an answered objection is not answered twice
		assertThatExceptionOfType(FormRejectedException.class).isThrownBy(() -> objections
			.answer(ratingFixtures.regulator(), rating.getId(), objection.getId(), Outcome.DISMISSED, "again"));
	}

	@Test
	void anOpenObjectionHoldsThePublicationUntilTheRegulatorDismissesIt() throws Exception {
		Team team = fixtures.submitted();
		Rating rating = onNotice(team, 3);
		file(rating, "该机构评审时有一间手术室未投入使用。", "");
		move(Duration.ofDays(4));

		noticeJob.publishEndedNotices();
		assertThat(statusOf(rating)).as("an objection is open").isEqualTo(RatingStatus.IN_NOTICE);
		mvc.perform(get("/regulator/ratings").with(regulatorUser()))
			.andExpect(content().string(containsString("有待处理异议")));
		mvc.perform(get("/regulator").with(regulatorUser()))
			.andExpect(content().string(containsString("公示中的评定收到异议，等待您答复")));

		long objectionId = objections.of(ratingFixtures.regulator(), rating.getId()).get(0).getId();
		mvc.perform(post("/regulator/ratings/" + rating.getId() + "/objections/" + objectionId + "/answer")
			.with(regulatorUser())
			.with(csrf())
			.param("outcome", "DISMISSED")
			.param("answer", "")).andExpect(flash().attribute("error", "objection.answer.required"));
		assertThat(statusOf(rating)).isEqualTo(RatingStatus.IN_NOTICE);

		mvc.perform(post("/regulator/ratings/" + rating.getId() + "/objections/" + objectionId + "/answer")
			.with(regulatorUser())
			.with(csrf())
			.param("outcome", "DISMISSED")
			.param("answer", "经核实，该手术室评审时处于装修中，已按未使用计，不影响评定。"))
			.andExpect(flash().attribute("message", "objection.answered"));
		// the last objection answered after the notice ended: in effect at once
		assertThat(statusOf(rating)).isEqualTo(RatingStatus.PUBLISHED);
		mvc.perform(get("/notices/" + rating.getId()))
			.andExpect(content().string(containsString("收到异议 1 件：待处理 0 件，成立 0 件，不成立 1 件。")));
	}

	@Test
	void objectionsWithBadInputAreRefusedKeepingWhatWasTypedAndCloseWithTheNotice() throws Exception {
		Rating rating = onNotice(fixtures.submitted(), 2);
		String address = address();

		mvc.perform(post("/notices/" + rating.getId() + "/objections").with(csrf())
			.with(from(address))
			.param("grounds", "  ")
			.param("contact", "lee@example.cn"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请写明异议的事实和依据。")))
			.andExpect(content().string(containsString("value=\"lee@example.cn\"")));
		mvc.perform(post("/notices/" + rating.getId() + "/objections").with(csrf())
			.with(from(address))
			.header("Accept-Language", "en")
			.param("lang", "en")
			.param("grounds", "x".repeat(2001)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("At most 2,000 characters.")));
		// a field only robots fill
		mvc.perform(post("/notices/" + rating.getId() + "/objections").with(csrf())
			.with(from(address))
			.param("grounds", "robot text")
			.param("website", "http://spam.example"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("异议未能提交")));
		// no token, no objection
		mvc.perform(post("/notices/" + rating.getId() + "/objections").param("grounds", "没有令牌"))
			.andExpect(status().isForbidden());
		assertThat(objections.of(ratingFixtures.regulator(), rating.getId())).isEmpty();

		move(Duration.ofDays(3));
		mvc.perform(post("/notices/" + rating.getId() + "/objections").with(csrf())
			.with(from(address()))
			.param("grounds", "公示结束后才看到，仍想提出异议。"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("不再受理异议")))
			.andExpect(content().string(containsString("公示结束后才看到，仍想提出异议。")));
		assertThat(objections.of(ratingFixtures.regulator(), rating.getId())).isEmpty();
	}

	@Test
	void oneAddressMayFileOnlyAFewObjectionsAnHour() throws Exception {
		Rating rating = onNotice(fixtures.submitted(), 7);
		String address = address();
		for (int i = 0; i < 3; i++) {
			mvc.perform(post("/notices/" + rating.getId() + "/objections").with(csrf())
				.with(from(address))
				.param("grounds", "第 " + i + " 条异议")).andExpect(redirectedUrl("/notices/" + rating.getId()));
		}
		mvc.perform(post("/notices/" + rating.getId() + "/objections").with(csrf())
			.with(from(address))
			.param("grounds", "第四条"))
			.andExpect(status().isTooManyRequests())
			.andExpect(content().string(containsString("第四条")));
		mvc.perform(post("/notices/" + rating.getId() + "/objections").with(csrf())
			.with(from(address()))
			.param("grounds", "另一个地址")).andExpect(redirectedUrl("/notices/" + rating.getId()));
		assertThat(objections.of(ratingFixtures.regulator(), rating.getId())).hasSize(4);
	}

	@Test
	void onlyARegulatorOfTheJurisdictionSeesAndAnswersObjections() throws Exception {
		Rating rating = onNotice(fixtures.submitted(), 7);
		file(rating, "异议内容", "");
		long objectionId = objections.of(ratingFixtures.regulator(), rating.getId()).get(0).getId();
		CurrentUser elsewhere = Fixtures.regulator("440300");
		CurrentUser clinic = Fixtures.clinic(rating.getInstitutionId());

		for (CurrentUser outsider : List.of(elsewhere, clinic, Fixtures.assessor())) {
			assertThatExceptionOfType(NotFoundException.class)
				.isThrownBy(() -> objections.of(outsider, rating.getId()));
			assertThatExceptionOfType(NotFoundException.class).isThrownBy(
					() -> objections.answer(outsider, rating.getId(), objectionId, Outcome.UPHELD, "guessing ids"));
		}
		// the right regulator, with the objection's id under another rating
		Rating other = onNotice(fixtures.submitted(), 7);
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> objections
			.answer(ratingFixtures.regulator(), other.getId(), objectionId, Outcome.UPHELD, "wrong rating"));
		assertThat(statusOf(rating)).isEqualTo(RatingStatus.IN_NOTICE);
		assertThat(objections.of(ratingFixtures.regulator(), rating.getId())).allMatch(RatingObjection::isOpen);
	}

	@Test
	void theNoticePeriodIsTheCyclesAndStaysInItsRange() {
		Team team = fixtures.submitted();
		long cycleId = team.inspection().getCycleId();
		assertThat(reasons(() -> cycles.changeNoticePeriod(InspectionFixtures.REGULATOR, cycleId, 31)))
			.containsExactly("cycle.notice.range");
		assertThat(reasons(() -> cycles.changeNoticePeriod(InspectionFixtures.REGULATOR, cycleId, -1)))
			.containsExactly("cycle.notice.range");
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> cycles.changeNoticePeriod(Fixtures.regulator("440300"), cycleId, 7));
		// with 0 days (the default) approval publishes at once
		Rating rating = ratingFixtures.published(team);
		assertThat(rating.getStatus()).isEqualTo(RatingStatus.PUBLISHED);
		assertThat(rating.getNoticeUntil()).isNull();
	}

	private Rating onNotice(Team team, int days) {
		cycles.changeNoticePeriod(InspectionFixtures.REGULATOR, team.inspection().getCycleId(), days);
		return ratingFixtures.published(team);
	}

	private String file(Rating rating, String grounds, String contact) {
		return objections.file(rating.getId(), grounds, contact);
	}

	private RatingStatus statusOf(Rating rating) {
		return ratings.get(ratingFixtures.regulator(), rating.getId()).getStatus();
	}

	private void move(Duration by) {
		clock.advance(by);
		moved = moved.plus(by);
	}

	private RequestPostProcessor regulatorUser() {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(Fixtures.principal(ratingFixtures.regulator()));
	}

	private static String address() {
		return "10.77." + (ADDRESSES.get() / 250) + "." + (ADDRESSES.getAndIncrement() % 250 + 1);
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
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

	private static List<Object> race(List<Callable<Object>> tasks) throws Exception {
		return Race.run(tasks);
	}

}
