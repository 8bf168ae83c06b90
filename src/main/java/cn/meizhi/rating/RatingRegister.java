package cn.meizhi.rating;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.meizhi.cycle.CycleManagement;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.rating.internal.Appeal;
import cn.meizhi.rating.internal.AppealFile;
import cn.meizhi.rating.internal.AppealFileRepository;
import cn.meizhi.rating.internal.AppealRepository;
import cn.meizhi.rating.internal.RatingRepository;
import cn.meizhi.rating.internal.RatingTransition;
import cn.meizhi.rating.internal.RatingTransitionRepository;
import cn.meizhi.rating.internal.StarDistribution;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.shared.Role;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ratings as lists and records, read for pages: the regulator's register and approval
 * queue, the star distribution of a jurisdiction, the ratings due for re-assessment, a
 * clinic's or an inspection's ratings, a rating's history and appeals, and the public
 * record of an institution. Nothing here changes a rating ({@link Ratings} does).
 */
@Service
@Transactional(readOnly = true)
public class RatingRegister {

	private final RatingRepository ratings;

	private final RatingTransitionRepository transitions;

	private final AppealRepository appeals;

	private final AppealFileRepository appealFiles;

	private final InstitutionManagement institutions;

	private final CycleManagement cycles;

	private final JdbcTemplate jdbc;

	RatingRegister(RatingRepository ratings, RatingTransitionRepository transitions, AppealRepository appeals,
			AppealFileRepository appealFiles, InstitutionManagement institutions, CycleManagement cycles,
			JdbcTemplate jdbc) {
		this.ratings = ratings;
		this.transitions = transitions;
		this.appeals = appeals;
		this.appealFiles = appealFiles;
		this.institutions = institutions;
		this.cycles = cycles;
		this.jdbc = jdbc;
	}

	/**
	 * How many ratings the register counts at most: a page then says "at least 1,000".
	 * Counting a province's every rating was most of the page's time.
	 */
	public static final int REGISTER_COUNT_CAP = 1_000;

	/**
	 * A rating as the register lists it.
	 *
	 * @param override whether the stars differ from the computed ones
	 */
	public record RegisterLine(long id, long institutionId, String institutionName, String regionCode,
			String certificateNo, int stars, boolean override, RatingStatus status, LocalDate validFrom,
			LocalDate validUntil) {
	}

	/**
	 * The regulator's register of ratings: every rating of the jurisdiction (or of a
	 * district inside it), optionally of given stars, status or institution, newest
	 * approval first; from here each one is opened to suspend, reinstate or revoke it.
	 * Read as the lines the page shows (no rating is loaded as an entity), counted up to
	 * {@link #REGISTER_COUNT_CAP}.
	 */
	public org.springframework.data.domain.Page<RegisterLine> register(CurrentUser regulator, String region,
			Integer stars, RatingStatus status, Long institutionId, org.springframework.data.domain.Pageable page) {
		requireRegulator(regulator);
		String prefix = region != null && region.matches("\\d{6}") && regulator.jurisdiction().covers(region)
				? cn.meizhi.shared.Jurisdiction.of(region).prefix() : regulator.jurisdiction().prefix();
		// a district is one code (rating_region_register_idx holds its ratings in the
		// page's order); a city's or province's ratings are walked in that order
		boolean district = prefix.length() == 6;
		StringBuilder where = new StringBuilder(district ? "region_code = ?" : "region_code like ?");
		List<Object> args = new ArrayList<>(List.of(district ? prefix : prefix + "%"));
		if (status != null) {
			where.append(" and status = ?");
			args.add(status.name());
		}
		if (stars != null) {
			where.append(" and stars = ?");
			args.add(stars);
		}
		if (institutionId != null) {
			where.append(" and institution_id = ?");
			args.add(institutionId);
		}
		// the page's ids in the register's order from an index that holds the filtered
		// columns, then only their rows
		List<Object> pageArgs = new ArrayList<>(args);
		pageArgs.add(page.getPageSize());
		pageArgs.add(page.getOffset());
		List<RegisterLine> lines = new ArrayList<>();
		jdbc.query("""
				select id, institution_id, region_code, certificate_no, stars, computed_stars, status,
				       valid_from, valid_until
				from rating where id in (
				    select id from rating where %s
				    order by approved_at desc nulls last, id desc limit ? offset ?)
				order by approved_at desc nulls last, id desc
				""".formatted(where), row -> {
			lines.add(new RegisterLine(row.getLong("id"), row.getLong("institution_id"), null,
					row.getString("region_code"), row.getString("certificate_no"), row.getInt("stars"),
					row.getInt("stars") != row.getInt("computed_stars"), RatingStatus.valueOf(row.getString("status")),
					row.getObject("valid_from", LocalDate.class), row.getObject("valid_until", LocalDate.class)));
		}, pageArgs.toArray());
		Map<Long, String> names = institutions.names(lines.stream().map(RegisterLine::institutionId).toList());
		List<RegisterLine> named = lines.stream()
			.map(l -> new RegisterLine(l.id(), l.institutionId(), names.get(l.institutionId()), l.regionCode(),
					l.certificateNo(), l.stars(), l.override(), l.status(), l.validFrom(), l.validUntil()))
			.toList();
		List<Object> countArgs = new ArrayList<>(args);
		countArgs.add(REGISTER_COUNT_CAP);
		return cn.meizhi.shared.Paging.cappedPage(named, page, REGISTER_COUNT_CAP,
				() -> jdbc.queryForObject(
						"select count(*) from (select 1 from rating where %s limit ?) matches".formatted(where),
						Long.class, countArgs.toArray()));
	}

