package cn.meizhi.notification;

import cn.meizhi.account.internal.UserAccount;
import cn.meizhi.inspection.InspectionFixtures;
import cn.meizhi.inspection.InspectionFixtures.Team;
import cn.meizhi.notification.internal.Notification;
import cn.meizhi.rating.Rating;
import cn.meizhi.rating.Ratings;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.Jurisdiction;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.shared.Role;
import cn.meizhi.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The clinic hears of what happens to its rating, and only of its own. */
@SpringBootTest
@AutoConfigureMockMvc
class NotificationTests {

	@Autowired
	Notifications notifications;

	@Autowired
	Ratings ratings;

	@Autowired
	InspectionFixtures fixtures;

	@Autowired
	Fixtures accounts;

	@Autowired
	MockMvc mvc;

	@Test
	void aProposalReachesTheClinicsHomeAndNotificationListAndOpeningItMarksItRead() throws Exception {
		Team team = fixtures.submitted();
		CurrentUser clinic = team.clinic();
		Rating rating = ratings.propose(team.lead(), team.id(), null, null);

		// told after the commit, by a listener of its own
		await().untilAsserted(() -> assertThat(notifications.unread(clinic)).isEqualTo(1));
		Notification notification = notifications.of(clinic, PageRequest.of(0, 10)).getContent().get(0);
		assertThat(notification.getKind()).isEqualTo("RATING_PROPOSED");
		assertThat(notification.getLink()).isEqualTo("/clinic/ratings/" + rating.getId());

		mvc.perform(get("/clinic").with(as(clinic)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("proposal-" + rating.getId())))
			.andExpect(content().string(containsString("评审组提出了星级评定建议")))
			.andExpect(content().string(containsString("1 条未读")));
		mvc.perform(get("/clinic/notifications").with(as(clinic)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/clinic/notifications/" + notification.getId())));

		CurrentUser otherClinic = Fixtures.clinic(accounts.institution("330102").getId());
		assertThat(notifications.unread(otherClinic)).isZero();
		mvc.perform(get("/clinic/notifications").with(as(otherClinic)))
			.andExpect(content().string(not(containsString("/clinic/notifications/" + notification.getId()))));
		mvc.perform(get("/clinic/notifications/" + notification.getId()).with(as(otherClinic)))
			.andExpect(status().isNotFound());
		assertThat(notifications.unread(clinic)).isEqualTo(1);

		mvc.perform(get("/clinic/notifications/" + notification.getId()).with(as(clinic)))
			.andExpect(redirectedUrl("/clinic/ratings/" + rating.getId()));
		assertThat(notifications.unread(clinic)).isZero();
	}

	@Test
	void publicationAndSuspensionAreNotifiedWithTheCertificateNumberAndTheReason() throws Exception {
		Team team = fixtures.submitted();
		CurrentUser clinic = team.clinic();
		Rating rating = ratings.propose(team.lead(), team.id(), null, null);
		ratings.accept(clinic, rating.getId());
		CurrentUser regulator = regulator();
		Rating published = ratings.approve(regulator, rating.getId());
		ratings.suspend(regulator, rating.getId(), "投诉调查中");

		await().untilAsserted(() -> assertThat(notifications.unread(clinic)).isEqualTo(3));
		assertThat(notifications.of(clinic, PageRequest.of(0, 10)).getContent())
			.extracting(Notification::getKind, Notification::getDetail)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("RATING_SUSPENDED", "投诉调查中"),
					org.assertj.core.groups.Tuple.tuple("RATING_PUBLISHED", published.getCertificateNo()),
					org.assertj.core.groups.Tuple.tuple("RATING_PROPOSED", null));
		assertThat(notifications.unread(clinic)).isEqualTo(3);

		mvc.perform(post("/clinic/notifications/read").with(csrf()).with(as(clinic)))
			.andExpect(redirectedUrl("/clinic/notifications"));
		assertThat(notifications.unread(clinic)).isZero();
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> notifications.markAllRead(regulator));
	}

	private CurrentUser regulator() {
		UserAccount account = accounts.account(Role.REGULATOR, "330100", null);
		return new CurrentUser(account.getId(), account.getUsername(), account.getDisplayName(), Role.REGULATOR,
				Jurisdiction.of("330100"), null);
	}

	private static RequestPostProcessor as(CurrentUser user) {
		return user(Fixtures.principal(user));
	}

}
