package cn.meizhi.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.meizhi.cycle.CycleManagement;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionType;
import cn.meizhi.institution.PublicInstitution;
import cn.meizhi.rating.PublicRating;
import cn.meizhi.rating.Ratings;
import cn.meizhi.region.Regions;
import cn.meizhi.standard.RatingOutcome;
import cn.meizhi.standard.StandardManagement;
import cn.meizhi.standard.StandardVersion;
import cn.meizhi.inspection.Inspections;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the public's questions about institutions. A search is two SQL statements (the page and its
 * count) whatever the page size; an institution's current rating is the latest one that was ever
 * published, and its status is judged against today (a published rating past its last day reads as
 * expired). Closed institutions are not listed.
 */
@Service
@Transactional(readOnly = true)
public class PublicDirectory {

	private static final String AWAITING = """
			(i.rating_status is null and exists (select 1 from enrolment e join evaluation_cycle c on c.id = e.cycle_id
			        where e.institution_id = i.institution_id and e.withdrawn_at is null and c.status in ('OPEN', 'INSPECTING')))""";

	private static final String COLUMNS = "i.institution_id as id, i.name, i.credit_code, i.type, i.region_code, i.stars,"
			+ " i.rating_status as status, i.certificate_no, i.valid_until";

	private final JdbcClient jdbc;

	private final Regions regions;

	private final CycleManagement cycles;

	private final InstitutionManagement institutions;

	private final Ratings ratings;

	private final Inspections inspections;

	private final StandardManagement standards;

	private final DirectoryCounts counts;

	private final DirectoryIndex index;

	PublicDirectory(DirectoryIndex index, JdbcClient jdbc, Regions regions, CycleManagement cycles, InstitutionManagement institutions,
			Ratings ratings, Inspections inspections, StandardManagement standards,
			DirectoryCounts counts) {
		this.index = index;
		this.counts = counts;
		this.jdbc = jdbc;
		this.regions = regions;
		this.cycles = cycles;
		this.institutions = institutions;
		this.ratings = ratings;
		this.inspections = inspections;
		this.standards = standards;
	}

	/** Pages count matches only up to this many ("more than 10,000"): counting all of a common word costs more than the page. */
	public static final int PAGE_COUNT_CAP = 10_000;

	/** A search with the exact number of matches (the open-data API promises it). */
	public Page<Listing> search(DirectoryQuery query, Locale locale) {
		return search(query, locale, true);
	}

	/**
	 * A search; with {@code exactCount} false the total stops at {@link #PAGE_COUNT_CAP} (for the pages,
	 * which say "more than 10,000").
	 */
	public Page<Listing> search(DirectoryQuery query, Locale locale, boolean exactCount) {
		LocalDate today = cycles.today();
		var found = index.find(query, today);
		if (found.isEmpty()) {
			return searchInDatabase(query, locale, exactCount);
		}
		List<DirectoryIndex.Entry> page = found.get().page();
		// "awaiting inspection" depends on the cycles, not on the entry: asked for the page's unrated rows only
		Long[] unrated = page.stream().filter(e -> e.ratingStatus() == null).map(DirectoryIndex.Entry::id)
			.toArray(Long[]::new);
		java.util.Set<Long> awaiting = unrated.length == 0 ? java.util.Set.of()
				: new java.util.HashSet<>(jdbc.sql("select i.institution_id from unnest(cast(:ids as bigint[])) as i(institution_id)"
						+ " where " + AWAITING.replace("i.rating_status is null and ", ""))
					.param("ids", unrated)
					.query(Long.class)
					.list());
		List<Listing> content = page.stream()
			.map(e -> new Listing(e.id(), e.name(), e.creditCode(), e.type(), e.regionCode(),
					regions.name(e.regionCode(), locale), e.ratingStatus() == null ? null : e.stars(),
					DirectoryStatus.of(e.ratingStatus(), e.validUntil(), awaiting.contains(e.id()), today),
					e.certificateNo(), e.validUntil()))
			.toList();
		long total = exactCount ? found.get().total() : Math.min(PAGE_COUNT_CAP, found.get().total());
		return new PageImpl<>(content, PageRequest.of(query.page(), query.size()), total);
	}

