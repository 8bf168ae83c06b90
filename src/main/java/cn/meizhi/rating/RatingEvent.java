package cn.meizhi.rating;

import java.time.Instant;
import java.util.List;

import cn.meizhi.shared.Actor;
import cn.meizhi.shared.AuditableEvent;
import cn.meizhi.shared.FieldChange;

/**
 * Something happened to a rating or to the institution's reply to it: one record per
 * fact, carrying the rating and institution ids, the acting user and the time.
 * {@link #action()} is the audit trail's stable code.
 */
public sealed interface RatingEvent extends AuditableEvent {

	long ratingId();

	long institutionId();

	@Override
	default String objectType() {
		return "Rating";
	}

	@Override
	default String objectId() {
		return String.valueOf(ratingId());
	}

	/**
	 * Which fact: one of the records below, by its constructor (e.g.
	 * {@code RatingProposed::new}).
	 */
	@FunctionalInterface
	interface Fact {

		RatingEvent of(long ratingId, long institutionId, String summary, String regionCode, List<FieldChange> changes,
				Actor actor, Instant occurredAt);

	}

	/** The lead assessor proposed a rating from a submitted inspection. */
	record RatingProposed(long ratingId, long institutionId, String summary, String regionCode,
			List<FieldChange> changes, Actor actor, Instant occurredAt) implements RatingEvent {

		@Override
		public String action() {
			return "RATING_PROPOSED";
		}

	}

	/** The institution accepted the proposed rating. */
	record RatingAccepted(long ratingId, long institutionId, String summary, String regionCode,
			List<FieldChange> changes, Actor actor, Instant occurredAt) implements RatingEvent {

		@Override
		public String action() {
			return "RATING_ACCEPTED";
		}

	}

	/** The institution appealed the proposed rating. */
	record RatingAppealed(long ratingId, long institutionId, String summary, String regionCode,
			List<FieldChange> changes, Actor actor, Instant occurredAt) implements RatingEvent {

		@Override
		public String action() {
			return "RATING_APPEALED";
		}

	}

	/** The regulator dismissed the appeal: the proposal stands. */
	record RatingAppealDismissed(long ratingId, long institutionId, String summary, String regionCode,
			List<FieldChange> changes, Actor actor, Instant occurredAt) implements RatingEvent {

		@Override
		public String action() {
			return "RATING_APPEAL_DISMISSED";
		}

	}

	/** The regulator upheld the appeal and adjusted the stars. */
	record RatingAppealAdjusted(long ratingId, long institutionId, String summary, String regionCode,
			List<FieldChange> changes, Actor actor, Instant occurredAt) implements RatingEvent {

		@Override
		public String action() {
			return "RATING_APPEAL_ADJUSTED";
		}

	}

	/**
	 * The regulator decided the appeal by a new inspection: the proposal is withdrawn.
	 */
	record RatingSentToReinspection(long ratingId, long institutionId, String summary, String regionCode,
			List<FieldChange> changes, Actor actor, Instant occurredAt) implements RatingEvent {

		@Override
		public String action() {
			return "RATING_APPEAL_REINSPECTION";
		}

	}

	/**
	 * The rating took effect, public and certified: at the regulator's approval, or when
	 * its public notice ended.
	 */
	record RatingPublished(long ratingId, long institutionId, String summary, String regionCode,
			List<FieldChange> changes, Actor actor, Instant occurredAt) implements RatingEvent {

		@Override
		public String action() {
			return "RATING_PUBLISHED";
		}

	}

	/**
	 * The regulator approved the rating onto public notice (公示): it takes effect when the
	 * notice ends with no objection upheld.
	 */
	record RatingPutOnNotice(long ratingId, long institutionId, String summary, String regionCode,
			List<FieldChange> changes, Actor actor, Instant occurredAt) implements RatingEvent {

		@Override
		public String action() {
			return "RATING_PUT_ON_NOTICE";
		}

	}

