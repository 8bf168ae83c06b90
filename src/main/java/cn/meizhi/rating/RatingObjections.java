package cn.meizhi.rating;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.meizhi.cycle.CycleManagement;
import cn.meizhi.cycle.EvaluationCycle;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionSummary;
import cn.meizhi.rating.internal.RatingObjection;
import cn.meizhi.rating.internal.RatingObjection.Outcome;
import cn.meizhi.rating.internal.RatingObjectionRepository;
import cn.meizhi.rating.internal.RatingRepository;
import cn.meizhi.shared.Actor;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FieldChange;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.shared.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public notice (公示) of approved ratings and the public's objections (异议) to them, with
 * their rules in one place: anyone may object while a rating is on notice, up to its last
 * day; the regulator of the jurisdiction answers each objection; an upheld one withdraws
 * the rating, and a rating takes effect only when its notice has ended with every
 * objection answered ({@link Ratings#publishEndedNotices}, the job, or at once when the
 * last one is dismissed after the end).
 */
@Service
@Transactional(readOnly = true)
public class RatingObjections {

	private final RatingRepository ratings;

	private final RatingObjectionRepository objections;

	private final Ratings lifecycle;

	private final InstitutionManagement institutions;

	private final CycleManagement cycles;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RatingObjections(RatingRepository ratings, RatingObjectionRepository objections, Ratings lifecycle,
			InstitutionManagement institutions, CycleManagement cycles, ApplicationEventPublisher events, Clock clock) {
		this.ratings = ratings;
		this.objections = objections;
		this.lifecycle = lifecycle;
		this.institutions = institutions;
		this.cycles = cycles;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A rating as its public notice shows it.
	 *
	 * @param ratingId the rating
	 * @param institutionId the rated institution
	 * @param institutionName its name
	 * @param regionCode its district
	 * @param stars the stars approved
	 * @param cycleName the evaluation cycle it was rated in
	 * @param status IN_NOTICE while on notice; then PUBLISHED (or later states) or
	 * WITHDRAWN
	 * @param noticeUntil the notice's last day
	 * @param takesObjections whether the public may object today
	 * @param filed objections filed
	 * @param open of them not answered yet
	 * @param upheld of them upheld
	 */
	public record PublicNotice(long ratingId, long institutionId, String institutionName, String regionCode, int stars,
			String cycleName, RatingStatus status, LocalDate noticeUntil, boolean takesObjections, long filed,
			long open, long upheld) {

		public long dismissed() {
			return filed - open - upheld;
		}

	}

	/**
	 * The ratings on public notice now, the oldest notice first; those of one
	 * jurisdiction when a region prefix is given.
	 */
	public List<PublicNotice> current(String regionPrefix) {
		return notices(ratings.findOnNotice(regionPrefix == null ? "" : regionPrefix));
	}

	/** One rating that went through a public notice, whatever became of it. */
	public PublicNotice publicNotice(long ratingId) {
		return ratings.findById(ratingId)
			.filter(r -> r.getNoticeUntil() != null)
			.map(r -> notices(List.of(r)).get(0))
			.orElseThrow(() -> new NotFoundException("Notice", ratingId));
	}

	private List<PublicNotice> notices(List<Rating> onNotice) {
		if (onNotice.isEmpty()) {
			return List.of();
		}
		List<Long> ids = onNotice.stream().map(Rating::getId).toList();
		Map<Long, InstitutionSummary> names = institutions
			.summaries(onNotice.stream().map(Rating::getInstitutionId).toList());
		Map<Long, long[]> counts = new HashMap<>();
		for (Object[] row : objections.countByOutcome(ids)) {
			long[] c = counts.computeIfAbsent((Long) row[0], id -> new long[3]);
			long n = ((Number) row[2]).longValue();
			c[0] += n;
			if (row[1] == null) {
				c[1] += n;
			}
			else if (row[1] == Outcome.UPHELD) {
				c[2] += n;
			}
		}
		Map<Long, String> cycleNames = new HashMap<>();
		LocalDate today = cycles.today();
		return onNotice.stream().map(r -> {
			long[] c = counts.getOrDefault(r.getId(), new long[3]);
			String cycle = cycleNames.computeIfAbsent(r.getCycleId(),
					id -> cycles.find(id).map(EvaluationCycle::getName).orElse(""));
			InstitutionSummary institution = names.get(r.getInstitutionId());
			return new PublicNotice(r.getId(), r.getInstitutionId(), institution == null ? "" : institution.name(),
					r.getRegionCode(), r.getStars(), cycle, r.getStatus(), r.getNoticeUntil(), r.takesObjections(today),
					c[0], c[1], c[2]);
		}).toList();
	}

	/**
	 * Files a member of the public's objection to a rating on notice; answers the
	 * receipt's number. Refused once the notice's last day has passed.
	 */
	@Transactional
	public String file(long ratingId, String grounds, String contact) {
		Rating rating = ratings.findById(ratingId)
			.filter(r -> r.getNoticeUntil() != null)
			.orElseThrow(() -> new NotFoundException("Notice", ratingId));
		LocalDate today = cycles.today();
		if (!rating.takesObjections(today)) {
			throw FormRejectedException.of(null, "objection.closed", rating.getNoticeUntil());
		}
		Instant now = clock.instant();
		RatingObjection objection = objections
			.saveAndFlush(new RatingObjection(ratingId, rating.getRegionCode(), grounds, contact, now));
		objection.number(today);
		objections.flush();
		publish(rating, RatingEvent.RatingObjectionFiled::new, Actor.PUBLIC,
				new FieldChange.Diff().add("objection", null, objection.getReference()).changes());
		return objection.getReference();
	}

	/**
	 * The regulator of the jurisdiction answers an objection: upheld withdraws the
	 * rating; dismissed leaves it on notice, and publishes it at once when the notice has
	 * ended and this was the last open objection.
	 */
	@Transactional
	public void answer(CurrentUser regulator, long ratingId, long objectionId, Outcome outcome, String answer) {
		RatingObjection objection = objections.findById(objectionId)
			.filter(o -> o.getRatingId() == ratingId && regulator.is(Role.REGULATOR)
					&& regulator.reaches(o.getRegionCode()))
			.orElseThrow(() -> new NotFoundException("Objection", objectionId));
		objection.answer(outcome, answer, regulator.username(), clock.instant());
		objections.flush();
		Rating rating = ratings.findById(objection.getRatingId()).orElseThrow();
		if (outcome == Outcome.UPHELD) {
			if (rating.getStatus() == RatingStatus.IN_NOTICE) {
				lifecycle.withdrawAfterObjection(regulator, rating.getId(), objection.getReference() + ": " + answer);
			}
		}
		else {
			publish(rating, RatingEvent.RatingObjectionDismissed::new, regulator.actor(),
					new FieldChange.Diff().add("objection", null, objection.getReference()).changes());
			lifecycle.publishIfNoticeEnded(regulator, rating.getId());
		}
	}

	/** The objections to one rating, for a regulator of its jurisdiction. */
	public List<RatingObjection> of(CurrentUser regulator, long ratingId) {
		Rating rating = ratings.findById(ratingId)
			.filter(r -> regulator.is(Role.REGULATOR) && regulator.reaches(r.getRegionCode()))
			.orElseThrow(() -> new NotFoundException("Rating", ratingId));
		return objections.findByRatingIdOrderByFiledAt(rating.getId());
	}

	/** The ratings with an objection waiting for this regulator's answer. */
	public Set<Long> ratingsWithOpenObjections(CurrentUser regulator) {
		if (!regulator.is(Role.REGULATOR) || regulator.jurisdiction() == null) {
			return Set.of();
		}
		return objections.findOpenWithin(regulator.jurisdiction().prefix())
			.stream()
			.map(RatingObjection::getRatingId)
			.collect(java.util.stream.Collectors.toSet());
	}

	private void publish(Rating rating, RatingEvent.Fact fact, Actor actor, List<FieldChange> changes) {
		String name = institutions.findSummary(rating.getInstitutionId()).map(InstitutionSummary::name).orElse("");
		events.publishEvent(fact.of(rating.getId(), rating.getInstitutionId(), name, rating.getRegionCode(), changes,
				actor, clock.instant()));
	}

}
