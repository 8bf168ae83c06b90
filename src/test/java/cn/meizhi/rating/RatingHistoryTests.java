package cn.meizhi.rating;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import cn.meizhi.inspection.InspectionFixtures;
import cn.meizhi.inspection.InspectionFixtures.Team;
import cn.meizhi.inspection.InspectionHistory;
import cn.meizhi.inspection.InspectionHistory.PastInspection;
import cn.meizhi.institution.Institution;
import cn.meizhi.rating.RatingHistory.PastRating;
import cn.meizhi.rating.internal.RatingTransition;
import cn.meizhi.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A rating decided before the registry kept it goes in through the modules' own history
 * APIs: the inspection as it was submitted, the rating published with a certificate from
 * the same counters, later superseded, each step in its history with its day and actor.
 */
@SpringBootTest
class RatingHistoryTests {

	@Autowired
	InspectionFixtures fixtures;

	@Autowired
	Fixtures register;

	@Autowired
	InspectionHistory inspectionHistory;

	@Autowired
	RatingHistory ratingHistory;

	@Autowired
	Ratings ratings;

	@Autowired
	RatingRegister ratingRegister;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aPastRatingIsEnteredPublishedWithItsHistoryAndCanBeSupersededLater() {
		Team team = fixtures.team();
		Institution institution = register.institution("330102");
		long cycleId = team.inspection().getCycleId();
		long versionId = jdbc.queryForObject("select standard_version_id from evaluation_cycle where id = ?",
				Long.class, cycleId);
		LocalDate approval = LocalDate.of(2022, 6, 15);
		Instant submitted = Instant.parse("2022-05-26T02:00:00Z");

		long inspectionId = inspectionHistory.recordSubmitted(new PastInspection(cycleId, institution.getId(),
				approval.minusDays(21), Instant.parse("2022-04-16T02:00:00Z"), "regulator", team.lead().id(),
				team.member().id(), Instant.parse("2022-05-16T02:00:00Z"), submitted, team.lead().username(),
				Map.of(fixtures.indicator("1.1"), new BigDecimal("4"), fixtures.indicator("2.1"),
						new BigDecimal("10"))));
		assertThat(jdbc.queryForMap("select status, submitted_by from inspection where id = ?", inspectionId))
			.containsEntry("status", "SUBMITTED")
			.containsEntry("submitted_by", team.lead().username());
		assertThat(jdbc.queryForObject("select count(*) from inspection_score where inspection_id = ?", Integer.class,
				inspectionId))
			.isEqualTo(2);
		assertThat(jdbc.queryForObject("select count(*) from inspection_member where inspection_id = ?", Integer.class,
				inspectionId))
			.isEqualTo(2);

		long ratingId = ratingHistory
			.recordPublished(new PastRating(institution.getId(), inspectionId, cycleId, versionId,
					institution.getRegionCode(), new BigDecimal("86.50"), 4, team.lead().id(), team.lead().username(),
					Instant.parse("2022-05-28T02:00:00Z"), approval.minusDays(3), Instant.parse("2022-05-31T02:00:00Z"),
					"clinic", "regulator", Instant.parse("2022-06-15T02:00:00Z"), approval, 36));

		Rating rating = ratings.get(InspectionFixtures.REGULATOR, ratingId);
		assertThat(rating.getStatus()).isEqualTo(RatingStatus.PUBLISHED);
		assertThat(rating.getStars()).isEqualTo(4);
		assertThat(rating.getCertificateNo()).startsWith("MZ-330102-2022-");
		assertThat(rating.getValidFrom()).isEqualTo(approval);
		assertThat(rating.getValidUntil()).isEqualTo(LocalDate.of(2025, 6, 14));
		assertThat(ratingRegister.history(ratingId))
			.extracting(RatingTransition::getToStatus, RatingTransition::getActor)
			.containsExactly(tuple(RatingStatus.PROPOSED, team.lead().username()),
					tuple(RatingStatus.PUBLISHED, "regulator"));

		ratingHistory.recordSuperseded(ratingId, "regulator", Instant.parse("2025-06-01T02:00:00Z"));

		assertThat(ratings.get(InspectionFixtures.REGULATOR, ratingId).getStatus()).isEqualTo(RatingStatus.SUPERSEDED);
		assertThat(ratingRegister.history(ratingId)).last()
			.satisfies(t -> assertThat(t.getToStatus()).isEqualTo(RatingStatus.SUPERSEDED))
			.satisfies(t -> assertThat(t.getOccurredAt()).isEqualTo(Instant.parse("2025-06-01T02:00:00Z")));
	}

}
