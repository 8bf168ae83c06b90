package cn.meizhi.rating;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.meizhi.cycle.CycleManagement;
import cn.meizhi.cycle.EvaluationCycle;
import cn.meizhi.evidence.EvidenceStore;
import cn.meizhi.inspection.InspectionView;
import cn.meizhi.inspection.Inspections;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionSummary;
import cn.meizhi.rating.internal.Appeal;
import cn.meizhi.rating.internal.Appeal.Outcome;
import cn.meizhi.rating.internal.AppealFile;
import cn.meizhi.rating.internal.AppealFileRepository;
import cn.meizhi.rating.internal.AppealRepository;
import cn.meizhi.rating.internal.RatingObjectionRepository;
import cn.meizhi.rating.internal.RatingRepository;
import cn.meizhi.rating.internal.RatingTransition;
import cn.meizhi.rating.internal.RatingTransitionRepository;
import cn.meizhi.rating.internal.StarDistribution;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.EvidenceFiles;
import cn.meizhi.shared.EvidenceFiles.Download;
import cn.meizhi.shared.EvidenceFiles.Upload;
import cn.meizhi.shared.FieldChange;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.shared.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Star ratings and their life, with their rules in one place: only the inspection's lead
 * proposes; only the rated institution accepts or appeals, inside the window; a regulator
 * of the jurisdiction decides appeals and approves or rejects, never one who proposed or
 * was on the team (four eyes); approval publishes at once with a certificate number and
 * supersedes the previous rating.
 */
@Service
@Transactional(readOnly = true)
public class Ratings {

	private static final Set<RatingStatus> LIVE = EnumSet.of(RatingStatus.PROPOSED, RatingStatus.APPEALED,
			RatingStatus.IN_NOTICE, RatingStatus.PUBLISHED, RatingStatus.SUSPENDED);

	private final RatingRepository ratings;

	private final RatingTransitionRepository transitions;

	private final AppealRepository appeals;

	private final RatingObjectionRepository objections;

	private final Inspections inspections;

	private final InstitutionManagement institutions;

	private final CycleManagement cycles;

	private final AppealFileRepository appealFiles;

