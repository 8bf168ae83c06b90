package cn.meizhi.rating;

import java.util.List;

import cn.meizhi.inspection.InspectionFixtures;
import cn.meizhi.inspection.InspectionFixtures.Team;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The right to reply: the clinic writes, a regulator of the jurisdiction moderates, the
 * public sees only what passed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RatingReplyTests {

	@Autowired
	RatingReplies replies;

	@Autowired
	Ratings ratings;

	@Autowired
	RatingRegister ratingRegister;

	@Autowired
	InspectionFixtures fixtures;

	@Autowired
	RatingFixtures ratingFixtures;

	@Autowired
	Fixtures accounts;

	@Autowired
	MockMvc mvc;

	@Test
	void aClinicRepliesOnlyToItsOwnPublishedRatingOneReplyAtATime() {
		Team team = fixtures.submitted();
		Rating proposed = ratings.propose(team.lead(), team.id(), null, null);
		assertThat(reasons(() -> replies.submit(team.clinic(), proposed.getId(), "已整改")))
			.containsExactly("rating.reply.notPublishedRating");

		Rating rating = ratingFixtures.published(fixtures.submitted());
		CurrentUser clinic = Fixtures.clinic(rating.getInstitutionId());
		assertThat(reasons(() -> replies.submit(clinic, rating.getId(), "  ")))
			.containsExactly("rating.reply.required");
		assertThat(reasons(() -> replies.submit(clinic, rating.getId(), "改".repeat(501))))
			.containsExactly("standard.text.tooLong");
		CurrentUser otherClinic = Fixtures.clinic(accounts.institution("330102").getId());
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> replies.submit(otherClinic, rating.getId(), "冒名回应"));

		RatingReply reply = replies.submit(clinic, rating.getId(), " 急救药品已全部更换，并建立了月度核查制度。 ");
		assertThat(reply.getStatus()).isEqualTo(RatingReply.Status.PENDING);
		assertThat(reply.getText()).isEqualTo("急救药品已全部更换，并建立了月度核查制度。");
		assertThat(reasons(() -> replies.submit(clinic, rating.getId(), "再补充一句")))
			.containsExactly("rating.reply.pending");
		assertThat(replies.published(rating.getId())).isEmpty();
	}

	@Test
	void aRegulatorPublishesOrRejectsWithAReasonAndANewerReplyReplacesTheOlder() {
		Rating rating = ratingFixtures.published(fixtures.submitted());
		CurrentUser clinic = Fixtures.clinic(rating.getInstitutionId());
		CurrentUser regulator = ratingFixtures.regulator();
		RatingReply first = replies.submit(clinic, rating.getId(), "已完成全部整改。");
		assertThat(replies.pending(regulator)).extracting(RatingReply::getId).contains(first.getId());
		assertThat(replies.pending(Fixtures.regulator("330200"))).extracting(RatingReply::getId)
			.doesNotContain(first.getId());
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> replies.publish(Fixtures.regulator("330200"), first.getId()));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> replies.publish(clinic, first.getId()));

		replies.publish(regulator, first.getId());
		assertThat(replies.published(rating.getId())).get().extracting(RatingReply::getText).isEqualTo("已完成全部整改。");
		assertThat(reasons(() -> replies.publish(regulator, first.getId()))).containsExactly("rating.reply.notPending");

		RatingReply advert = replies.submit(clinic, rating.getId(), "本月双眼皮手术八折！");
		assertThat(reasons(() -> replies.reject(regulator, advert.getId(), " ")))
			.containsExactly("rating.reason.required");
		replies.reject(regulator, advert.getId(), "回应内容为广告，与评定无关");
		assertThat(replies.published(rating.getId())).get().extracting(RatingReply::getId).isEqualTo(first.getId());

		RatingReply second = replies.submit(clinic, rating.getId(), "已通过复查。");
		replies.publish(regulator, second.getId());
		assertThat(replies.published(rating.getId())).get().extracting(RatingReply::getId).isEqualTo(second.getId());
		assertThat(replies.of(rating.getId())).extracting(RatingReply::getStatus)
			.containsExactly(RatingReply.Status.PUBLISHED, RatingReply.Status.REJECTED, RatingReply.Status.REPLACED);
		assertThat(replies.published(List.of(rating.getId()))).containsOnlyKeys(rating.getId());

		// the public record: the current rating with the reply now published, never a
		// rejected or replaced one
		RatingRegister.PublicRecord record = ratingRegister.publicRecord(rating.getInstitutionId());
		assertThat(record.history()).extracting(PublicRating::getId).containsExactly(rating.getId());
		assertThat(record.current().getId()).isEqualTo(rating.getId());
		assertThat(record.currentReply()).isEqualTo("已通过复查。");
	}

	@Test
	void theReplyIsWrittenAndModeratedThroughThePagesAndABadOneKeepsWhatWasTyped() throws Exception {
		Rating rating = ratingFixtures.published(fixtures.submitted());
		CurrentUser clinic = Fixtures.clinic(rating.getInstitutionId());
		String page = "/clinic/ratings/" + rating.getId();
		mvc.perform(get(page).with(as(clinic)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("提交回应，等待审核")))
			.andExpect(content().string(containsString("/certificates/" + rating.getCertificateNo())));
		String tooLong = "长".repeat(501);
		mvc.perform(post(page + "/reply").with(csrf()).with(as(clinic)).param("text", tooLong))
			.andExpect(redirectedUrl(page + "#reply"))
			.andExpect(flash().attribute("typedReply", tooLong))
			.andExpect(flash().attribute("error", "standard.text.tooLong"));
		mvc.perform(post(page + "/reply").with(csrf())
			.with(as(Fixtures.clinic(accounts.institution("330102").getId())))
			.param("text", "冒名回应")).andExpect(status().isNotFound());
		mvc.perform(post(page + "/reply").with(csrf()).with(as(clinic)).param("text", "已整改完毕，欢迎监督。"))
			.andExpect(redirectedUrl(page + "#reply"))
			.andExpect(flash().attribute("message", "rating.reply.submitted"));
		mvc.perform(get(page).with(as(clinic)))
			.andExpect(content().string(containsString("已整改完毕，欢迎监督。")))
			.andExpect(content().string(containsString("待审核")));

		CurrentUser regulator = ratingFixtures.regulator();
		RatingReply reply = replies.of(rating.getId()).get(0);
		mvc.perform(get("/regulator/replies").with(as(regulator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已整改完毕，欢迎监督。")));
		mvc.perform(get("/regulator").with(as(regulator)))
			.andExpect(content().string(containsString("replies-pending")));
		mvc.perform(post("/regulator/replies/" + reply.getId() + "/reject").with(csrf())
			.with(as(regulator))
			.param("reason", "")).andExpect(flash().attribute("error", "rating.reason.required"));
		mvc.perform(post("/regulator/replies/" + reply.getId() + "/publish").with(csrf()).with(as(regulator)))
			.andExpect(redirectedUrl("/regulator/replies"))
			.andExpect(flash().attribute("message", "rating.reply.publishedMessage"));
		mvc.perform(post("/regulator/replies/" + reply.getId() + "/publish").with(csrf())
			.with(as(Fixtures.regulator("330200")))).andExpect(status().isNotFound());
		assertThat(replies.published(rating.getId())).isPresent();
	}

	private static RequestPostProcessor as(CurrentUser user) {
		return user(Fixtures.principal(user));
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
