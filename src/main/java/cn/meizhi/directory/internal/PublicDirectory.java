package cn.meizhi.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.meizhi.complaint.ComplaintRecord;
import cn.meizhi.cycle.CycleManagement;
import cn.meizhi.enforcement.Penalties;
import cn.meizhi.inspection.Inspections;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionStatus;
import cn.meizhi.institution.PublicInstitution;
import cn.meizhi.practitioner.PractitionerRegister;
import cn.meizhi.rating.PublicRating;
import cn.meizhi.rating.RatingRegister;
import cn.meizhi.rating.RatingStatus;
import cn.meizhi.rating.Ratings;
import cn.meizhi.region.Regions;
import cn.meizhi.shared.InstitutionType;
import cn.meizhi.standard.RatingOutcome;
import cn.meizhi.standard.StandardManagement;
import cn.meizhi.standard.StandardVersion;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the public's questions about institutions. A search asks the directory's search
 * index which institutions match and reads what the page shows of them with one SQL
 * statement, whatever the page size; an institution's current rating is the latest one
 * that was ever published, and its status is judged against today (a published rating
 * past its last day reads as expired). Closed institutions are not listed.
 * <p>
 * A search reads one statement from PostgreSQL (the index answers the rest), so it runs
 * without a transaction of its own: a read-only transaction around one statement cost a
 * Hibernate session and two round trips to the database (begin, commit) per page, some 6
 * % of a search request (JFR).
 */
@Service
@Transactional(readOnly = true)
public class PublicDirectory {

	private static final String AWAITING = """
			(i.rating_status is null and exists (select 1 from open_enrolment e where e.institution_id = i.institution_id))""";

	private static final String COLUMNS = "i.institution_id as id, i.name, i.credit_code, i.type, i.region_code, i.stars,"
			+ " i.rating_status as status, i.licence_status, i.certificate_no, i.valid_until";

	private final JdbcClient jdbc;

	private final Regions regions;

	private final CycleManagement cycles;

	private final InstitutionManagement institutions;

	private final Ratings ratings;

	private final RatingRegister ratingRegister;

	private final Inspections inspections;

	private final StandardManagement standards;

	private final DirectorySearch index;

	private final ComplaintRecord complaints;

	private final Penalties penalties;

	private final PractitionerRegister practitioners;

	PublicDirectory(DirectorySearch index, JdbcClient jdbc, Regions regions, CycleManagement cycles,
			InstitutionManagement institutions, Ratings ratings, RatingRegister ratingRegister, Inspections inspections,
			StandardManagement standards, ComplaintRecord complaints, Penalties penalties,
			PractitionerRegister practitioners) {
		this.practitioners = practitioners;
		this.index = index;
		this.complaints = complaints;
		this.penalties = penalties;
		this.jdbc = jdbc;
		this.regions = regions;
		this.cycles = cycles;
		this.institutions = institutions;
		this.ratings = ratings;
		this.ratingRegister = ratingRegister;
		this.inspections = inspections;
		this.standards = standards;
	}

	/**
	 * Pages count matches only up to this many ("more than 1,000, add a filter"):
	 * counting every match of a common fragment costs more than finding the page. The
	 * open-data API counts exactly.
	 */
	public static final int PAGE_COUNT_CAP = 1_000;

	/** A search with the exact number of matches (the open-data API promises it). */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Page<Listing> search(DirectoryQuery query, Locale locale) {
		return search(query, locale, true);
	}