	/** Someone objected to a rating on public notice. */
	record RatingObjectionFiled(long ratingId, long institutionId, String summary, String regionCode,
			List<FieldChange> changes, Actor actor, Instant occurredAt) implements RatingEvent {

		@Override
		public String action() {
			return "RATING_OBJECTION_FILED";
		}

	}

	/** The regulator dismissed an objection: the rating stays on notice. */
	record RatingObjectionDismissed(long ratingId, long institutionId, String summary, String regionCode,
			List<FieldChange> changes, Actor actor, Instant occurredAt) implements RatingEvent {

		@Override
		public String action() {
			return "RATING_OBJECTION_DISMISSED";
		}

	}

	/**
	 * The regulator upheld an objection: the rating on notice is withdrawn and never
	 * takes effect.
	 */
	record RatingWithdrawnAfterObjection(long ratingId, long institutionId, String summary, String regionCode,
			List<FieldChange> changes, Actor actor, Instant occurredAt) implements RatingEvent {

		@Override
		public String action() {
			return "RATING_OBJECTION_UPHELD";
		}

	}

	/** The regulator rejected the proposal. */
	record RatingRejected(long ratingId, long institutionId, String summary, String regionCode,
			List<FieldChange> changes, Actor actor, Instant occurredAt) implements RatingEvent {

		@Override
		public String action() {
			return "RATING_REJECTED";
		}

	}

	/** A newer rating of the same institution was published. */
	record RatingSuperseded(long ratingId, long institutionId, String summary, String regionCode,
			List<FieldChange> changes, Actor actor, Instant occurredAt) implements RatingEvent {

		@Override
		public String action() {
			return "RATING_SUPERSEDED";
		}

	}

	/** The rating's validity ended (the nightly job). */
	record RatingExpired(long ratingId, long institutionId, String summary, String regionCode,
			List<FieldChange> changes, Actor actor, Instant occurredAt) implements RatingEvent {

		@Override
		public String action() {
			return "RATING_EXPIRED";
		}

	}

	/** The regulator suspended the published rating. */
	record RatingSuspended(long ratingId, long institutionId, String summary, String regionCode,
			List<FieldChange> changes, Actor actor, Instant occurredAt) implements RatingEvent {

		@Override
		public String action() {
			return "RATING_SUSPENDED";
		}

	}

	/** The regulator reinstated a suspended rating. */
	record RatingReinstated(long ratingId, long institutionId, String summary, String regionCode,
			List<FieldChange> changes, Actor actor, Instant occurredAt) implements RatingEvent {

		@Override
		public String action() {
			return "RATING_REINSTATED";
		}

	}

	/** The regulator revoked the rating for good. */
	record RatingRevoked(long ratingId, long institutionId, String summary, String regionCode,
			List<FieldChange> changes, Actor actor, Instant occurredAt) implements RatingEvent {

		@Override
		public String action() {
			return "RATING_REVOKED";
		}

	}

	/** The institution submitted its public reply to the rating. */
	record RatingReplySubmitted(long ratingId, long institutionId, String summary, String regionCode,
			List<FieldChange> changes, Actor actor, Instant occurredAt) implements RatingEvent {

		@Override
		public String action() {
			return "RATING_REPLY_SUBMITTED";
		}

	}

	/** The regulator published the institution's reply. */
	record RatingReplyPublished(long ratingId, long institutionId, String summary, String regionCode,
			List<FieldChange> changes, Actor actor, Instant occurredAt) implements RatingEvent {

		@Override
		public String action() {
			return "RATING_REPLY_PUBLISHED";
		}

	}

	/** The regulator rejected the institution's reply. */
	record RatingReplyRejected(long ratingId, long institutionId, String summary, String regionCode,
			List<FieldChange> changes, Actor actor, Instant occurredAt) implements RatingEvent {

		@Override
		public String action() {
			return "RATING_REPLY_REJECTED";
		}

	}

}