	/** The same search answered by SQL alone (before the in-memory index is loaded). */
	Page<Listing> searchInDatabase(DirectoryQuery query, Locale locale, boolean exactCount) {
		planForTheseParameters();
		LocalDate today = cycles.today();
		Map<String, Object> params = new HashMap<>();
		String where = where(query, today, params);
		String order = order(query);
		params.put("today", today);
		params.put("limit", query.size());
		params.put("offset", (long) query.page() * query.size());
		// "awaiting" is asked of the page's rows only: over the whole match the planner hashes every enrolment
		List<Listing> content = jdbc.sql("""
				select i.*, %s as awaiting from (
				    select %s, i.institution_id, i.certified_stars, i.rating_status from directory_entry i
				    where %s
				    order by %s
				    limit :limit offset :offset
				) i
				order by %s
				""".formatted(AWAITING, COLUMNS, where, order, order))
			.params(params)
			.query((rs, n) -> listing(rs, today, locale))
			.list();
		long total = content.size() < query.size() && (query.page() == 0 || !content.isEmpty())
				? (long) query.page() * query.size() + content.size()
				: exactCount ? counts.count("exact " + where + params, () -> jdbc.sql("select count(*) from directory_entry i where " + where)
					.params(params)
					.query(Long.class)
					.single())
						: Math.min(PAGE_COUNT_CAP, counts.count("capped " + where + params, () -> jdbc
							.sql("select count(*) from (select 1 from directory_entry i where " + where + " limit "
									+ (PAGE_COUNT_CAP + 1) + ") c")
							.params(params)
							.query(Long.class)
							.single()));
		return new PageImpl<>(content, PageRequest.of(query.page(), query.size()), total);
	}

	/** Every institution the query finds (no paging), in the query's order, for the CSV export. */
	public void export(DirectoryQuery query, Locale locale, java.util.function.Consumer<Listing> sink) {
		planForTheseParameters();
		LocalDate today = cycles.today();
		Map<String, Object> params = new HashMap<>();
		String where = where(query, today, params);
		params.put("today", today);
		jdbc.sql("""
				select %s, %s as awaiting from directory_entry i
				where %s
				order by %s
				""".formatted(COLUMNS, AWAITING, where, order(query)))
			.params(params)
			.query(rs -> {
				sink.accept(listing(rs, today, locale));
			});
	}

	/** The institutions with a valid certificate, by stars (1 to 5). */
	public Map<Integer, Long> certifiedByStars() {
		return index.certifiedByStars(cycles.today()).orElseGet(this::certifiedByStarsInDatabase);
	}

	/** {@link #certifiedByStars()} counted in SQL (before the in-memory index is loaded). */
	Map<Integer, Long> certifiedByStarsInDatabase() {
		Map<Integer, Long> counts = new LinkedHashMap<>();
		for (int stars = 5; stars >= 1; stars--) {
			counts.put(stars, 0L);
		}
		jdbc.sql("select certified_stars, count(*) from directory_entry where certified_stars between 1 and 5"
				+ " and valid_until >= :today group by certified_stars")
			.param("today", cycles.today())
			.query((rs, n) -> counts.put(rs.getInt(1), rs.getLong(2)))
			.list();
		return counts;
	}

	/** An institution's public profile, or empty when there is none (never existed, or closed). */
	public Optional<Profile> profile(long id, Locale locale) {
		return institutions.publicProfile(id).map(institution -> {
			LocalDate today = cycles.today();
			Ratings.PublicRecord record = ratings.publicRecord(id);
			List<PublicRating> history = record.history();
			PublicRating current = record.current();
			boolean awaiting = current == null && jdbc.sql("select " + AWAITING.replace("i.rating_status is null and ", "")
					.replace("i.institution_id", ":id"))
				.param("id", id)
				.query(Boolean.class)
				.single();
			DirectoryStatus status = current == null ? DirectoryStatus.of(null, null, awaiting, today)
					: DirectoryStatus.of(current.getStatus().name(), current.getValidUntil(), false, today);
			// each section's result as kept with the rating; computed from the scores for ratings older than that
			List<RatingOutcome.SectionOutcome> sections = current == null ? List.of()
					: current.getSections() != null ? current.getSections()
							: inspections.publicOutcome(current.getInspectionId(), current.getStandardVersionId(),
									institution.summary()).sections();
			StandardVersion version = current == null ? null : standards.publicVersion(current.getStandardVersionId());
			Map<String, String> sectionNames = new HashMap<>();
			if (version != null) {
				version.getSections()
					.forEach(s -> sectionNames.put(s.getCode(),
							locale.getLanguage().equals("en") && s.getNameEn() != null ? s.getNameEn() : s.getName()));
			}
			String reply = record.currentReply();
			return new Profile(institution, regions.path(institution.getRegionCode(), locale), status, current,
					sections, version, sectionNames, reply, history);
		});
	}

