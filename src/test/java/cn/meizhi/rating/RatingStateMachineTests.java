package cn.meizhi.rating;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.standard.RatingOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static cn.meizhi.rating.RatingStatus.APPEALED;
import static cn.meizhi.rating.RatingStatus.EXPIRED;
import static cn.meizhi.rating.RatingStatus.IN_NOTICE;
import static cn.meizhi.rating.RatingStatus.PROPOSED;
import static cn.meizhi.rating.RatingStatus.PUBLISHED;
import static cn.meizhi.rating.RatingStatus.REJECTED;
import static cn.meizhi.rating.RatingStatus.REVOKED;
import static cn.meizhi.rating.RatingStatus.SUPERSEDED;
import static cn.meizhi.rating.RatingStatus.SUSPENDED;
import static cn.meizhi.rating.RatingStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rating's life, without a database: every step from every status is either the one
 * transition the scheme allows or refused with a reason, and a refused step changes
 * nothing.
 */
class RatingStateMachineTests {

	static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

	static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

	static final LocalDate APPEAL_DEADLINE = TODAY.plusDays(14);

	static final LocalDate AFTER_WINDOW = APPEAL_DEADLINE.plusDays(1);

	/** A step a regulator, an assessor, the institution or the nightly job can take. */
	enum Step {

		ACCEPT(r -> r.accept("clinic", NOW, TODAY)), APPEAL(r -> r.appeal(TODAY)),
		DECIDE_APPEAL(r -> r.appealDecided(null, "dismissed", TODAY)),
		WITHDRAW_FOR_REINSPECTION(r -> r.withdrawForReinspection("reinspect")),
		APPROVE(r -> r.approve("regulator", NOW, AFTER_WINDOW, "MZ-TEST", 36)), REJECT(r -> r.reject("no")),
		SUPERSEDE(Rating::supersede), EXPIRE(r -> r.expireIfDue(AFTER_WINDOW.plusYears(4))),
		SUSPEND(r -> r.suspend("complaint")), REINSTATE(r -> r.reinstate("cleared")), REVOKE(r -> r.revoke("fraud")),
		APPROVE_ONTO_NOTICE(r -> r.approveOntoNotice("regulator", NOW, AFTER_WINDOW, 7)),
		PUBLISH_AFTER_NOTICE(r -> r.publishAfterNotice(AFTER_WINDOW.plusDays(30), "MZ-NOTICE", 36)),
		WITHDRAW_AFTER_OBJECTION(r -> r.withdrawAfterObjection("objection upheld"));

		final Consumer<Rating> action;

		Step(Consumer<Rating> action) {
			this.action = action;
		}

	}

	/** The status each allowed step leads to; every step not listed is refused. */
	static final Map<RatingStatus, Map<Step, RatingStatus>> ALLOWED = new EnumMap<>(RatingStatus.class);

	static {
		ALLOWED.put(PROPOSED, Map.of(Step.ACCEPT, PROPOSED, Step.APPEAL, APPEALED, Step.APPROVE, PUBLISHED,
				Step.APPROVE_ONTO_NOTICE, IN_NOTICE, Step.REJECT, REJECTED));
		ALLOWED.put(IN_NOTICE, Map.of(Step.PUBLISH_AFTER_NOTICE, PUBLISHED, Step.WITHDRAW_AFTER_OBJECTION, WITHDRAWN));
		ALLOWED.put(APPEALED, Map.of(Step.DECIDE_APPEAL, PROPOSED, Step.WITHDRAW_FOR_REINSPECTION, WITHDRAWN));
		ALLOWED.put(PUBLISHED, Map.of(Step.SUPERSEDE, SUPERSEDED, Step.EXPIRE, EXPIRED, Step.SUSPEND, SUSPENDED,
				Step.REVOKE, REVOKED));
		ALLOWED.put(SUSPENDED, Map.of(Step.SUPERSEDE, SUPERSEDED, Step.EXPIRE, EXPIRED, Step.REINSTATE, PUBLISHED,
				Step.REVOKE, REVOKED));
		for (RatingStatus end : List.of(REJECTED, WITHDRAWN, SUPERSEDED, EXPIRED, REVOKED)) {
			ALLOWED.put(end, Map.of());
		}
	}

