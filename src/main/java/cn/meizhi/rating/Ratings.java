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
			RatingStatus.PUBLISHED, RatingStatus.SUSPENDED);

	private final RatingRepository ratings;

	private final RatingTransitionRepository transitions;

	private final AppealRepository appeals;

	private final Inspections inspections;

	private final InstitutionManagement institutions;

	private final CycleManagement cycles;

	private final AppealFileRepository appealFiles;

	private final EvidenceStore evidenceStore;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Ratings(RatingRepository ratings, RatingTransitionRepository transitions, AppealRepository appeals,
			Inspections inspections, InstitutionManagement institutions, CycleManagement cycles,
			AppealFileRepository appealFiles, EvidenceStore evidenceStore, JdbcTemplate jdbc,
			ApplicationEventPublisher events, Clock clock) {
		this.appealFiles = appealFiles;
		this.evidenceStore = evidenceStore;
		this.ratings = ratings;
		this.transitions = transitions;
		this.appeals = appeals;
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
		String certificate = nextCertificateNumber(rating.getRegionCode(), today.getYear());
		int validity = inspections.submittedValidityMonths(rating.getStandardVersionId());
		rating.approve(regulator.username(), clock.instant(), today, certificate, validity);
		for (Rating previous : ratings.findByInstitutionIdAndStatusIn(rating.getInstitutionId(),
				EnumSet.of(RatingStatus.PUBLISHED, RatingStatus.SUSPENDED))) {
			if (!previous.getId().equals(rating.getId())) {
				RatingStatus before = previous.getStatus();
				previous.supersede();
				record(previous, before, regulator, certificate, RatingEvent.RatingSuperseded::new);
			}
		}
		ratings.flush();
		record(rating, from, regulator, certificate, RatingEvent.RatingPublished::new);
		return rating;
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
	 * The regulator's register of ratings: every rating of the jurisdiction (or of a
	 * district inside it), optionally of given stars, status or institution, newest
	 * approval first; from here each one is opened to suspend, reinstate or revoke it.
	 */
	public org.springframework.data.domain.Page<Rating> register(CurrentUser regulator, String region, Integer stars,
			RatingStatus status, Long institutionId, org.springframework.data.domain.Pageable page) {
		requireRegulator(regulator);
		String prefix = region != null && region.matches("\\d{6}") && regulator.jurisdiction().covers(region)
				? cn.meizhi.shared.Jurisdiction.of(region).prefix() : regulator.jurisdiction().prefix();
		Set<RatingStatus> statuses = status == null ? EnumSet.allOf(RatingStatus.class) : EnumSet.of(status);
		return ratings.search(prefix, statuses, stars == null ? -1 : stars, institutionId == null ? -1 : institutionId,
				page);
	}

	public List<Rating> approvalQueue(CurrentUser regulator) {
		requireRegulator(regulator);
		return ratings.findWithin(regulator.jurisdiction().prefix(),
				EnumSet.of(RatingStatus.PROPOSED, RatingStatus.APPEALED));
	}

	/**
	 * The stars of the valid certificates in the regulator's jurisdiction, in total and
	 * by district (the region code the institution is registered in).
	 */
	public StarDistribution starDistribution(CurrentUser regulator) {
		requireRegulator(regulator);
		var totals = new java.util.TreeMap<Integer, Long>();
		for (int stars = 1; stars <= 5; stars++) {
			totals.put(stars, 0L);
		}
		var byDistrict = new java.util.TreeMap<String, long[]>();
		LocalDate today = cycles.today();
		// published ratings within their validity count where their certificate holds by
		// the
		// one rule, which also asks the institution's licence: the few institutions whose
		// licence is not active are asked of the register, and their ratings taken out
		String prefix = regulator.jurisdiction().prefix() + "%";
		jdbc.query("""
				select region_code, stars, count(*) as n from rating
				where status = 'PUBLISHED' and valid_until >= ? and region_code like ? and stars between 1 and 5
				group by region_code, stars
				""", row -> {
			count(totals, byDistrict, row.getString("region_code"), row.getInt("stars"), row.getLong("n"));
		}, today, prefix);
		var notActive = institutions.licencesNotActive();
		if (!notActive.isEmpty()) {
			jdbc.query("""
					select region_code, stars, institution_id from rating
					where status = 'PUBLISHED' and valid_until >= ? and region_code like ? and stars between 1 and 5
					    and institution_id = any(?)
					""", row -> {
				var licence = notActive.get(row.getLong("institution_id"));
				if (CertificateCheck.Verdict.of(RatingStatus.PUBLISHED, today, licence,
						today) != CertificateCheck.Verdict.VALID) {
					count(totals, byDistrict, row.getString("region_code"), row.getInt("stars"), -1);
				}
			}, today, prefix, notActive.keySet().toArray(Long[]::new));
		}
		return new StarDistribution(totals, byDistrict);
	}

	private static void count(java.util.Map<Integer, Long> totals, java.util.Map<String, long[]> byDistrict,
			String region, int stars, long count) {
		totals.merge(stars, count, Long::sum);
		byDistrict.computeIfAbsent(region, code -> new long[5])[stars - 1] += count;
	}

	/** How far ahead a published rating counts as due for re-assessment (复审). */
	public static final int RENEWAL_WINDOW_DAYS = 90;

	/**
	 * Published ratings whose validity ends within {@link #RENEWAL_WINDOW_DAYS} days,
	 * soonest first: those of the regulator's jurisdiction, or the clinic's own; nobody
	 * else has any.
	 */
	public List<Rating> expiringSoon(CurrentUser user) {
		LocalDate today = cycles.today();
		LocalDate until = today.plusDays(RENEWAL_WINDOW_DAYS);
		return switch (user.role()) {
			case REGULATOR -> ratings.findExpiringWithin(user.jurisdiction().prefix(), today, until);
			case CLINIC -> ratings.findExpiringOf(user.institutionId(), today, until);
			default -> List.of();
		};
	}

	/** The ratings proposed from an inspection, newest first. */
	public List<Rating> ofInspection(long inspectionId) {
		return ratings.findByInspectionIdAndStatusIn(inspectionId, EnumSet.allOf(RatingStatus.class))
			.stream()
			.sorted(java.util.Comparator.comparing(Rating::getProposedAt).reversed())
			.toList();
	}

	/** The clinic's ratings, newest first. */
	public List<Rating> ofClinic(CurrentUser clinic) {
		if (!clinic.is(Role.CLINIC)) {
			throw new NotFoundException("Rating", clinic.username());
		}
		return ratings.findByInstitutionIdOrderByProposedAtDesc(clinic.institutionId());
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

	/** Institution names by id, for lists of ratings. */
	public java.util.Map<Long, String> institutionNames(List<Rating> list) {
		var names = new java.util.HashMap<Long, String>();
		institutions.summaries(list.stream().map(Rating::getInstitutionId).collect(java.util.stream.Collectors.toSet()))
			.forEach((id, summary) -> names.put(id, summary.name()));
		return names;
	}

	/**
	 * What the public sees of an institution's ratings, in one statement: every rating
	 * ever published, newest first (never proposals, appeals or rejected ones), the
	 * current rating (the latest unless superseded, else none) and the institution's
	 * published reply to it.
	 */
	public PublicRecord publicRecord(long institutionId) {
		// plain rows, no entities: a profile view asks this every time
		List<PublicRating> history = new ArrayList<>();
		Map<Long, String> replies = new HashMap<>();
		jdbc.query(
				"""
						select r.id, r.stars, r.status, r.certificate_no, r.valid_from, r.valid_until, r.total, r.sections,
						       r.inspection_id, r.standard_version_id, r.computed_stars, r.override_reason,
						       exists (select 1 from appeal a where a.rating_id = r.id and a.outcome = 'ADJUSTED'
						               and a.adjusted_stars = r.stars) as adjusted_on_appeal,
						       p.text as reply
						from rating r left join rating_reply p on p.rating_id = r.id and p.status = 'PUBLISHED'
						where r.institution_id = ? and r.status in ('PUBLISHED', 'SUSPENDED', 'EXPIRED', 'REVOKED', 'SUPERSEDED')
						order by r.approved_at desc, r.id desc, p.id
						""",
				row -> {
					long id = row.getLong("id");
					if (history.isEmpty() || history.get(history.size() - 1).getId() != id) {
						history.add(
								new PublicRating(id, row.getInt("stars"), RatingStatus.valueOf(row.getString("status")),
										row.getString("certificate_no"), row.getObject("valid_from", LocalDate.class),
										row.getObject("valid_until", LocalDate.class), row.getBigDecimal("total"),
										RatingSections.decode(row.getString("sections")), row.getLong("inspection_id"),
										row.getLong("standard_version_id"),
										StarsChange.of(row.getInt("stars"), row.getInt("computed_stars"),
												row.getString("override_reason"),
												row.getBoolean("adjusted_on_appeal"))));
					}
					String reply = row.getString("reply");
					if (reply != null) {
						replies.putIfAbsent(id, reply);
					}
				}, institutionId);
		PublicRating current = history.stream()
			.filter(r -> r.getStatus() != RatingStatus.SUPERSEDED)
			.findFirst()
			.orElse(null);
		return new PublicRecord(List.copyOf(history), current, current == null ? null : replies.get(current.getId()));
	}

	/**
	 * An institution's public rating record.
	 *
	 * @param history every rating ever published, newest first
	 * @param current the rating that stands (null when none, or only superseded ones)
	 * @param currentReply the text of the institution's published reply to the current
	 * rating, if any
	 */
	public record PublicRecord(List<PublicRating> history, PublicRating current, String currentReply) {
	}

	public List<Rating> ofInstitution(long institutionId) {
		return ratings.findByInstitutionIdOrderByProposedAtDesc(institutionId);
	}

	public List<RatingTransition> history(long ratingId) {
		return transitions.findByRatingIdOrderByOccurredAtAscIdAsc(ratingId);
	}

	public List<Appeal> appealsOf(long ratingId) {
		return appeals.findByRatingIdOrderByFiledAt(ratingId);
	}

	/** The evidence filed with these appeals, by appeal id. */
	public java.util.Map<Long, List<AppealFile>> appealFiles(List<Appeal> list) {
		if (list.isEmpty()) {
			return java.util.Map.of();
		}
		return appealFiles.findByAppealIdInOrderById(list.stream().map(Appeal::getId).toList())
			.stream()
			.collect(java.util.stream.Collectors.groupingBy(AppealFile::getAppealId));
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