	/** Institutions whose public data or rating changed since an instant, oldest change first. */
	public List<Change> changesSince(Instant since, int limit) {
		return jdbc.sql("""
				select id, what, at from (
				    select i.id, case when i.created_at > :since then 'REGISTERED'
				                      when i.status = 'CLOSED' then 'CLOSED' else 'INSTITUTION' end as what,
				           i.updated_at as at
				    from institution i where i.updated_at > :since
				    union all
				    select r.institution_id, 'RATING', t.occurred_at from rating_transition t join rating r on r.id = t.rating_id
				    where t.occurred_at > :since and t.to_status in ('PUBLISHED', 'SUPERSEDED', 'EXPIRED', 'SUSPENDED', 'REVOKED')
				    union all
				    select r.institution_id, 'REPLY', p.moderated_at from rating_reply p join rating r on r.id = p.rating_id
				    where p.moderated_at > :since and p.status in ('PUBLISHED', 'REPLACED')
				) c order by at, id limit :limit
				""")
			.param("since", Timestamp.from(since))
			.param("limit", limit)
			.query((rs, n) -> new Change(rs.getLong("id"), rs.getString("what"), rs.getTimestamp("at").toInstant()))
			.list();
	}

	/**
	 * Plans this transaction's statements for their own parameters. Once the driver has prepared the search
	 * statement, PostgreSQL may reuse a generic plan: right for a rare fragment (the pairs' index), wrong for
	 * a common one (医疗 took 75 ms instead of 7; the rank index should be walked). Set for the directory's
	 * transactions only: planning every statement of a bulk import made it 16 % slower.
	 */
	private void planForTheseParameters() {
		jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
	}

	private static String order(DirectoryQuery query) {
		return query.sort().equals("name") ? "i.name, i.institution_id"
				: "i.certified_stars desc nulls last, i.name, i.institution_id";
	}

	private static String where(DirectoryQuery query, LocalDate today, Map<String, Object> params) {
		List<String> conditions = new ArrayList<>();
		conditions.add("true");
		if (query.q() != null) {
			// the fragment's character pairs through their index, then the pairs next to each other
			String name = "i.institution_id in (select n.institution_id from directory_name n"
					+ " where n.search_grams @> cast(:grams as text[]) and n.search_text like :pattern)";
			String code = query.creditCode();
			if (code != null) {
				conditions.add("(i.credit_code = :code or " + name + ")");
				params.put("code", code);
			}
			else {
				conditions.add(name);
			}
			params.put("grams", cn.meizhi.shared.Texts.nameGramsLiteral(query.q()));
			params.put("pattern", DirectoryEntries.spacedPattern(query.q()));
		}
		if (query.region() != null) {
			// each level has its own column, in rank order in its own index
			String prefix = query.regionPrefix();
			conditions.add(switch (prefix.length()) {
				case 2 -> "i.province_code = :region";
				case 4 -> "i.city_code = :region";
				default -> "i.region_code = :region";
			});
			params.put("region", prefix);
		}
		if (query.type() != null) {
			conditions.add("i.type = :type");
			params.put("type", query.type().name());
		}
		if (query.department() != null) {
			conditions.add("exists (select 1 from institution_department d where d.institution_id = i.institution_id"
					+ " and d.department = :department)");
			params.put("department", query.department().name());
		}
		if (query.certifiedOnly() || query.minStars() != null) {
			conditions.add("i.certified_stars is not null and i.valid_until >= :today");
			params.put("today", today);
		}
		if (query.minStars() != null) {
			conditions.add("i.certified_stars >= :minStars");
			params.put("minStars", query.minStars());
		}
		return String.join(" and ", conditions);
	}

	private Listing listing(ResultSet rs, LocalDate today, Locale locale) throws SQLException {
		String region = rs.getString("region_code");
		java.sql.Date validUntil = rs.getDate("valid_until");
		LocalDate until = validUntil == null ? null : validUntil.toLocalDate();
		String status = rs.getString("status");
		Integer stars = status == null ? null : rs.getInt("stars");
		return new Listing(rs.getLong("id"), rs.getString("name"), rs.getString("credit_code"),
				InstitutionType.valueOf(rs.getString("type")), region, regions.name(region, locale), stars,
				DirectoryStatus.of(status, until, rs.getBoolean("awaiting"), today), rs.getString("certificate_no"), until);
	}

	/**
	 * An institution as the public sees it.
	 *
	 * @param institution the registered facts
	 * @param regionPath province, city and district
	 * @param status where its rating stands
	 * @param current its current rating, if it was ever rated
	 * @param outcome the section totals of the current rating's inspection
	 * @param version the standard version the current rating was judged by
	 * @param sectionNames section names by code, in the reader's language
	 * @param reply the institution's published reply to its current rating
	 * @param history every published rating, newest first
	 */
	public record Profile(PublicInstitution institution, String regionPath, DirectoryStatus status,
			PublicRating current, List<RatingOutcome.SectionOutcome> sections, StandardVersion version,
			Map<String, String> sectionNames, String reply, List<PublicRating> history) {

	}

	/**
	 * A change to an institution's public data.
	 *
	 * @param id the institution
	 * @param what REGISTERED, INSTITUTION (its facts), CLOSED, RATING or REPLY
	 * @param at when
	 */
	public record Change(long id, String what, Instant at) {

	}

}