	static Stream<Arguments> everyStepFromEveryStatus() {
		return Stream.of(RatingStatus.values())
			.flatMap(status -> Stream.of(Step.values()).map(step -> Arguments.of(status, step)));
	}

	@ParameterizedTest(name = "{1} from {0}")
	@MethodSource("everyStepFromEveryStatus")
	void aStepIsTheAllowedTransitionOrRefused(RatingStatus from, Step step) {
		Rating rating = ratingIn(from);
		RatingStatus expected = ALLOWED.get(from).get(step);

		if (expected != null) {
			step.action.accept(rating);
			assertThat(rating.getStatus()).isEqualTo(expected);
		}
		else if (step == Step.EXPIRE) {
			// the nightly job asks every rating; one it may not expire stays as it was
			assertThat(rating.expireIfDue(AFTER_WINDOW.plusYears(4))).isFalse();
			assertThat(rating.getStatus()).isEqualTo(from);
		}
		else {
			assertThatThrownBy(() -> step.action.accept(rating)).isInstanceOf(FormRejectedException.class);
			assertThat(rating.getStatus()).isEqualTo(from);
		}
	}

	@Test
	void everyStatusIsReachableAndCovered() {
		for (RatingStatus status : RatingStatus.values()) {
			assertThat(ratingIn(status).getStatus()).isEqualTo(status);
			assertThat(ALLOWED).containsKey(status);
		}
	}

	@Test
	void theInstitutionAcceptsOrAppealsOnlyInsideTheWindowAndNotBoth() {
		assertRefused(proposed(), r -> r.accept("clinic", NOW, AFTER_WINDOW), "rating.window.closed");
		assertRefused(proposed(), r -> r.appeal(AFTER_WINDOW), "rating.window.closed");

		Rating accepted = proposed();
		accepted.accept("clinic", NOW, TODAY);
		assertRefused(accepted, r -> r.appeal(TODAY), "rating.appeal.accepted");
		assertRefused(accepted, r -> r.accept("clinic", NOW, TODAY), "rating.accept.already");
	}

	@Test
	void approvalWaitsForAcceptanceOrTheWindowsEnd() {
		assertRefused(proposed(), r -> r.approve("regulator", NOW, TODAY, "MZ-1", 36), "rating.approve.windowOpen");

		Rating accepted = proposed();
		accepted.accept("clinic", NOW, TODAY);
		accepted.approve("regulator", NOW, TODAY, "MZ-1", 36);
		assertThat(accepted.getStatus()).isEqualTo(PUBLISHED);
		assertThat(accepted.getValidFrom()).isEqualTo(TODAY);
		assertThat(accepted.getValidUntil()).isEqualTo(TODAY.plusMonths(36).minusDays(1));
	}

	@Test
	void aRatingOnNoticeTakesObjectionsUntilItsLastDayAndTakesEffectOnlyAfter() {
		Rating rating = ratingIn(IN_NOTICE);
		LocalDate lastDay = TODAY.plusDays(7);

		assertThat(rating.getNoticeUntil()).isEqualTo(lastDay);
		assertThat(rating.getCertificateNo()).isNull();
		assertThat(rating.takesObjections(lastDay)).isTrue();
		assertThat(rating.takesObjections(lastDay.plusDays(1))).isFalse();
		assertRefused(rating, r -> r.publishAfterNotice(lastDay, "MZ-1", 36), "rating.notice.notEnded");
		assertRefused(rating, r -> r.reject("changed my mind"), "rating.notice.answerObjections");
		assertRefused(rating, r -> r.withdrawAfterObjection(" "), "rating.reason.required");

		rating.publishAfterNotice(lastDay.plusDays(1), "MZ-1", 36);
		assertThat(rating.getStatus()).isEqualTo(PUBLISHED);
		assertThat(rating.getValidFrom()).isEqualTo(lastDay.plusDays(1));
		assertThat(rating.getValidUntil()).isEqualTo(lastDay.plusDays(1).plusMonths(36).minusDays(1));
		assertThat(rating.getCertificateNo()).isEqualTo("MZ-1");
		assertThat(rating.takesObjections(lastDay)).isFalse();
	}