	/**
	 * A page of the institutions a query finds, in the query's order. The directory's
	 * search index ({@link DirectorySearch}) says which institutions and how many; what
	 * the page shows of each is read from PostgreSQL (so a status is never older than the
	 * database's). With {@code exactCount} false the total stops at
	 * {@link #PAGE_COUNT_CAP}.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Page<Listing> search(DirectoryQuery query, Locale locale, boolean exactCount) {
		LocalDate today = cycles.today();
		var found = index.find(query, today, (long) query.page() * query.size(), query.size(),
				exactCount ? Integer.MAX_VALUE : PAGE_COUNT_CAP);
		long total = exactCount ? found.total() : Math.min(PAGE_COUNT_CAP, found.total());
		return new PageImpl<>(listings(found.ids(), today, locale), PageRequest.of(query.page(), query.size()), total);
	}

	/**
	 * Every institution the query finds (no paging), in the query's order, for the CSV
	 * export.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public void export(DirectoryQuery query, Locale locale,
			java.util.function.BiConsumer<Listing, ComplaintRecord.PublicCounts> sink) {
		LocalDate today = cycles.today();
		List<Long> ids = index.findAll(query, today);
		for (int from = 0; from < ids.size(); from += 1_000) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1_000));
			Map<Long, ComplaintRecord.PublicCounts> counts = complaints.of(chunk);
			listings(chunk, today, locale).forEach(listing -> sink.accept(listing, counts.get(listing.id())));
		}
	}

	/**
	 * These institutions' entries in this order (one statement), with "awaiting
	 * inspection" for the unrated.
	 */
	private List<Listing> listings(List<Long> ids, LocalDate today, Locale locale) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, Listing> byId = new HashMap<>();
		jdbc.sql("select %s, %s as awaiting from directory_entry i where i.institution_id = any(:ids)"
			.formatted(COLUMNS, AWAITING))
			.param("ids", ids.toArray(Long[]::new))
			.query((rs, n) -> listing(rs, today, locale))
			.list()
			.forEach(listing -> byId.put(listing.id(), listing));
		// an institution closed since the index answered is left out
		return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
	}

	/** The institutions with a valid certificate, by stars (5 down to 1). */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Map<Integer, Long> certifiedByStars() {
		return index.certifiedByStars(cycles.today());
	}

	/**
	 * An institution's public profile, or empty when it never existed. A closed
	 * institution keeps its profile (a consumer who was treated there, or holds its
	 * certificate, learns that it closed); the search lists only institutions that have
	 * not closed.
	 */
	public Optional<Profile> profile(long id, Locale locale) {
		return profile(id, locale, false);
	}

	/**
	 * The profile with each indicator's result of the current rating, for the open data
	 * and the results page. The profile page links to the results rather than rendering
	 * some fifty of them (benchmark runs 12 and 13: 416 and 524 req/s with and without;
	 * not the main cost the profile gained in issues 20–21, see docs/performance.md).
	 */
	public Optional<Profile> profileWithResults(long id, Locale locale) {
		return profile(id, locale, true);
	}

	private Optional<Profile> profile(long id, Locale locale, boolean withResults) {
		return institutions.publicProfile(id).map(institution -> {
			LocalDate today = cycles.today();
			RatingRegister.PublicRecord record = ratingRegister.publicRecord(id);
			List<PublicRating> history = record.history();
			PublicRating current = record.current();
			boolean awaiting = current == null && jdbc
				.sql("select "
						+ AWAITING.replace("i.rating_status is null and ", "").replace("i.institution_id", ":id"))
				.param("id", id)
				.query(Boolean.class)
				.single();
			DirectoryStatus status = current == null
					? DirectoryStatus.of(null, null, institution.getStatus(), awaiting, today) : DirectoryStatus
						.of(current.getStatus(), current.getValidUntil(), institution.getStatus(), false, today);
			// each section's result as kept with the rating; computed from the scores for
			// ratings older than that
			List<RatingOutcome.SectionOutcome> sections = current == null ? List.of()
					: current.getSections() != null ? current.getSections()
							: inspections
								.publicOutcome(current.getInspectionId(), current.getStandardVersionId(),
										institution.summary())
								.sections();
			StandardVersion version = current == null ? null : standards.publicVersion(current.getStandardVersionId());
			Map<String, String> sectionNames = new HashMap<>();
			if (version != null) {
				version.getSections()
					.forEach(s -> sectionNames.put(s.getCode(),
							locale.getLanguage().equals("en") && s.getNameEn() != null ? s.getNameEn() : s.getName()));
			}
			String reply = record.currentReply();
			return new Profile(institution, regions.path(institution.getRegionCode(), locale), status, current,
					sections, version, sectionNames, reply, history, complaints.of(id), penalties.publicRecord(id),
					practitioners.publicAt(id),
					!withResults || current == null ? List.of() : inspections.publicIndicatorResults(
							current.getInspectionId(), current.getStandardVersionId(), institution.summary()));
		});
	}

	/**
	 * Institutions whose public data or rating changed since an instant, oldest change
	 * first.
	 */
	public List<Change> changesSince(Instant since, int limit) {
		return jdbc.sql("""
				select id, what, at from (
				    select i.id, case when i.created_at > :since then 'REGISTERED'
				                      when i.status = 'CLOSED' then 'CLOSED' else 'INSTITUTION' end as what,
				           i.updated_at as at
				    from register_institution i where i.updated_at > :since
				    union all
				    select institution_id, 'RATING', occurred_at from public_rating_change where occurred_at > :since
				    union all
				    select institution_id, 'REPLY', moderated_at from public_reply_change where moderated_at > :since
				) c order by at, id limit :limit
				""")
			.param("since", Timestamp.from(since))
			.param("limit", limit)
			.query((rs, n) -> new Change(rs.getLong("id"), rs.getString("what"), rs.getTimestamp("at").toInstant()))
			.list();
	}

	private Listing listing(ResultSet rs, LocalDate today, Locale locale) throws SQLException {
		String region = rs.getString("region_code");
		java.sql.Date validUntil = rs.getDate("valid_until");
		LocalDate until = validUntil == null ? null : validUntil.toLocalDate();
		String status = rs.getString("status");
		RatingStatus rating = status == null ? null : RatingStatus.valueOf(status);
		Integer stars = status == null ? null : rs.getInt("stars");
		return new Listing(rs.getLong("id"), rs.getString("name"), rs.getString("credit_code"),
				InstitutionType.valueOf(rs.getString("type")), region, regions.name(region, locale), stars,
				DirectoryStatus.of(rating, until, InstitutionStatus.valueOf(rs.getString("licence_status")),
						rs.getBoolean("awaiting"), today),
				rs.getString("certificate_no"), until);
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
	 * @param complaints the complaints decided in the last twelve months, counted
	 * @param penalties the penalties decided in the last three years, newest first
	 * @param practitioners the 美容主诊医师 registered there
	 * @param indicators each indicator's result of the current rating's inspection
	 */
	public record Profile(PublicInstitution institution, String regionPath, DirectoryStatus status,
			PublicRating current, List<RatingOutcome.SectionOutcome> sections, StandardVersion version,
			Map<String, String> sectionNames, String reply, List<PublicRating> history,
			ComplaintRecord.PublicCounts complaints, List<Penalties.PublicPenalty> penalties,
			List<PractitionerRegister.PublicPractitioner> practitioners,
			List<cn.meizhi.inspection.IndicatorResult> indicators) {

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
