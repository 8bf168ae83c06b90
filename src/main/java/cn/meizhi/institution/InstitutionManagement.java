package cn.meizhi.institution;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.meizhi.institution.InstitutionEvents.InstitutionContactUpdated;
import cn.meizhi.institution.InstitutionEvents.InstitutionRegistered;
import cn.meizhi.institution.InstitutionEvents.InstitutionStatusChanged;
import cn.meizhi.institution.InstitutionEvents.InstitutionUpdated;
import cn.meizhi.institution.internal.ContactForm;
import cn.meizhi.institution.internal.InstitutionRepository;
import cn.meizhi.region.Regions;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.EditConflictException;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.InstitutionType;
import cn.meizhi.shared.Jurisdiction;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.shared.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The institution register: who may see and change which institution, and the rules every
 * change obeys. This is the one place where "inside my jurisdiction" and "my own
 * institution" are decided for institutions.
 */
@Service
@Transactional(readOnly = true)
public class InstitutionManagement {

	private final InstitutionRepository institutions;

	private final Regions regions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	InstitutionManagement(InstitutionRepository institutions, Regions regions, ApplicationEventPublisher events,
			Clock clock, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.institutions = institutions;
		this.regions = regions;
		this.events = events;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/** Institutions the user may see that match the search. */
	public Page<Institution> search(CurrentUser user, InstitutionSearch search, Pageable pageable) {
		return institutions.findAll(search.within(scopeOf(user)), pageable);
	}

	/**
	 * How many matches the register counts at most: a page then says "at least 1,000"
	 * (the export lists them all). Counting every match of a frequent name fragment was
	 * most of a page's time at national scale.
	 */
	public static final int REGISTER_COUNT_CAP = 1_000;

	/**
	 * A page of the register (the regulator's institution list): the institutions the
	 * user may see that match the search, in the page's order, read as the lines the list
	 * shows (no entity is loaded for a list), and their number up to
	 * {@link #REGISTER_COUNT_CAP}.
	 */
	public Page<RegisterLine> registerPage(CurrentUser user, InstitutionSearch search, Pageable pageable) {
		Jurisdiction scope = scopeOf(user);
		StringBuilder where = new StringBuilder("true");
		Map<String, Object> params = new HashMap<>();
		// with a name fragment, its character pairs' index finds the candidates and the
		// regions are checked on them: a city's 24,000 entries of the region index
		// intersected with them cost more than the whole search (7 of 12 ms)
		String region = search.q() == null ? "region_code like :%s" : "left(region_code, :%sLength) = :%s";
		if (scope != null) {
			where.append(" and ").append(region.replace("%s", "scope"));
			params.put("scope", search.q() == null ? scope.prefix() + "%" : scope.prefix());
			params.put("scopeLength", scope.prefix().length());
		}
		if (search.region() != null) {
			String prefix = Jurisdiction.of(search.region()).prefix();
			where.append(" and ").append(region.replace("%s", "region"));
			params.put("region", search.q() == null ? prefix + "%" : prefix);
			params.put("regionLength", prefix.length());
		}
		if (search.q() != null) {
			// name_grams (indexed) holds the fragment's character pairs, name_search (the
			// name with a space after every character) checks that they stand together
			where.append(" and (name_grams @> cast(:grams as varchar[]) and name_search like :pattern escape '\\'")
				.append(" or credit_code = :creditCode or licence_number = :q)");
			params.put("grams", cn.meizhi.shared.Texts.nameGrams(search.q()));
			params.put("pattern", cn.meizhi.shared.Texts.spacedLikePattern(search.q()));
			params.put("creditCode", UnifiedSocialCreditCode.normalize(search.q()));
			params.put("q", search.q());
		}
		if (search.type() != null) {
			where.append(" and type = :type");
			params.put("type", search.type().name());
		}
		if (search.status() != null) {
			where.append(" and status = :status");
			params.put("status", search.status().name());
		}
		// only the register's own columns: a sort is never a column named by the request
		String order = pageable.getSort()
			.stream()
			.map(o -> java.util.Objects.requireNonNull(REGISTER_COLUMNS.get(o.getProperty()), o.getProperty())
					+ (o.isDescending() ? " desc" : ""))
			.collect(java.util.stream.Collectors.joining(", "));
		if (order.isEmpty()) {
			order = "name, id";
		}
		List<RegisterLine> lines = jdbc.sql("""
				select id, name, credit_code, credit_code_exception, type, region_code, status from institution
				where %s order by %s limit :limit offset :offset""".formatted(where, order))
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query((rs, n) -> new RegisterLine(rs.getLong("id"), rs.getString("name"), rs.getString("credit_code"),
					rs.getBoolean("credit_code_exception"), InstitutionType.valueOf(rs.getString("type")),
					rs.getString("region_code"), InstitutionStatus.valueOf(rs.getString("status"))))
			.list();
		return cn.meizhi.shared.Paging.cappedPage(lines, pageable, REGISTER_COUNT_CAP, () -> jdbc
			.sql("select count(*) from (select 1 from institution where %s limit :cap) matches".formatted(where))
			.params(params)
			.param("cap", REGISTER_COUNT_CAP)
			.query(Long.class)
			.single());
	}

	/** The register's sortable properties and the columns they sort by. */
	private static final Map<String, String> REGISTER_COLUMNS = Map.of("name", "name", "regionCode", "region_code",
			"type", "type", "status", "status", "updatedAt", "updated_at", "id", "id");

	/** An institution as the register lists it. */
	public record RegisterLine(long id, String name, String creditCode, boolean creditCodeException,
			InstitutionType type, String regionCode, InstitutionStatus status) {
	}

	/** How many institutions of the user's jurisdiction are in each status. */
	public java.util.Map<InstitutionStatus, Long> countByStatus(CurrentUser user) {
		Jurisdiction scope = scopeOf(user);
		var counts = new java.util.EnumMap<InstitutionStatus, Long>(InstitutionStatus.class);
		for (InstitutionStatus status : InstitutionStatus.values()) {
			counts.put(status, 0L);
		}
		institutions.countByStatus(scope == null ? "" : scope.prefix())
			.forEach(c -> counts.put(c.getStatus(), c.getCount()));
		return counts;
	}

	/**
	 * How many institutions that are not closed each district of the user's jurisdiction
	 * has.
	 */
	public java.util.Map<String, Long> countOpenByRegion(CurrentUser user) {
		Jurisdiction scope = scopeOf(user);
		var counts = new java.util.LinkedHashMap<String, Long>();
		institutions.countOpenByRegion(scope == null ? "" : scope.prefix())
			.forEach(c -> counts.put(c.getRegionCode(), c.getCount()));
		return counts;
	}

	/** All matching institutions with their departments, for export. */
	public List<Institution> listForExport(CurrentUser user, InstitutionSearch search) {
		return institutions.findAll(search.within(scopeOf(user)), Sort.by("regionCode", "name"));
	}

	/**
	 * An institution as anyone may see it (its public profile), closed ones included: its
	 * status says whether it may practise.
	 */
	public Optional<PublicInstitution> publicProfile(long id) {
		return jdbc
			.sql("""
					select i.id, i.name, i.credit_code, i.credit_code_exception, i.licence_number, i.type, i.hospital_grade, i.region_code, i.address,
					       i.surgery_level, i.operating_rooms, i.certifications, i.phone, i.website, i.status,
					       array(select d.department from institution_department d where d.institution_id = i.id) as departments
					from institution i where i.id = :id
					""")
			.param("id", id)
			.query((rs, n) -> {
				var departments = java.util.EnumSet.noneOf(Department.class);
				for (String department : (String[]) rs.getArray("departments").getArray()) {
					departments.add(Department.valueOf(department));
				}
				String grade = rs.getString("hospital_grade");
				return new PublicInstitution(rs.getLong("id"), rs.getString("name"), rs.getString("credit_code"),
						rs.getBoolean("credit_code_exception"), rs.getString("licence_number"),
						InstitutionType.valueOf(rs.getString("type")),
						grade == null ? null : HospitalGrade.valueOf(grade), rs.getString("region_code"),
						rs.getString("address"), java.util.Collections.unmodifiableSet(departments),
						rs.getInt("surgery_level"), rs.getInt("operating_rooms"),
						Institution.certificationLines(rs.getString("certifications")), rs.getString("phone"),
						rs.getString("website"), InstitutionStatus.valueOf(rs.getString("status")));
			})
			.optional();
	}

	/**
	 * Institutions whose name holds a fragment, for anyone who must name one (a
	 * complainant): the most similar names first, closed institutions last; the
	 * register's name index answers it.
	 */
	public List<InstitutionSummary> lookupByName(String fragment, int limit) {
		String q = fragment == null ? "" : fragment.strip();
		if (q.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select id, name, credit_code, region_code, status, type, surgery_level from institution
				where name_grams @> cast(:grams as varchar[]) and name_search like :pattern escape '\\'
				order by status = 'CLOSED', length(name), name limit :limit
				""")
			.param("grams", cn.meizhi.shared.Texts.nameGrams(q))
			.param("pattern", cn.meizhi.shared.Texts.spacedLikePattern(q))
			.param("limit", limit)
			.query((rs, n) -> new InstitutionSummary(rs.getLong("id"), rs.getString("name"),
					rs.getString("credit_code"), rs.getString("region_code"),
					InstitutionStatus.valueOf(rs.getString("status")), InstitutionType.valueOf(rs.getString("type")),
					rs.getInt("surgery_level")))
			.list();
	}

	/** What an institution is licensed to do, for the plausibility rules. */
	public record PracticeFacts(long id, String name, String regionCode, InstitutionType type,
			HospitalGrade hospitalGrade, java.util.Set<Department> departments, int surgeryLevel, int operatingRooms) {
	}

	/** The practice facts of every practising institution of a jurisdiction, by name. */
	public List<PracticeFacts> practiceFacts(Jurisdiction jurisdiction) {
		return jdbc
			.sql("""
					select i.id, i.name, i.region_code, i.type, i.hospital_grade, i.surgery_level, i.operating_rooms,
					       array(select d.department from institution_department d where d.institution_id = i.id) as departments
					from institution i where i.region_code like :prefix and i.status = 'ACTIVE' order by i.name, i.id
					""")
			.param("prefix", jurisdiction.prefix() + "%")
			.query((rs, n) -> {
				var departments = java.util.EnumSet.noneOf(Department.class);
				for (String department : (String[]) rs.getArray("departments").getArray()) {
					departments.add(Department.valueOf(department));
				}
				String grade = rs.getString("hospital_grade");
				return new PracticeFacts(rs.getLong("id"), rs.getString("name"), rs.getString("region_code"),
						InstitutionType.valueOf(rs.getString("type")),
						grade == null ? null : HospitalGrade.valueOf(grade),
						java.util.Collections.unmodifiableSet(departments), rs.getInt("surgery_level"),
						rs.getInt("operating_rooms"));
			})
			.list();
	}

	/**
	 * One institution, if the user may see it; otherwise 404, whether it exists or not.
	 */
	public Institution get(CurrentUser user, long id) {
		Institution institution = institutions.findWithDepartmentsById(id).orElseThrow(() -> notFound(id));
		if (!maySee(user, institution)) {
			throw notFound(id);
		}
		return institution;
	}

	/** Whether an institution with this id exists (for binding clinic accounts). */
	public Optional<InstitutionSummary> findByCreditCode(String creditCode) {
		return institutions.findByCreditCode(UnifiedSocialCreditCode.normalize(creditCode)).map(InstitutionSummary::of);
	}

	/**
	 * The ids of the active institutions inside a jurisdiction, for enrolling them in a
	 * cycle.
	 */
	public List<Long> activeInstitutionIds(Jurisdiction jurisdiction) {
		return institutions.findActiveIdsWithinPrefix(jurisdiction.prefix());
	}

	/**
	 * Institutions' names by id, without loading them (for jobs over many institutions).
	 */
	public java.util.Map<Long, String> names(java.util.Collection<Long> ids) {
		var names = new java.util.HashMap<Long, String>();
		institutions.findNames(new java.util.LinkedHashSet<>(ids).toArray(Long[]::new))
			.forEach(row -> names.put(((Number) row[0]).longValue(), (String) row[1]));
		return names;
	}

	/** The region code of each of these institutions (unknown ids are absent). */
	public java.util.Map<Long, String> regionsOf(java.util.Collection<Long> ids) {
		var regions = new java.util.HashMap<Long, String>();
		if (!ids.isEmpty()) {
			jdbc.sql("select id, region_code from institution where id = any(:ids)")
				.param("ids", ids.toArray(Long[]::new))
				.query((rs, n) -> regions.put(rs.getLong(1), rs.getString(2)))
				.list();
		}
		return regions;
	}

	/**
	 * The institutions whose licence is not active (suspended or closed), with their
	 * status: few, whatever the size of the register.
	 */
	public java.util.Map<Long, InstitutionStatus> licencesNotActive() {
		var statuses = new java.util.HashMap<Long, InstitutionStatus>();
		jdbc.sql("select id, status from institution where status <> 'ACTIVE'")
			.query((rs, n) -> statuses.put(rs.getLong(1), InstitutionStatus.valueOf(rs.getString(2))))
			.list();
		return statuses;
	}

	/** Summaries of several institutions by id, in one query. */
	public java.util.Map<Long, InstitutionSummary> summaries(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return java.util.Map.of();
		}
		var result = new java.util.HashMap<Long, InstitutionSummary>();
		institutions.findByIdIn(ids).forEach(i -> result.put(i.getId(), InstitutionSummary.of(i)));
		return result;
	}

	/**
	 * Summaries of the institutions with these credit codes (unknown codes are simply
	 * absent).
	 */
	public List<InstitutionSummary> findByCreditCodes(java.util.Collection<String> codes) {
		return institutions.findByCreditCodeIn(codes.stream().map(UnifiedSocialCreditCode::normalize).toList())
			.stream()
			.map(InstitutionSummary::of)
			.toList();
	}

	public Optional<InstitutionSummary> findSummary(long id) {
		return institutions.findById(id).map(InstitutionSummary::of);
	}

	/** The edit form of an institution the regulator may change. */
	public InstitutionForm editForm(CurrentUser user, long id) {
		return InstitutionForm.of(getForChange(user, id));
	}

	public ContactForm contactForm(CurrentUser user, long id) {
		return ContactForm.of(getOwnInstitution(user, id));
	}

	@Transactional
	public Institution register(CurrentUser user, InstitutionForm form) {
		requireRegulator(user);
		check(user, form, null).throwIfAny();
		Instant now = clock.instant();
		Institution institution = institutions.saveAndFlush(new Institution(form, now));
		events.publishEvent(new InstitutionRegistered(institution.getId(), institution.getName(),
				institution.getRegionCode(), institution.isCreditCodeException(), user.actor(), now));
		return institution;
	}

	@Transactional
	public Institution update(CurrentUser user, long id, InstitutionForm form) {
		Institution institution = getForChange(user, id);
		requireSameVersion(institution.getVersion(), form.getVersion(), id);
		check(user, form, id).throwIfAny();
		Instant now = clock.instant();
		var changes = institution.apply(form, now);
		institutions.saveAndFlush(institution);
		if (!changes.isEmpty()) {
			events.publishEvent(new InstitutionUpdated(id, institution.getName(), institution.getRegionCode(), changes,
					user.actor(), now));
		}
		return institution;
	}

	@Transactional
	public Institution changeStatus(CurrentUser user, long id, InstitutionStatus target, String reason) {
		Institution institution = getForChange(user, id);
		InstitutionStatus from = institution.getStatus();
		Instant now = clock.instant();
		try {
			institution.changeStatus(target, reason, now);
		}
		catch (cn.meizhi.shared.BusinessRuleException ex) {
			throw FormRejectedException.of(ex.field(), ex.messageKey(), ex.arguments());
		}
		institutions.saveAndFlush(institution);
		events.publishEvent(new InstitutionStatusChanged(id, institution.getName(), institution.getRegionCode(), from,
				target, institution.getStatusReason(), user.actor(), now));
		return institution;
	}

	/** A clinic user edits the public contact data of its own institution. */
	@Transactional
	public Institution updateContact(CurrentUser user, long id, ContactForm form) {
		Institution institution = getOwnInstitution(user, id);
		requireSameVersion(institution.getVersion(), form.getVersion(), id);
		Instant now = clock.instant();
		var changes = institution.applyContact(form, now);
		institutions.saveAndFlush(institution);
		if (!changes.isEmpty()) {
			events.publishEvent(new InstitutionContactUpdated(id, institution.getName(), institution.getRegionCode(),
					changes, user.actor(), now));
		}
		return institution;
	}

	/**
	 * The rules a registration or edit must satisfy beyond the form's own field checks: a
	 * valid credit code (or a recorded exception), unique codes, and a real region inside
	 * the user's jurisdiction.
	 */
	public FormRejectedException.Collector check(CurrentUser user, InstitutionForm form, Long id) {
		return check(user, form, id,
				id == null ? institutions::existsByCreditCode
						: code -> institutions.existsByCreditCodeAndIdNot(code, id),
				id == null ? institutions::existsByLicenceNumber
						: licence -> institutions.existsByLicenceNumberAndIdNot(licence, id));
	}

	/**
	 * The same rules, asking the given lookups whether a credit code or licence number is
	 * already taken by another institution (a bulk import looks all of them up at once).
	 */
	public FormRejectedException.Collector check(CurrentUser user, InstitutionForm form, Long id,
			java.util.function.Predicate<String> creditCodeTaken, java.util.function.Predicate<String> licenceTaken) {
		var reasons = new FormRejectedException.Collector();
		String code = UnifiedSocialCreditCode.normalize(form.getCreditCode());
		if (code != null && !code.isEmpty()) {
			var problem = UnifiedSocialCreditCode.problemOf(code);
			boolean excepted = form.isCreditCodeException()
					&& problem == UnifiedSocialCreditCode.Problem.CHECK_CHARACTER;
			if (problem != null && !excepted) {
				reasons.reject("creditCode", "institution.creditCode." + problem.name());
			}
			if (form.isCreditCodeException()
					&& (form.getCreditCodeExceptionReason() == null || form.getCreditCodeExceptionReason().isBlank())) {
				reasons.reject("creditCodeExceptionReason", "institution.creditCodeExceptionReason.required");
			}
			if (form.isCreditCodeException() && problem == null) {
				reasons.reject("creditCodeException", "institution.creditCodeException.notNeeded");
			}
			if (creditCodeTaken.test(code)) {
				reasons.reject("creditCode", "institution.creditCode.taken");
			}
		}
		String licence = form.getLicenceNumber() == null ? null : form.getLicenceNumber().strip();
		if (licence != null && !licence.isEmpty()) {
			if (licenceTaken.test(licence)) {
				reasons.reject("licenceNumber", "institution.licenceNumber.taken");
			}
		}
		String region = form.getRegionCode();
		if (region != null && !region.isBlank()) {
			var found = regions.find(region);
			if (found.isEmpty() || found.get().getLevel() != cn.meizhi.region.Region.Level.DISTRICT) {
				reasons.reject("regionCode", "institution.regionCode.unknown");
			}
			else if (!user.reaches(region)) {
				reasons.reject("regionCode", "institution.regionCode.outsideJurisdiction");
			}
		}
		return reasons;
	}

	private Institution getForChange(CurrentUser user, long id) {
		requireRegulator(user);
		return get(user, id);
	}

	private Institution getOwnInstitution(CurrentUser user, long id) {
		if (!user.is(Role.CLINIC) || user.institutionId() == null || user.institutionId() != id) {
			throw notFound(id);
		}
		return institutions.findWithDepartmentsById(id).orElseThrow(() -> notFound(id));
	}

	private boolean maySee(CurrentUser user, Institution institution) {
		return switch (user.role()) {
			case ADMIN, REGULATOR -> user.reaches(institution.getRegionCode());
			case CLINIC -> user.institutionId() != null && user.institutionId().equals(institution.getId());
			case ASSESSOR -> false;
		};
	}

	private static Jurisdiction scopeOf(CurrentUser user) {
		return switch (user.role()) {
			case ADMIN -> null;
			case REGULATOR -> user.jurisdiction();
			default -> throw new NotFoundException("Institution list", user.username());
		};
	}

	private static void requireRegulator(CurrentUser user) {
		if (!user.is(Role.REGULATOR)) {
			throw new NotFoundException("Institution register", user.username());
		}
	}

	private static void requireSameVersion(long current, Long loaded, long id) {
		if (loaded == null || loaded != current) {
			throw new EditConflictException("Institution", id);
		}
	}

	private static NotFoundException notFound(long id) {
		return new NotFoundException("Institution", id);
	}

}