	@Test
	void aDecidedAppealClosesTheWindowSoTheRegulatorMayApproveAtOnce() {
		Rating rating = proposed();
		rating.appeal(TODAY);
		rating.appealDecided(4, "adjusted on appeal", TODAY);

		assertThat(rating.getStars()).isEqualTo(4);
		assertThat(rating.approvable(TODAY)).isTrue();
		assertRefused(rating, r -> r.appeal(TODAY), "rating.window.closed");
	}

	@Test
	void suspendingRejectingAndRevokingNeedAReason() {
		assertRefused(published(), r -> r.suspend(" "), "rating.reason.required");
		assertRefused(published(), r -> r.revoke(null), "rating.reason.required");
		assertRefused(proposed(), r -> r.reject(""), "rating.reason.required");
	}

	@Test
	void aRatingIsNotExpiredBeforeItsLastValidDay() {
		Rating rating = published();

		assertThat(rating.expireIfDue(rating.getValidUntil())).isFalse();
		assertThat(rating.expireIfDue(rating.getValidUntil().plusDays(1))).isTrue();
		assertThat(rating.getStatus()).isEqualTo(EXPIRED);
	}

	private static void assertRefused(Rating rating, Consumer<Rating> step, String code) {
		RatingStatus before = rating.getStatus();
		assertThatThrownBy(() -> step.accept(rating)).isInstanceOfSatisfying(FormRejectedException.class,
				refusal -> assertThat(refusal.reasons()).extracting(FormRejectedException.Reason::code)
					.containsExactly(code));
		assertThat(rating.getStatus()).isEqualTo(before);
	}

	private static Rating proposed() {
		var outcome = new RatingOutcome(
				List.of(new RatingOutcome.SectionOutcome("A", BigDecimal.ONE, BigDecimal.valueOf(80),
						BigDecimal.valueOf(100), BigDecimal.valueOf(80))),
				BigDecimal.valueOf(80), 3, List.of(), List.of(), List.of());
		return new Rating(1, 2, 3, 4, "330102", outcome, 3, null, 5, "assessor", NOW, APPEAL_DEADLINE);
	}

	private static Rating published() {
		Rating rating = proposed();
		rating.accept("clinic", NOW, TODAY);
		rating.approve("regulator", NOW, TODAY, "MZ-1", 36);
		return rating;
	}

	/** A rating brought to the status by the steps the scheme allows. */
	static Rating ratingIn(RatingStatus status) {
		Rating rating = switch (status) {
			case PROPOSED, REJECTED, APPEALED, WITHDRAWN, IN_NOTICE -> proposed();
			default -> published();
		};
		switch (status) {
			case REJECTED -> rating.reject("no");
			case APPEALED -> rating.appeal(TODAY);
			case WITHDRAWN -> {
				rating.appeal(TODAY);
				rating.withdrawForReinspection("reinspect");
			}
			case IN_NOTICE -> {
				rating.accept("clinic", NOW, TODAY);
				rating.approveOntoNotice("regulator", NOW, TODAY, 7);
			}
			case SUPERSEDED -> rating.supersede();
			case EXPIRED -> rating.expireIfDue(AFTER_WINDOW.plusYears(4));
			case SUSPENDED -> rating.suspend("complaint");
			case REVOKED -> rating.revoke("fraud");
			default -> {
			}
		}
		return rating;
	}

}