	private final EvidenceStore evidenceStore;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Ratings(RatingRepository ratings, RatingTransitionRepository transitions, AppealRepository appeals,
			RatingObjectionRepository objections, Inspections inspections, InstitutionManagement institutions,
			CycleManagement cycles, AppealFileRepository appealFiles, EvidenceStore evidenceStore, JdbcTemplate jdbc,
			ApplicationEventPublisher events, Clock clock) {
		this.appealFiles = appealFiles;
		this.evidenceStore = evidenceStore;
		this.ratings = ratings;
		this.transitions = transitions;
		this.appeals = appeals;
		this.objections = objections;
		this.inspections = inspections;
		this.institutions = institutions;
		this.cycles = cycles;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The lead proposes a rating from a submitted inspection: the engine's stars, or
	 * others with a reason.
	 */
	@Transactional
	public Rating propose(CurrentUser lead, long inspectionId, Integer stars, String overrideReason) {
		InspectionView view = inspections.submittedForLead(lead, inspectionId);
		boolean live = !ratings.findByInspectionIdAndStatusIn(inspectionId, LIVE).isEmpty();
		if (live) {
			throw FormRejectedException.of(null, "rating.propose.exists");
		}
		int computed = view.outcome().stars();
		int chosen = stars == null ? computed : stars;
		if (chosen < 0 || chosen > 5) {
			throw FormRejectedException.of("stars", "rating.stars.range");
		}
		LocalDate today = cycles.today();
		Rating rating = ratings.saveAndFlush(new Rating(view.institution().id(), inspectionId, view.cycle().getId(),
				view.version().getId(), view.institution().regionCode(), view.outcome(), chosen, overrideReason,
				lead.id(), lead.username(), clock.instant(),
				today.plusDays(view.version().getRules().getAppealWindowDays())));
		record(rating, null, lead, rating.isOverride() ? rating.getOverrideReason() : null,
				RatingEvent.RatingProposed::new);
		return rating;
	}

	@Transactional
	public void accept(CurrentUser clinic, long ratingId) {
		Rating rating = ownRating(clinic, ratingId);
		rating.accept(clinic.username(), clock.instant(), cycles.today());
		ratings.flush();
		record(rating, RatingStatus.PROPOSED, clinic, null, RatingEvent.RatingAccepted::new);
	}

	@Transactional
	public Appeal appeal(CurrentUser clinic, long ratingId, String grounds) {
		return appeal(clinic, ratingId, grounds, List.of());
	}

	/**
	 * The institution appeals with its grounds and evidence (at most
	 * {@link EvidenceFiles#MAX_FILES_PER_INDICATOR} files of
	 * {@link EvidenceFiles#MAX_BYTES} each, judged by their bytes); a refused file
	 * refuses the appeal, so nothing is half filed.
	 */
	@Transactional
	public Appeal appeal(CurrentUser clinic, long ratingId, String grounds, List<Upload> evidence) {
		Rating rating = ownRating(clinic, ratingId);
		Appeal appeal = new Appeal(ratingId, grounds, clinic.username(), clock.instant());
		rating.appeal(cycles.today());
		List<Upload> files = evidence.stream().filter(u -> u.bytes().length > 0).toList();
		if (files.size() > EvidenceFiles.MAX_FILES_PER_INDICATOR) {
			throw FormRejectedException.of("files", "evidence.tooMany", EvidenceFiles.MAX_FILES_PER_INDICATOR);
		}
		appeals.saveAndFlush(appeal);
		for (Upload upload : files) {
			evidenceStore.refusalOf(upload).ifPresent(refusal -> {
				throw FormRejectedException.of("files", refusal.messageKey(), refusal.arguments());
			});
			appealFiles
				.save(new AppealFile(appeal.getId(), evidenceStore.store(upload), clinic.username(), clock.instant()));
		}
		ratings.flush();
		record(rating, RatingStatus.PROPOSED, clinic, appeal.getGrounds(), RatingEvent.RatingAppealed::new);
		return appeal;
	}

	/**
	 * A regulator decides the pending appeal: dismissed, upheld with adjusted stars, or
	 * upheld with a re-inspection.
	 */
	@Transactional
	public void decideAppeal(CurrentUser regulator, long ratingId, Outcome outcome, String decision, Integer stars) {
		Rating rating = reachable(regulator, ratingId);
		Appeal appeal = appeals.findFirstByRatingIdAndOutcome(ratingId, Outcome.PENDING)
			.orElseThrow(() -> FormRejectedException.of(null, "rating.appeal.notAppealed"));
		appeal.decide(outcome, decision, stars, regulator.username(), clock.instant());
		if (outcome == Outcome.REINSPECTION) {
			rating.withdrawForReinspection(decision.strip());
			inspections.reopenForReinspection(regulator, rating.getInspectionId(), decision.strip());
		}
		else {
			rating.appealDecided(outcome == Outcome.ADJUSTED ? stars : null, decision.strip(), cycles.today());
		}
		ratings.flush();
		record(rating, RatingStatus.APPEALED, regulator, decision.strip(), switch (outcome) {
			case DISMISSED -> RatingEvent.RatingAppealDismissed::new;
			case ADJUSTED -> RatingEvent.RatingAppealAdjusted::new;
			case REINSPECTION -> RatingEvent.RatingSentToReinspection::new;
			case PENDING -> throw new IllegalArgumentException("an appeal is decided, not left pending");
		});
	}

	/**
	 * Approves and publishes a proposal. The approver must not have proposed it nor have
	 * been on the inspection team; the clinic must have accepted or the window passed
	 * with no appeal pending.
	 */
	@Transactional
	public Rating approve(CurrentUser regulator, long ratingId) {
		Rating rating = reachable(regulator, ratingId);
		String bar = whyNotDecide(regulator, rating);
		if (bar != null) {
			throw FormRejectedException.of(null, bar);
		}
		LocalDate today = cycles.today();
		RatingStatus from = rating.getStatus();
		int noticeDays = cycles.find(rating.getCycleId()).map(EvaluationCycle::getNoticeDays).orElse(0);
		if (noticeDays > 0) {
			rating.approveOntoNotice(regulator.username(), clock.instant(), today, noticeDays);
			ratings.flush();
			record(rating, from, regulator, null, RatingEvent.RatingPutOnNotice::new);
			return rating;
		}
		String certificate = nextCertificateNumber(rating.getRegionCode(), today.getYear());
		int validity = inspections.submittedValidityMonths(rating.getStandardVersionId());
		rating.approve(regulator.username(), clock.instant(), today, certificate, validity);
		takeEffect(rating, from, regulator, certificate);
		return rating;
	}

	/**
	 * Publishes every rating whose public notice has ended with no objection left
	 * unanswered (an upheld one has withdrawn it already). The job calls it on one node
	 * at a time; each rating's version refuses a second publication in any case. Answers
	 * how many took effect.
	 */
	@Transactional
	public int publishEndedNotices(CurrentUser actor) {
		LocalDate today = cycles.today();
		List<Rating> due = ratings.findNoticeEnded(today);
		for (Rating rating : due) {
			publishAfterNotice(rating, actor, today);
		}
		return due.size();
	}

	/**
	 * Publishes one rating whose notice has ended, if no objection to it is still
	 * unanswered; false when it is not (yet) due. A regulator's answer to the last open
	 * objection after the notice ended calls it, so the rating need not wait for the job.
	 */
	@Transactional
	public boolean publishIfNoticeEnded(CurrentUser actor, long ratingId) {
		LocalDate today = cycles.today();
		Rating rating = ratings.findById(ratingId).orElseThrow(() -> new NotFoundException("Rating", ratingId));
		if (rating.getStatus() != RatingStatus.IN_NOTICE || !today.isAfter(rating.getNoticeUntil())
				|| objections.countByRatingIdAndOutcomeIsNull(ratingId) > 0) {
			return false;
		}
		publishAfterNotice(rating, actor, today);
		return true;
	}

	private void publishAfterNotice(Rating rating, CurrentUser actor, LocalDate today) {
		String certificate = nextCertificateNumber(rating.getRegionCode(), today.getYear());
		int validity = inspections.submittedValidityMonths(rating.getStandardVersionId());
		rating.publishAfterNotice(today, certificate, validity);
		takeEffect(rating, RatingStatus.IN_NOTICE, actor, certificate);
	}

	/** The rating is now the institution's certified one: it supersedes the previous. */
	private void takeEffect(Rating rating, RatingStatus from, CurrentUser actor, String certificate) {
		for (Rating previous : ratings.findByInstitutionIdAndStatusIn(rating.getInstitutionId(),
				EnumSet.of(RatingStatus.PUBLISHED, RatingStatus.SUSPENDED))) {
			if (!previous.getId().equals(rating.getId())) {
				RatingStatus before = previous.getStatus();
				previous.supersede();
				record(previous, before, actor, certificate, RatingEvent.RatingSuperseded::new);
			}
		}
		ratings.flush();
		record(rating, from, actor, certificate, RatingEvent.RatingPublished::new);
	}

	@Transactional
	public void reject(CurrentUser regulator, long ratingId, String reason) {
		Rating rating = reachable(regulator, ratingId);
		String bar = whyNotDecide(regulator, rating);
		if (bar != null) {
			throw FormRejectedException.of(null, bar);
		}
		RatingStatus from = rating.getStatus();
		rating.reject(reason);
		ratings.flush();
		record(rating, from, regulator, reason.strip(), RatingEvent.RatingRejected::new);
	}

	/**
	 * An objection to the rating on notice was upheld: it is withdrawn and never takes
	 * effect (the cycle may inspect the institution again).
	 */
	@Transactional
	public void withdrawAfterObjection(CurrentUser regulator, long ratingId, String reason) {
		Rating rating = reachable(regulator, ratingId);
		rating.withdrawAfterObjection(reason);
		ratings.flush();
		record(rating, RatingStatus.IN_NOTICE, regulator, reason.strip(),
				RatingEvent.RatingWithdrawnAfterObjection::new);
	}

	@Transactional
	public void suspend(CurrentUser regulator, long ratingId, String reason) {
		lifecycle(regulator, ratingId, reason, RatingEvent.RatingSuspended::new, r -> r.suspend(reason));
	}

	@Transactional
	public void reinstate(CurrentUser regulator, long ratingId, String reason) {
		lifecycle(regulator, ratingId, reason, RatingEvent.RatingReinstated::new, r -> r.reinstate(reason));
	}

	@Transactional
	public void revoke(CurrentUser regulator, long ratingId, String reason) {
		lifecycle(regulator, ratingId, reason, RatingEvent.RatingRevoked::new, r -> r.revoke(reason));
	}

	/**
	 * Marks published and suspended ratings past their validity EXPIRED. One SQL
	 * statement moves them, so running it twice, or on several nodes at once, expires
	 * each rating exactly once.
	 */
	@Transactional
	public int expireDue(CurrentUser actor) {
		String prefix = actor.jurisdiction() == null ? "" : actor.jurisdiction().prefix();
		LocalDate today = cycles.today();
		Instant now = clock.instant();
		// one statement expires them all and writes their transitions; then one event for
		// all of them (the
		// audit trail, the clinics' notifications, the directory), with the institutions'
		// names looked up
		// together
		List<java.util.Map<String, Object>> expired = jdbc.queryForList("""
				with due as (
				    select id, status from rating
				    where status in ('PUBLISHED', 'SUSPENDED') and valid_until < ? and region_code like ?
				), expired as (
				    -- the status is checked again on the locked row: a rating another node or a regulator
				    -- changed meanwhile is left alone, so each one expires exactly once
				    update rating r set status = 'EXPIRED', lock_version = r.lock_version + 1
				    from due where r.id = due.id and r.status = due.status
				    returning r.id, due.status as previous, r.region_code, r.institution_id
				), written as (
				    insert into rating_transition (rating_id, from_status, to_status, occurred_at, actor)
				    select id, previous, 'EXPIRED', ?, ? from expired
				)
				select * from expired order by id
				""", today, prefix + "%", java.sql.Timestamp.from(now), actor.username());
		var names = institutions
			.names(expired.stream().map(row -> ((Number) row.get("institution_id")).longValue()).toList());
		List<RatingEvent.RatingExpired> expirations = new ArrayList<>(expired.size());
		for (var row : expired) {
			long id = ((Number) row.get("id")).longValue();
			long institutionId = ((Number) row.get("institution_id")).longValue();
			expirations.add(new RatingEvent.RatingExpired(id, institutionId, names.getOrDefault(institutionId, ""),
					(String) row.get("region_code"), List.of(), actor.actor(), now));
		}
		if (!expirations.isEmpty()) {
			events.publishEvent(new RatingsExpired(expirations));
		}
		return expired.size();
	}

	/** Whether this regulator may approve or reject the rating (four eyes). */
	public boolean mayDecide(CurrentUser regulator, Rating rating) {
		return whyNotDecide(regulator, rating) == null;
	}

	/**
	 * Why this regulator may not approve or reject the proposal (a message key), or null
	 * when they may: a second pair of eyes means not the proposer, nobody of the
	 * inspection team, and not whoever decided the institution's appeal of it.
	 */
	public String whyNotDecide(CurrentUser regulator, Rating rating) {
		if (regulator.id() == rating.getProposerId()
				|| inspections.teamOf(rating.getInspectionId()).contains(regulator.id())) {
			return "rating.approve.fourEyes";
		}
		boolean decidedAppeal = appeals.findByRatingIdOrderByFiledAt(rating.getId())
			.stream()
			.anyMatch(a -> a.getOutcome() != Outcome.PENDING && regulator.username().equals(a.getDecidedBy()));
		return decidedAppeal ? "rating.approve.decidedAppeal" : null;
	}

	/**
	 * The inspection a rating was proposed from, as the regulator or the rated clinic
	 * sees it.
	 */
	public InspectionView basis(CurrentUser user, Rating rating) {
		return user.is(Role.CLINIC) ? inspections.clinicResultsOrReopened(user, rating.getInspectionId())
				: inspections.regulatorView(user, rating.getInspectionId());
	}

	public LocalDate today() {
		return cycles.today();
	}

	/**
	 * An appeal file of a rating the user may see (the rated clinic, a regulator of the
	 * jurisdiction).
	 */
	public Download appealFile(CurrentUser user, long ratingId, long fileId) {
		Rating rating = get(user, ratingId);
		AppealFile file = appealFiles.findById(fileId)
			.filter(f -> appeals.findById(f.getAppealId())
				.map(a -> a.getRatingId().equals(rating.getId()))
				.orElse(false))
			.orElseThrow(() -> new NotFoundException("AppealFile", fileId));
		byte[] content = evidenceStore.content(file.getStoredEvidenceId());
		return new Download(file.getFileName(), file.getContentType(), content);
	}

	public Rating get(CurrentUser user, long ratingId) {
		return switch (user.role()) {
			case REGULATOR -> reachable(user, ratingId);
			case CLINIC -> ownRating(user, ratingId);
			default -> throw new NotFoundException("Rating", ratingId);
		};
	}

	// ---- helpers
	// -------------------------------------------------------------------------------

	/**
	 * The next certificate number of a region and year,
	 * {@code MZ-<region>-<year>-<6-digit sequence>}, from a counter advanced atomically
	 * (safe under concurrent approvals). Approval uses it; so do importers of earlier
	 * ratings, so that numbers never repeat.
	 */
	@Transactional
	public String nextCertificateNumber(String region, int year) {
		Integer sequence = jdbc.queryForObject("""
				insert into certificate_sequence (region_code, year, last_value) values (?, ?, 1)
				on conflict (region_code, year) do update set last_value = certificate_sequence.last_value + 1
				returning last_value
				""", Integer.class, region, year);
		return String.format("MZ-%s-%d-%06d", region, year, sequence);
	}

	private void lifecycle(CurrentUser regulator, long ratingId, String reason, RatingEvent.Fact fact,
			java.util.function.Consumer<Rating> step) {
		Rating rating = reachable(regulator, ratingId);
		RatingStatus from = rating.getStatus();
		step.accept(rating);
		ratings.flush();
		record(rating, from, regulator, reason.strip(), fact);
	}

	private Rating reachable(CurrentUser regulator, long ratingId) {
		requireRegulator(regulator);
		return ratings.findById(ratingId)
			.filter(r -> regulator.reaches(r.getRegionCode()))
			.orElseThrow(() -> new NotFoundException("Rating", ratingId));
	}

	private Rating ownRating(CurrentUser clinic, long ratingId) {
		if (!clinic.is(Role.CLINIC)) {
			throw new NotFoundException("Rating", ratingId);
		}
		return ratings.findById(ratingId)
			.filter(r -> r.getInstitutionId().equals(clinic.institutionId()))
			.orElseThrow(() -> new NotFoundException("Rating", ratingId));
	}

	private static void requireRegulator(CurrentUser user) {
		if (!user.is(Role.REGULATOR)) {
			throw new NotFoundException("Rating", user.username());
		}
	}

	private void record(Rating rating, RatingStatus from, CurrentUser actor, String reason, RatingEvent.Fact fact) {
		Instant now = clock.instant();
		transitions.save(new RatingTransition(rating.getId(), from, rating.getStatus(), actor.username(), reason, now));
		String name = institutions.findSummary(rating.getInstitutionId()).map(InstitutionSummary::name).orElse("");
		List<FieldChange> changes = new ArrayList<>(new FieldChange.Diff().add("status", from, rating.getStatus())
			.add("stars", null, rating.getStars())
			.add("reason", null, reason)
			.changes());
		events.publishEvent(fact.of(rating.getId(), rating.getInstitutionId(), name, rating.getRegionCode(), changes,
				actor.actor(), now));
	}

}