	public List<Rating> approvalQueue(CurrentUser regulator) {
		requireRegulator(regulator);
		return ratings.findWithin(regulator.jurisdiction().prefix(),
				EnumSet.of(RatingStatus.PROPOSED, RatingStatus.APPEALED, RatingStatus.IN_NOTICE));
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
						history.add(publicRating(row));
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
	 * What the public may know of each of these ratings (those never published are left
	 * out), in one statement: for the webhooks' payloads, also on a night of 86,000
	 * expiries.
	 */
	public Map<Long, PublicRating> publicRatings(java.util.Collection<Long> ratingIds) {
		Map<Long, PublicRating> found = new HashMap<>();
		if (ratingIds.isEmpty()) {
			return found;
		}
		jdbc.query(con -> {
			var statement = con.prepareStatement("""
					select r.id, r.stars, r.status, r.certificate_no, r.valid_from, r.valid_until, r.total, r.sections,
					       r.inspection_id, r.standard_version_id, r.computed_stars, r.override_reason,
					       exists (select 1 from appeal a where a.rating_id = r.id and a.outcome = 'ADJUSTED'
					               and a.adjusted_stars = r.stars) as adjusted_on_appeal
					from rating r
					where r.id = any (?) and r.status in ('PUBLISHED', 'SUSPENDED', 'EXPIRED', 'REVOKED', 'SUPERSEDED')
					""");
			statement.setArray(1, con.createArrayOf("bigint", ratingIds.toArray()));
			return statement;
		}, (java.sql.ResultSet row) -> {
			found.put(row.getLong("id"), publicRating(row));
		});
		return found;
	}

	private static PublicRating publicRating(java.sql.ResultSet row) throws java.sql.SQLException {
		return new PublicRating(row.getLong("id"), row.getInt("stars"), RatingStatus.valueOf(row.getString("status")),
				row.getString("certificate_no"), row.getObject("valid_from", LocalDate.class),
				row.getObject("valid_until", LocalDate.class), row.getBigDecimal("total"),
				RatingSections.decode(row.getString("sections")), row.getLong("inspection_id"),
				row.getLong("standard_version_id"), StarsChange.of(row.getInt("stars"), row.getInt("computed_stars"),
						row.getString("override_reason"), row.getBoolean("adjusted_on_appeal")));
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

	private static void requireRegulator(CurrentUser user) {
		if (!user.is(Role.REGULATOR)) {
			throw new NotFoundException("Rating", user.username());
		}
	}

}
