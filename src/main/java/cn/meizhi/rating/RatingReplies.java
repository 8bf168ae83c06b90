package cn.meizhi.rating;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionSummary;
import cn.meizhi.rating.internal.RatingReplyRepository;
import cn.meizhi.rating.internal.RatingRepository;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FieldChange;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.shared.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The right to reply: the rated institution writes a short reply to its published rating;
 * a regulator of the jurisdiction publishes it (replacing the earlier reply, if any) or
 * rejects it with a reason the institution sees. Only published replies are ever shown to
 * the public.
 */
@Service
@Transactional(readOnly = true)
public class RatingReplies {

	private final RatingReplyRepository replies;

	private final RatingRepository ratings;

	private final InstitutionManagement institutions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RatingReplies(RatingReplyRepository replies, RatingRepository ratings, InstitutionManagement institutions,
			ApplicationEventPublisher events, Clock clock) {
		this.replies = replies;
		this.ratings = ratings;
		this.institutions = institutions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The clinic replies to its own published rating; one reply at a time waits for
	 * moderation.
	 */
	@Transactional
	public RatingReply submit(CurrentUser clinic, long ratingId, String text) {
		Rating rating = ratings.findById(ratingId)
			.filter(r -> clinic.is(Role.CLINIC) && r.getInstitutionId().equals(clinic.institutionId()))
			.orElseThrow(() -> new NotFoundException("Rating", ratingId));
		if (rating.getStatus() != RatingStatus.PUBLISHED) {
			throw FormRejectedException.of(null, "rating.reply.notPublishedRating");
		}
		if (replies.existsByRatingIdAndStatus(ratingId, RatingReply.Status.PENDING)) {
			throw FormRejectedException.of(null, "rating.reply.pending");
		}
		RatingReply reply;
		try {
			reply = replies.saveAndFlush(new RatingReply(ratingId, text, clinic.username(), clock.instant()));
		}
		catch (DataIntegrityViolationException ex) {
			throw FormRejectedException.of(null, "rating.reply.pending");
		}
		record(rating, reply, clinic, RatingEvent.RatingReplySubmitted::new, null);
		return reply;
	}

	/** A regulator lets the reply through: it replaces the published one, if any. */
	@Transactional
	public void publish(CurrentUser regulator, long replyId) {
		RatingReply reply = reachable(regulator, replyId);
		Instant now = clock.instant();
		replies.findByRatingIdInAndStatus(List.of(reply.getRatingId()), RatingReply.Status.PUBLISHED)
			.forEach(RatingReply::replace);
		reply.publish(regulator.username(), now);
		replies.flush();
		record(ratings.findById(reply.getRatingId()).orElseThrow(), reply, regulator,
				RatingEvent.RatingReplyPublished::new, null);
	}

	@Transactional
	public void reject(CurrentUser regulator, long replyId, String reason) {
		RatingReply reply = reachable(regulator, replyId);
		reply.reject(reason, regulator.username(), clock.instant());
		replies.flush();
		record(ratings.findById(reply.getRatingId()).orElseThrow(), reply, regulator,
				RatingEvent.RatingReplyRejected::new, reply.getModerationReason());
	}

	/** Replies waiting for moderation in the regulator's jurisdiction, oldest first. */
	public List<RatingReply> pending(CurrentUser regulator) {
		requireRegulator(regulator);
		return replies.findPendingWithin(regulator.jurisdiction().prefix());
	}

	/** Every reply to a rating, newest first (for the institution and regulators). */
	public List<RatingReply> of(long ratingId) {
		return replies.findByRatingIdOrderBySubmittedAtDescIdDesc(ratingId);
	}

	/** The published reply to a rating, if any: what the public sees. */
	public Optional<RatingReply> published(long ratingId) {
		return replies.findFirstByRatingIdAndStatus(ratingId, RatingReply.Status.PUBLISHED);
	}

	/** The published replies to several ratings, by rating id, in one query. */
	public Map<Long, RatingReply> published(java.util.Collection<Long> ratingIds) {
		if (ratingIds.isEmpty()) {
			return Map.of();
		}
		return replies.findByRatingIdInAndStatus(ratingIds, RatingReply.Status.PUBLISHED)
			.stream()
			.collect(Collectors.toMap(RatingReply::getRatingId, Function.identity(), (a, b) -> a));
	}

	/** The ratings the replies answer, by id, for a moderation list. */
	public Map<Long, Rating> ratingsOf(List<RatingReply> list) {
		return ratings.findAllById(list.stream().map(RatingReply::getRatingId).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(Rating::getId, Function.identity()));
	}

	private RatingReply reachable(CurrentUser regulator, long replyId) {
		requireRegulator(regulator);
		return replies.findById(replyId)
			.filter(reply -> ratings.findById(reply.getRatingId())
				.map(r -> regulator.reaches(r.getRegionCode()))
				.orElse(false))
			.orElseThrow(() -> new NotFoundException("RatingReply", replyId));
	}

	private static void requireRegulator(CurrentUser user) {
		if (!user.is(Role.REGULATOR)) {
			throw new NotFoundException("RatingReply", user.username());
		}
	}

	private void record(Rating rating, RatingReply reply, CurrentUser actor, RatingEvent.Fact fact, String reason) {
		String name = institutions.findSummary(rating.getInstitutionId()).map(InstitutionSummary::name).orElse("");
		List<FieldChange> changes = new FieldChange.Diff().add("reply", null, reply.getText())
			.add("replyStatus", null, reply.getStatus())
			.add("reason", null, reason)
			.changes();
		events.publishEvent(fact.of(rating.getId(), rating.getInstitutionId(), name, rating.getRegionCode(), changes,
				actor.actor(), clock.instant()));
	}

}
