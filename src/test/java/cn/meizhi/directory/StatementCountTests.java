package cn.meizhi.directory;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import cn.meizhi.inspection.InspectionFixtures;
import cn.meizhi.inspection.InspectionFixtures.Team;
import cn.meizhi.institution.Institution;
import cn.meizhi.rating.Rating;
import cn.meizhi.rating.RatingFixtures;
import cn.meizhi.rating.RatingReplies;
import cn.meizhi.rating.Ratings;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.support.Fixtures;
import cn.meizhi.support.StatementCounter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * No N+1: list pages and APIs send the same number of SQL statements whether they show a
 * few rows or many, and a profile does not grow with its rating history. Counted at the
 * JDBC level (every statement of JPA and JdbcClient alike).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(StatementCounter.class)
class StatementCountTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	InspectionFixtures inspections;

	@Autowired
	RatingFixtures ratingFixtures;

	@Autowired
	Ratings ratings;

	@Autowired
	RatingReplies replies;

	@Test
	void directoryPagesAndTheOpenDataApiDoNotGrowWithTheRowsTheyShow() throws Exception {
		String token = chinese();
		Instant since = Instant.now().minusSeconds(1);
		rated(token);
		// one unrated row: the page then asks whether it awaits an inspection (one
		// statement for all such rows)
		fixtures.institution("330102", "杭州" + token + "医疗美容门诊部");
		long[] few = { statements(get("/institutions").param("q", token)),
				statements(get("/api/public/institutions").param("q", token).param("size", "100")),
				statements(get("/api/public/institutions.csv").param("q", token)),
				statements(get("/api/public/changes").param("since", since.toString())),
				statements(get("/regulator/institutions").param("q", token).with(as(Fixtures.regulator("330100")))) };
		for (int i = 0; i < 12; i++) {
			if (i % 3 == 0) {
				rated(token);
			}
			else {
				fixtures.institution("330102", "杭州" + token + "医疗美容诊所" + i);
			}
		}
		long[] many = { statements(get("/institutions").param("q", token)),
				statements(get("/api/public/institutions").param("q", token).param("size", "100")),
				statements(get("/api/public/institutions.csv").param("q", token)),
				statements(get("/api/public/changes").param("since", since.toString())),
				statements(get("/regulator/institutions").param("q", token).with(as(Fixtures.regulator("330100")))) };
		assertThat(many).as("statements for 1 row and for 16 rows").containsExactly(few);
		assertThat(few[0]).as("directory search page").isLessThanOrEqualTo(6);
		assertThat(few[1]).as("open-data page").isLessThanOrEqualTo(4);
	}

	@Test
	void aProfileDoesNotGrowWithItsHistoryNorTheApprovalQueueWithItsLength() throws Exception {
		Institution institution = fixtures.institution("330102");
		Rating first = ratingFixtures.published(inspections.submittedFor(institution));
		long once = statements(get("/institutions/" + institution.getId()));
		long onceJson = statements(get("/api/public/institutions/" + institution.getId()));
		ratingFixtures.published(inspections.submittedFor(institution));
		Rating latest = ratingFixtures.published(inspections.submittedFor(institution));
		assertThat(statements(get("/institutions/" + institution.getId()))).isEqualTo(once);
		assertThat(statements(get("/api/public/institutions/" + institution.getId()))).isEqualTo(onceJson);
		assertThat(once).isLessThanOrEqualTo(20);

		CurrentUser regulator = ratingFixtures.regulator();
		Team team = inspections.submitted();
		ratings.propose(team.lead(), team.id(), null, null);
		long queue = statements(get("/regulator/ratings").with(as(regulator)));
		for (int i = 0; i < 3; i++) {
			Team more = inspections.submitted();
			ratings.propose(more.lead(), more.id(), null, null);
		}
		assertThat(statements(get("/regulator/ratings").with(as(regulator)))).isEqualTo(queue);

		CurrentUser clinic = Fixtures.clinic(first.getInstitutionId());
		long notifications = statements(get("/clinic/notifications").with(as(clinic)));
		ratings.suspend(regulator, latest.getId(), "调查中");
		ratings.reinstate(regulator, latest.getId(), "调查结束");
		assertThat(statements(get("/clinic/notifications").with(as(clinic)))).isEqualTo(notifications);
	}

	private long statements(RequestBuilder request) throws Exception {
		StatementCounter.reset();
		mvc.perform(request).andExpect(status().isOk());
		return StatementCounter.count();
	}

	private void rated(String token) {
		Institution institution = fixtures.institution("330102", "杭州" + token + Fixtures.unique("诊所"));
		ratingFixtures.published(inspections.submittedFor(institution));
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor as(CurrentUser user) {
		return user(Fixtures.principal(user));
	}

	private static String chinese() {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 3; i++) {
			text.appendCodePoint(0x4E00 + ThreadLocalRandom.current().nextInt(0x9FA5 - 0x4E00));
		}
		return text.toString();
	}

}
