package cn.meizhi.system;

import java.time.Duration;

import cn.meizhi.inspection.InspectionFixtures;
import cn.meizhi.inspection.InspectionFixtures.Team;
import cn.meizhi.rating.Rating;
import cn.meizhi.rating.Ratings;
import cn.meizhi.system.internal.EventPublicationRetry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A listener that runs after the commit and fails loses nothing: the change stands, the
 * event waits in the publication registry as FAILED, and the retry job hands it to the
 * listener again.
 */
@SpringBootTest
class EventPublicationRetryTests {

	@Autowired
	InspectionFixtures fixtures;

	@Autowired
	Ratings ratings;

	@Autowired
	EventPublicationRetry retry;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aNotificationThatCouldNotBeWrittenIsWrittenByTheRetry() {
		Team team = fixtures.submitted();
		long institutionId = team.clinic().institutionId();
		jdbc.execute("""
				create or replace function refuse_notification() returns trigger language plpgsql as $$
				begin raise exception 'notifications refused for this test'; end $$""");
		jdbc.execute("create trigger refuse_notification before insert on notification for each row"
				+ " when (new.institution_id = " + institutionId + ") execute function refuse_notification()");
		Rating rating;
		try {
			rating = ratings.propose(team.lead(), team.id(), null, null);
			await().untilAsserted(() -> assertThat(failedPublications()).isEqualTo(1));
		}
		finally {
			jdbc.execute("drop trigger refuse_notification on notification");
		}
		// the proposal itself stands, without its notification
		assertThat(ratings.get(InspectionFixtures.REGULATOR, rating.getId()).getId()).isEqualTo(rating.getId());
		assertThat(notificationsOf(institutionId)).isZero();

		retry.retryFailedOlderThan(Duration.ZERO);

		await().untilAsserted(() -> assertThat(notificationsOf(institutionId)).isEqualTo(1));
		await().untilAsserted(() -> assertThat(failedPublications()).isZero());
	}

	private int notificationsOf(long institutionId) {
		return jdbc.queryForObject("select count(*) from notification where institution_id = ?", Integer.class,
				institutionId);
	}

	private int failedPublications() {
		return jdbc.queryForObject("select count(*) from event_publication where status = 'FAILED'"
				+ " and event_type like '%RatingProposed'", Integer.class);
	}

}
