package cn.meizhi.risk;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The risk rule, counted by hand. */
class RiskRuleTests {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	@Test
	void aFiveStarInstitutionWithNothingAgainstItScoresNothing() {
		var facts = new RiskRule.Facts(5, TODAY.plusYears(2), 0, 0, 0, false);
		assertThat(RiskRule.score(facts, TODAY)).isZero();
		assertThat(RiskRule.reasons(facts, TODAY)).isEmpty();
	}

	@Test
	void everyReasonAddsItsPointsUpToItsCap() {
		// no valid rating 3 + complaints min(6, 4×2) 6 + severe events min(9, 1×3) 3 +
		// penalties min(9, 2×3) 6 + flag 2
		var facts = new RiskRule.Facts(null, null, 4, 1, 2, true);
		assertThat(RiskRule.score(facts, TODAY)).isEqualTo(20);
		assertThat(RiskRule.reasons(facts, TODAY)).extracting(RiskRule.Reason::messageKey)
			.containsExactly("risk.reason.noValidRating", "risk.reason.complaints", "risk.reason.severeEvents",
					"risk.reason.penalties", "risk.reason.flagged");
	}

	@Test
	void lowStarsAndAnExpiringRatingCount() {
		assertThat(RiskRule.score(new RiskRule.Facts(2, TODAY.plusDays(90), 0, 0, 0, false), TODAY)).isEqualTo(3);
		assertThat(RiskRule.score(new RiskRule.Facts(3, TODAY.plusDays(91), 0, 0, 0, false), TODAY)).isEqualTo(1);
		assertThat(RiskRule.score(new RiskRule.Facts(4, TODAY.plusDays(10), 0, 0, 0, false), TODAY)).isEqualTo(1);
	}

}
