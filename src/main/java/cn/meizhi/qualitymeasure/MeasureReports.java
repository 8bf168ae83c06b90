package cn.meizhi.qualitymeasure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionStatus;
import cn.meizhi.institution.InstitutionSummary;
import cn.meizhi.qualitymeasure.internal.MeasureReportRepository;
import cn.meizhi.qualitymeasure.internal.MeasureReportRevisionRepository;
import cn.meizhi.qualitymeasure.internal.QualityMeasureRepository;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.EditConflictException;
import cn.meizhi.shared.FieldChange;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.FormRejectedException.Reason;
import cn.meizhi.shared.Formats;
import cn.meizhi.shared.InstitutionType;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.shared.Role;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Periodic reporting of the published measure set (质控指标上报).
 * <p>
 * Each institution reports, for every ended period since the set's reporting began, the
 * measures its type reports with that period's frequency: on the form or by uploading the
 * period's template (CSV or XLSX), saved as a draft until submitted. A submitted period
 * is locked; the regulator of the jurisdiction may return it with a reason (editable
 * again until resubmitted), and the institution may correct it with a reason, which is a
 * new revision. Every submission is kept with its values. A period not submitted within
 * {@code meizhi.quality-measures.due-days} after its end is late: flagged for both sides
 * and reminded once (in-app).
 * <p>
 * The rules of a value: numbers are at least 0 with at most three decimals; a rate's
 * numerator and denominator are counts of cases (whole numbers) and the numerator is
 * never above the denominator; on submission every measure has its numbers, and a value
 * outside the measure's plausible range needs the reporter's confirmation.
 */
@Service
@Transactional(readOnly = true)
public class MeasureReports {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern NUMBER = Pattern.compile("\\d{1,11}(\\.\\d{1,3})?");

	/** A report's state in lists: its status, or not started. */
	public static final String NOT_STARTED = "NOT_STARTED";

	/** The state filter of the regulator's list for periods overdue. */
	public static final String LATE = "LATE";

	private final MeasureSets sets;

	private final QualityMeasureRepository measures;

	private final MeasureReportRepository reports;

	private final MeasureReportRevisionRepository revisions;

	private final InstitutionManagement institutions;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Formats formats;

	private final int dueDays;

	private final MeasureDistrictStats stats;

	MeasureReports(MeasureDistrictStats stats, MeasureSets sets, QualityMeasureRepository measures,
			MeasureReportRepository reports, MeasureReportRevisionRepository revisions,
			InstitutionManagement institutions, ApplicationEventPublisher events, JdbcClient jdbc, Clock clock,
			Formats formats, @Value("${meizhi.quality-measures.due-days:15}") int dueDays) {
		this.stats = stats;
		this.sets = sets;
		this.measures = measures;
		this.reports = reports;
		this.revisions = revisions;
		this.institutions = institutions;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
		this.formats = formats;
		this.dueDays = dueDays;
	}

	// ------------------------------------------------------------------ the institution

	/**
	 * One period the institution reports: when it is due, its report so far (null: not
	 * started) and whether it is late (not submitted after the due day).
	 */
	public record PeriodRow(MeasurePeriod period, LocalDate due, MeasureReport report, boolean late) {

		public String state() {
			return report == null ? NOT_STARTED : report.getStatus().name();
		}

	}

	/** The periods the clinic's institution reports, newest first (two years at most). */
	public List<PeriodRow> periodsOf(CurrentUser clinic) {
		InstitutionSummary institution = institutionOf(clinic);
		Optional<MeasureSet> set = sets.published();
		if (set.isEmpty()) {
			return List.of();
		}
		Map<String, MeasureReport> saved = reports.findBySetIdAndInstitutionId(set.get().getId(), institution.id())
			.stream()
			.collect(Collectors.toMap(MeasureReport::getPeriod, r -> r));
		LocalDate today = today();
		List<PeriodRow> rows = new ArrayList<>();
		for (ReportingPeriod kind : kindsReportedBy(set.get().getId(), institution.type())) {
			MeasurePeriod first = MeasurePeriod.containing(kind, set.get().getReportingFrom());
			MeasurePeriod period = MeasurePeriod.containing(kind, today).previous();
			int limit = kind == ReportingPeriod.QUARTERLY ? 8 : 24;
			while (period.compareTo(first) >= 0 && limit-- > 0) {
				MeasureReport report = saved.get(period.key());
				rows.add(new PeriodRow(period, due(period), report, late(period, report, today)));
				period = period.previous();
			}
		}
		rows.sort(java.util.Comparator.comparing(PeriodRow::period).reversed());
		return rows;
	}

	/**
	 * A period's report as its institution sees it: the measures to report, the report so
	 * far (null: not started), its submissions, and when it is due.
	 */
	public record ReportView(MeasureSet set, MeasurePeriod period, LocalDate due, boolean late,
			InstitutionSummary institution, List<QualityMeasure> measures, MeasureReport report,
			List<Revision> history) {

		public String state() {
			return report == null ? NOT_STARTED : report.getStatus().name();
		}

		public boolean editable() {
			return report == null || report.getStatus().editable();
		}

		/** Each measure's plausible range as text, by code. */
		public Map<String, String> ranges() {
			return measures.stream().collect(Collectors.toMap(QualityMeasure::getCode, MeasureReports::range));
		}

	}

	/** A kept submission with its values by measure code. */
	public record Revision(int revision, Instant submittedAt, String submittedBy, String reason,
			List<RevisionValue> values) {
	}

	public record RevisionValue(String code, BigDecimal numerator, BigDecimal denominator, BigDecimal value) {
	}

	/** The clinic's report of a period; 404 for a period it does not report. */
	public ReportView reportOf(CurrentUser clinic, String periodKey) {
		InstitutionSummary institution = institutionOf(clinic);
		MeasureSet set = sets.published().orElseThrow(() -> new NotFoundException("Measure set", "published"));
		MeasurePeriod period = reportable(set, institution, periodKey);
		MeasureReport report = reports.findBySetIdAndPeriodAndInstitutionId(set.getId(), period.key(), institution.id())
			.orElse(null);
		return view(set, period, institution, report);
	}

	private ReportView view(MeasureSet set, MeasurePeriod period, InstitutionSummary institution,
			MeasureReport report) {
		List<Revision> history = report == null ? List.of()
				: revisions.findByReportIdOrderByRevisionDesc(report.getId())
					.stream()
					.map(r -> new Revision(r.getRevision(), r.getSubmittedAt(), r.getSubmittedBy(), r.getReason(),
							JSON.readValue(r.getValuesJson(), new TypeReference<List<RevisionValue>>() {
							})))
					.toList();
		return new ReportView(set, period, due(period), late(period, report, today()), institution,
				measuresFor(set.getId(), institution.type(), period.kind()), report, history);
	}

	/** The form filled with the report's values so far. */
	public MeasureValuesForm formOf(ReportView view) {
		MeasureValuesForm form = new MeasureValuesForm();
		for (QualityMeasure measure : view.measures()) {
			var value = view.report() == null ? Optional.<MeasureReport.Value>empty()
					: view.report().valueOf(measure.getId());
			form.getNumerator().put(measure.getCode(), value.map(v -> plain(v.getNumerator())).orElse(""));
			form.getDenominator().put(measure.getCode(), value.map(v -> plain(v.getDenominator())).orElse(""));
		}
		form.setVersion(view.report() == null ? null : view.report().getVersion());
		return form;
	}

	/**
	 * Saves the typed values as a draft; with {@code submit}, checks that every measure
	 * is complete and submits. Refused with every problem named by its measure (nothing
	 * saved).
	 */
	@Transactional
	public MeasureReport save(CurrentUser clinic, String periodKey, MeasureValuesForm form, boolean submit) {
		ReportView view = reportOf(clinic, periodKey);
		requireCurrent(view.report(), form.getVersion());
		Checked checked = check(view.measures(), form, submit, code -> where(code, view.measures()));
		checked.throwIfAny();
		MeasureReport report = view.report() != null ? view.report() : new MeasureReport(view.institution().id(),
				view.institution().regionCode(), view.set().getId(), view.period(), clock.instant(), clinic.username());
		report.fill(checked.values(), clock.instant(), clinic.username());
		if (submit) {
			report.submit(clock.instant(), clinic.username());
		}
		reports.saveAndFlush(report);
		if (submit) {
			keepRevision(report, view.measures(), clinic.username(), null);
			stats.refresh(report.getSetId(), report.getPeriod(), List.of(report));
			events.publishEvent(new MeasureReportEvent.MeasureReportSubmitted(report.getId(), report.getInstitutionId(),
					report.getPeriod(), report.getRegionCode(), view.institution().name() + " " + report.getPeriod(),
					clinic.actor(), clock.instant()));
		}
		return report;
	}

	/** Corrects a submitted period with a reason: a new revision, the old one kept. */
	@Transactional
	public MeasureReport correct(CurrentUser clinic, String periodKey, MeasureValuesForm form) {
		ReportView view = reportOf(clinic, periodKey);
		if (view.report() == null || view.report().getStatus() != ReportStatus.SUBMITTED) {
			throw FormRejectedException.of(null, "measureReport.correctOnlySubmitted");
		}
		requireCurrent(view.report(), form.getVersion());
		Checked checked = check(view.measures(), form, true, code -> where(code, view.measures()));
		String reason = form.getReason() == null ? "" : form.getReason().strip();
		List<Reason> problems = new ArrayList<>(checked.problems());
		if (reason.isEmpty() || reason.length() > 2000) {
			problems.add(0, new Reason("reason", "measureReport.correction.reason"));
		}
		if (!problems.isEmpty()) {
			throw new FormRejectedException(problems);
		}
		MeasureReport report = view.report();
		String before = summary(report, view.measures());
		report.correct(checked.values(), clock.instant(), clinic.username());
		reports.saveAndFlush(report);
		keepRevision(report, view.measures(), clinic.username(), reason);
		stats.refresh(report.getSetId(), report.getPeriod(), List.of(report));
		events.publishEvent(new MeasureReportEvent.MeasureReportCorrected(report.getId(), report.getInstitutionId(),
				report.getPeriod(), report.getRegionCode(), view.institution().name() + " " + report.getPeriod(),
				List.of(new FieldChange("values", before, summary(report, view.measures())),
						new FieldChange("reason", null, reason)),
				clinic.actor(), clock.instant()));
		return report;
	}

	/** What an upload did: the problems (each naming its row), none when saved. */
	public record UploadResult(List<Reason> problems) {

		public boolean saved() {
			return problems.isEmpty();
		}

	}

	/**
	 * Fills the period's draft from an uploaded template (CSV or XLSX): all rows or none.
	 * Every measure of the file replaces the draft's values; measures left out of the
	 * file are left empty.
	 */
	@Transactional
	public UploadResult upload(CurrentUser clinic, String periodKey, String filename, byte[] content) {
		ReportView view = reportOf(clinic, periodKey);
		if (!view.editable()) {
			return new UploadResult(List.of(new Reason(null, "measureReport.locked")));
		}
		MeasureReportFile.Read read = MeasureReportFile.read(filename, content);
		if (read.problem() != null) {
			return new UploadResult(List.of(new Reason(null, read.problem())));
		}
		Map<String, QualityMeasure> byCode = view.measures()
			.stream()
			.collect(Collectors.toMap(QualityMeasure::getCode, m -> m));
		List<Reason> problems = new ArrayList<>();
		Map<String, Long> lineOf = new HashMap<>();
		MeasureValuesForm form = new MeasureValuesForm();
		for (MeasureReportFile.Line line : read.lines()) {
			if (!byCode.containsKey(line.code())) {
				problems.add(new Reason(null, "measureReport.file.unknownMeasure", line.line(), line.code()));
			}
			else if (lineOf.containsKey(line.code())) {
				problems.add(new Reason(null, "measureReport.file.duplicate", line.line(), line.code(),
						lineOf.get(line.code())));
			}
			else {
				lineOf.put(line.code(), line.line());
				form.getNumerator().put(line.code(), line.numerator());
				form.getDenominator().put(line.code(), line.denominator());
			}
		}
		Checked checked = check(view.measures(), form, false, code -> new DefaultMessageSourceResolvable(
				new String[] { "measureReport.where.row" },
				new Object[] { lineOf.get(code), code, byCode.get(code).getName(), byCode.get(code).getNameEn() },
				null));
		problems.addAll(checked.problems());
		if (!problems.isEmpty()) {
			return new UploadResult(problems);
		}
		MeasureReport report = view.report() != null ? view.report() : new MeasureReport(view.institution().id(),
				view.institution().regionCode(), view.set().getId(), view.period(), clock.instant(), clinic.username());
		report.fill(checked.values(), clock.instant(), clinic.username());
		reports.saveAndFlush(report);
		return new UploadResult(List.of());
	}

	/** The period's template with the values saved so far, as CSV or XLSX. */
	public byte[] template(CurrentUser clinic, String periodKey, boolean xlsx, Locale locale) {
		ReportView view = reportOf(clinic, periodKey);
		boolean en = locale.getLanguage().equals("en");
		List<MeasureReportFile.TemplateRow> rows = view.measures().stream().map(m -> {
			var value = view.report() == null ? Optional.<MeasureReport.Value>empty()
					: view.report().valueOf(m.getId());
			return new MeasureReportFile.TemplateRow(m.getCode(), en ? m.getNameEn() : m.getName(), m.getUnit().name(),
					value.map(v -> plain(v.getNumerator())).orElse(""),
					m.getUnit().isRate() ? value.map(v -> plain(v.getDenominator())).orElse("") : "");
		}).toList();
		List<String> header = en ? MeasureReportFile.HEADER_EN : MeasureReportFile.HEADER_ZH;
		return xlsx ? MeasureReportFile.xlsx(header,
				rows.stream().map(row -> new MeasureReportFile.BulkRow(null, null, row)).toList(), view.period().key())
				: MeasureReportFile.csv(header, rows);
	}

	// ------------------------------------------------------------------ the regulator

	/** One institution of the jurisdiction in a period's list. */
	public record OverviewRow(long institutionId, String name, String regionCode, Long reportId, String state,
			Instant submittedAt, int revision, boolean late) {
	}

	/**
	 * A period across the jurisdiction: how many institutions are in each state, and the
	 * institutions (filtered by state, 50 a page).
	 */
	public record Overview(MeasureSet set, MeasurePeriod period, List<MeasurePeriod> periods, LocalDate due,
			Map<String, Long> counts, long late, Page<OverviewRow> rows) {
	}

	/** The periods a regulator may look at: every ended one of the published set. */
	public Overview overview(CurrentUser regulator, String periodKey, String state, int page) {
		requireRegulator(regulator);
		MeasureSet set = sets.published().orElse(null);
		if (set == null) {
			return null;
		}
		LocalDate today = today();
		List<MeasurePeriod> periods = new ArrayList<>();
		for (ReportingPeriod kind : EnumSet.allOf(ReportingPeriod.class)) {
			if (!typesReporting(set.getId(), kind).isEmpty()) {
				MeasurePeriod first = MeasurePeriod.containing(kind, set.getReportingFrom());
				MeasurePeriod period = MeasurePeriod.containing(kind, today).previous();
				int limit = kind == ReportingPeriod.QUARTERLY ? 8 : 24;
				while (period.compareTo(first) >= 0 && limit-- > 0) {
					periods.add(period);
					period = period.previous();
				}
			}
		}
		periods.sort(java.util.Comparator.<MeasurePeriod>naturalOrder().reversed());
		if (periods.isEmpty()) {
			return new Overview(set, null, periods, null, Map.of(), 0, Page.empty());
		}
		MeasurePeriod period = MeasurePeriod.parse(periodKey)
			.filter(periods::contains)
			.orElseGet(() -> periods.stream()
				.filter(p -> p.kind() == ReportingPeriod.QUARTERLY)
				.findFirst()
				.orElse(periods.get(0)));
		List<String> types = typesReporting(set.getId(), period.kind()).stream().map(Enum::name).toList();
		boolean overdue = today.isAfter(due(period));
		String base = """
				from register_institution i
				left join measure_report r on r.institution_id = i.id and r.set_id = :set and r.period = :period
				where i.region_code like :prefix and i.status <> :closed and i.type in (:types)
				""";
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String s : List.of(NOT_STARTED, "DRAFT", "SUBMITTED", "RETURNED")) {
			counts.put(s, 0L);
		}
		jdbc.sql("select coalesce(r.status, '" + NOT_STARTED + "') as state, count(*) as n " + base + " group by 1")
			.param("set", set.getId())
			.param("period", period.key())
			.param("prefix", regulator.jurisdiction().prefix() + "%")
			.param("closed", InstitutionStatus.CLOSED.name())
			.param("types", types)
			.query((rs, n) -> Map.entry(rs.getString("state"), rs.getLong("n")))
			.list()
			.forEach(e -> counts.put(e.getKey(), e.getValue()));
		long late = overdue ? counts.get(NOT_STARTED) + counts.get("DRAFT") : 0;
		String filter = switch (state == null ? "" : state) {
			case NOT_STARTED -> " and r.id is null";
			case "DRAFT", "SUBMITTED", "RETURNED" -> " and r.status = '" + state + "'";
			case LATE -> overdue ? " and (r.id is null or r.status = 'DRAFT')" : " and false";
			default -> "";
		};
		long total = switch (state == null ? "" : state) {
			case NOT_STARTED, "DRAFT", "SUBMITTED", "RETURNED" -> counts.get(state);
			case LATE -> late;
			default -> counts.values().stream().mapToLong(Long::longValue).sum();
		};
		PageRequest pageable = PageRequest.of(Math.max(0, page), 50);
		List<OverviewRow> rows = jdbc
			.sql("select i.id, i.name, i.region_code, r.id as report_id, r.status, r.submitted_at, r.revision " + base
					+ filter + " order by i.region_code, i.name, i.id limit :limit offset :offset")
			.param("set", set.getId())
			.param("period", period.key())
			.param("prefix", regulator.jurisdiction().prefix() + "%")
			.param("closed", InstitutionStatus.CLOSED.name())
			.param("types", types)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query((rs, n) -> {
				String status = rs.getString("status");
				java.sql.Timestamp submitted = rs.getTimestamp("submitted_at");
				return new OverviewRow(rs.getLong("id"), rs.getString("name"), rs.getString("region_code"),
						(Long) rs.getObject("report_id"), status == null ? NOT_STARTED : status,
						submitted == null ? null : submitted.toInstant(), rs.getInt("revision"),
						overdue && (status == null || status.equals("DRAFT")));
			})
			.list();
		return new Overview(set, period, periods, due(period), counts, late, new PageImpl<>(rows, pageable, total));
	}

	/** A report of the jurisdiction as the regulator sees it; 404 outside it. */
	public ReportView report(CurrentUser regulator, long reportId) {
		requireRegulator(regulator);
		MeasureReport report = reports.findById(reportId)
			.filter(r -> regulator.reaches(r.getRegionCode()))
			.orElseThrow(() -> new NotFoundException("Measure report", reportId));
		MeasureSet set = sets.find(report.getSetId());
		InstitutionSummary institution = institutions.findSummary(report.getInstitutionId())
			.orElseThrow(() -> new NotFoundException("Institution", report.getInstitutionId()));
		return view(set, MeasurePeriod.parse(report.getPeriod()).orElseThrow(), institution, report);
	}

	/** Returns a submitted report to its institution with a reason. */
	@Transactional
	public void returnReport(CurrentUser regulator, long reportId, String reason) {
		ReportView view = report(regulator, reportId);
		String text = reason == null ? "" : reason.strip();
		if (text.isEmpty() || text.length() > 2000) {
			throw FormRejectedException.of("reason", "measureReport.return.reason");
		}
		MeasureReport report = view.report();
		report.returnToInstitution(text, clock.instant(), regulator.username());
		reports.saveAndFlush(report);
		stats.refresh(report.getSetId(), report.getPeriod(), List.of(report));
		events.publishEvent(new MeasureReportEvent.MeasureReportReturned(report.getId(), report.getInstitutionId(),
				report.getPeriod(), report.getRegionCode(), view.institution().name() + " " + report.getPeriod(), text,
				regulator.actor(), clock.instant()));
	}

	/**
	 * What a bulk import did: how many institutions' periods were submitted, or why none.
	 */
	public record BulkResult(int submitted, List<Reason> problems) {

		public boolean saved() {
			return problems.isEmpty();
		}

	}

	/**
	 * The quality-control centre records a period for many institutions of its
	 * jurisdiction at once (collected offline), from a file with a credit-code column and
	 * the template's columns, one row per institution and measure: each institution's
	 * values are checked as a submission (complete, every rule; values outside the
	 * plausible range only when {@code confirmOutliers}) and submitted on its behalf,
	 * audited as the regulator's. All rows or none; a period the institution already
	 * submitted is refused (return it first, or let the institution correct it).
	 */
	@Transactional
	public BulkResult importPeriod(CurrentUser regulator, String periodKey, String filename, byte[] content,
			boolean confirmOutliers) {
		requireRegulator(regulator);
		MeasureSet set = sets.published().orElseThrow(() -> new NotFoundException("Measure set", "published"));
		MeasurePeriod period = MeasurePeriod.parse(periodKey)
			.filter(p -> p.end().isBefore(today())
					&& p.compareTo(MeasurePeriod.containing(p.kind(), set.getReportingFrom())) >= 0)
			.orElseThrow(() -> new NotFoundException("Reporting period", periodKey));
		MeasureReportFile.Read read = MeasureReportFile.read(filename, content, true);
		if (read.problem() != null) {
			return new BulkResult(0, List.of(new Reason(null, read.problem())));
		}
		Map<String, InstitutionSummary> byCode = institutions
			.findByCreditCodes(read.lines().stream().map(MeasureReportFile.Line::creditCode).distinct().toList())
			.stream()
			.collect(Collectors.toMap(InstitutionSummary::creditCode, i -> i));
		List<QualityMeasure> all = measures.findBySetIdOrderByPosition(set.getId());
		Map<Long, MeasureReport> existing = new HashMap<>();
		reports
			.findBySetIdAndPeriodAndInstitutionIdIn(set.getId(), period.key(),
					byCode.values().stream().map(InstitutionSummary::id).toList())
			.forEach(r -> existing.put(r.getInstitutionId(), r));
		List<Reason> problems = new ArrayList<>();
		// the rows of each institution, in the file's order
		Map<Long, MeasureValuesForm> forms = new LinkedHashMap<>();
		Map<Long, Map<String, Long>> lines = new HashMap<>();
		Map<Long, InstitutionSummary> reporting = new HashMap<>();
		for (MeasureReportFile.Line line : read.lines()) {
			InstitutionSummary institution = byCode
				.get(cn.meizhi.institution.UnifiedSocialCreditCode.normalize(line.creditCode()));
			if (institution == null || !regulator.reaches(institution.regionCode())) {
				problems.add(new Reason(null, "measureReport.bulk.unknownInstitution", line.line(), line.creditCode()));
				continue;
			}
			List<QualityMeasure> ofInstitution = all.stream()
				.filter(m -> m.getPeriod() == period.kind() && m.institutionTypeList().contains(institution.type()))
				.toList();
			if (ofInstitution.stream().noneMatch(m -> m.getCode().equals(line.code()))) {
				problems.add(new Reason(null, "measureReport.file.unknownMeasure", line.line(), line.code()));
				continue;
			}
			MeasureReport report = existing.get(institution.id());
			if (report != null && report.getStatus() == ReportStatus.SUBMITTED) {
				problems.add(new Reason(null, "measureReport.bulk.alreadySubmitted", line.line(), line.creditCode()));
				continue;
			}
			Map<String, Long> seen = lines.computeIfAbsent(institution.id(), id -> new HashMap<>());
			if (seen.containsKey(line.code())) {
				problems.add(new Reason(null, "measureReport.file.duplicate", line.line(), line.code(),
						seen.get(line.code())));
				continue;
			}
			seen.put(line.code(), line.line());
			reporting.put(institution.id(), institution);
			MeasureValuesForm form = forms.computeIfAbsent(institution.id(), id -> new MeasureValuesForm());
			form.setConfirmOutliers(confirmOutliers);
			form.getNumerator().put(line.code(), line.numerator());
			form.getDenominator().put(line.code(), line.denominator());
		}
		Map<Long, Checked> checked = new LinkedHashMap<>();
		Map<Long, List<QualityMeasure>> measured = new HashMap<>();
		for (var entry : forms.entrySet()) {
			InstitutionSummary institution = reporting.get(entry.getKey());
			List<QualityMeasure> ofInstitution = all.stream()
				.filter(m -> m.getPeriod() == period.kind() && m.institutionTypeList().contains(institution.type()))
				.toList();
			Map<String, Long> at = lines.get(entry.getKey());
			Map<String, QualityMeasure> named = byCode(ofInstitution);
			Checked result = check(ofInstitution, entry.getValue(), true,
					code -> at.containsKey(code)
							? new DefaultMessageSourceResolvable(new String[] { "measureReport.where.row" },
									new Object[] { at.get(code), code, named.get(code).getName(),
											named.get(code).getNameEn() },
									null)
							: new DefaultMessageSourceResolvable(new String[] { "measureReport.where.institution" },
									new Object[] { institution.creditCode(), code, named.get(code).getName(),
											named.get(code).getNameEn() },
									null));
			problems.addAll(result.problems());
			checked.put(entry.getKey(), result);
			measured.put(entry.getKey(), ofInstitution);
		}
		if (!problems.isEmpty()) {
			return new BulkResult(0, problems.size() > 200 ? problems.subList(0, 200) : problems);
		}
		if (checked.isEmpty()) {
			return new BulkResult(0, List.of(new Reason(null, "measureReport.file.empty")));
		}
		java.time.Instant now = clock.instant();
		List<MeasureReport> saved = new ArrayList<>();
		for (var entry : checked.entrySet()) {
			InstitutionSummary institution = reporting.get(entry.getKey());
			MeasureReport report = existing.containsKey(entry.getKey()) ? existing.get(entry.getKey())
					: new MeasureReport(institution.id(), institution.regionCode(), set.getId(), period, now,
							regulator.username());
			report.fill(entry.getValue().values(), now, regulator.username());
			report.submit(now, regulator.username());
			saved.add(report);
		}
		reports.saveAll(saved);
		reports.flush();
		List<MeasureReportRevision> kept = new ArrayList<>();
		for (MeasureReport report : saved) {
			kept.add(revisionOf(report, measured.get(report.getInstitutionId()), regulator.username(), null));
			InstitutionSummary institution = reporting.get(report.getInstitutionId());
			events.publishEvent(new MeasureReportEvent.MeasureReportSubmitted(report.getId(), report.getInstitutionId(),
					report.getPeriod(), report.getRegionCode(), institution.name() + " " + report.getPeriod(),
					regulator.actor(), now));
		}
		revisions.saveAll(kept);
		revisions.flush();
		stats.refresh(set.getId(), period.key(), saved);
		return new BulkResult(saved.size(), List.of());
	}

	/**
	 * The jurisdiction's template for a period: every institution that reports it, one
	 * row per measure, with the values saved so far.
	 */
	public byte[] bulkTemplate(CurrentUser regulator, String periodKey, Locale locale) {
		requireRegulator(regulator);
		MeasureSet set = sets.published().orElseThrow(() -> new NotFoundException("Measure set", "published"));
		MeasurePeriod period = MeasurePeriod.parse(periodKey)
			.orElseThrow(() -> new NotFoundException("Reporting period", periodKey));
		boolean en = locale.getLanguage().equals("en");
		List<QualityMeasure> ofPeriod = measures.findBySetIdOrderByPosition(set.getId())
			.stream()
			.filter(m -> m.getPeriod() == period.kind())
			.toList();
		List<String> types = ofPeriod.stream()
			.flatMap(m -> m.institutionTypeList().stream())
			.distinct()
			.map(Enum::name)
			.toList();
		if (types.isEmpty()) {
			throw new NotFoundException("Reporting period", periodKey);
		}
		List<MeasureReportFile.BulkRow> rows = new ArrayList<>();
		jdbc.sql("""
				select i.id, i.name, i.credit_code, i.type from register_institution i
				where i.region_code like :prefix and i.status <> :closed and i.type in (:types)
				  and not exists (select 1 from measure_report r where r.institution_id = i.id and r.set_id = :set
				                  and r.period = :period and r.status = 'SUBMITTED')
				order by i.region_code, i.name, i.id
				""")
			.param("set", set.getId())
			.param("period", period.key())
			.param("prefix", regulator.jurisdiction().prefix() + "%")
			.param("closed", InstitutionStatus.CLOSED.name())
			.param("types", types)
			.query((rs, n) -> {
				InstitutionType type = InstitutionType.valueOf(rs.getString("type"));
				for (QualityMeasure m : ofPeriod) {
					if (m.institutionTypeList().contains(type)) {
						rows.add(new MeasureReportFile.BulkRow(rs.getString("credit_code"), rs.getString("name"),
								new MeasureReportFile.TemplateRow(m.getCode(), en ? m.getNameEn() : m.getName(),
										m.getUnit().name(), "", "")));
					}
				}
				return 0;
			})
			.list();
		List<String> header = new ArrayList<String>();
		header.addAll(en ? List.of(MeasureReportFile.CREDIT_CODE_EN, "institution")
				: List.of(MeasureReportFile.CREDIT_CODE_ZH, "机构名称"));
		header.addAll(en ? MeasureReportFile.HEADER_EN : MeasureReportFile.HEADER_ZH);
		return MeasureReportFile.xlsx(header, rows, period.key());
	}

	private static Map<String, QualityMeasure> byCode(List<QualityMeasure> list) {
		return list.stream().collect(Collectors.toMap(QualityMeasure::getCode, m -> m));
	}

	// ------------------------------------------------------------------ reminders

	/**
	 * Every institution whose period became overdue and that was not reminded of it yet:
	 * recorded (one reminder per institution and period, whichever node runs this) and
	 * told through {@link MeasureReportsOverdue}. Looks at the periods whose due day
	 * passed in the last 30 days.
	 */
	@Transactional
	public int remindOverdue() {
		MeasureSet set = sets.published().orElse(null);
		if (set == null) {
			return 0;
		}
		LocalDate today = today();
		int reminded = 0;
		for (ReportingPeriod kind : EnumSet.allOf(ReportingPeriod.class)) {
			List<String> types = typesReporting(set.getId(), kind).stream().map(Enum::name).toList();
			if (types.isEmpty()) {
				continue;
			}
			MeasurePeriod first = MeasurePeriod.containing(kind, set.getReportingFrom());
			for (MeasurePeriod period = MeasurePeriod.containing(kind, today).previous(); period
				.compareTo(first) >= 0; period = period.previous()) {
				LocalDate due = due(period);
				if (!today.isAfter(due)) {
					continue;
				}
				if (due.isBefore(today.minusDays(30))) {
					break;
				}
				List<Long> ids = jdbc.sql("""
						insert into measure_reminder (institution_id, set_id, period, reminded_at)
						select i.id, :set, :period, :now
						from register_institution i
						where i.status = :active and i.type in (:types)
						  and not exists (select 1 from measure_report r where r.institution_id = i.id
						                  and r.set_id = :set and r.period = :period and r.status <> 'DRAFT')
						on conflict do nothing
						returning institution_id
						""")
					.param("set", set.getId())
					.param("period", period.key())
					.param("now", java.sql.Timestamp.from(clock.instant()))
					.param("active", InstitutionStatus.ACTIVE.name())
					.param("types", types)
					.query(Long.class)
					.list();
				if (!ids.isEmpty()) {
					events.publishEvent(new MeasureReportsOverdue(period.key(), due, ids, clock.instant()));
					reminded += ids.size();
				}
			}
		}
		return reminded;
	}

	// ------------------------------------------------------------------ rules

	/** The values of a form as checked: what would be saved, and every problem. */
	record Checked(List<MeasureReport.Value> values, List<Reason> problems) {

		void throwIfAny() {
			if (!problems.isEmpty()) {
				throw new FormRejectedException(problems);
			}
		}

	}

	/**
	 * Checks a form's values against each measure: numbers, whole counts, numerator not
	 * above denominator, and, when {@code complete}, every number given and each value in
	 * its plausible range unless confirmed. A problem names its field
	 * ({@code numerator[QC-01]}) and, first among its arguments, where it is.
	 */
	static Checked check(List<QualityMeasure> measures, MeasureValuesForm form, boolean complete,
			java.util.function.Function<String, Object> where) {
		List<MeasureReport.Value> values = new ArrayList<>();
		List<Reason> problems = new ArrayList<>();
		for (QualityMeasure m : measures) {
			String code = m.getCode();
			String numeratorText = text(form.getNumerator().get(code));
			String denominatorText = m.getUnit().isRate() ? text(form.getDenominator().get(code)) : "";
			boolean whole = m.getUnit() != MeasureUnit.DAYS;
			BigDecimal numerator = number(numeratorText, "numerator", code, whole, complete, where, problems);
			BigDecimal denominator = m.getUnit().isRate()
					? number(denominatorText, "denominator", code, true, complete, where, problems) : null;
			if (numerator == null || (m.getUnit().isRate() && denominator == null)) {
				continue;
			}
			BigDecimal value = numerator;
			if (m.getUnit().isRate()) {
				if (numerator.compareTo(denominator) > 0) {
					problems.add(new Reason("numerator[" + code + "]", "measureReport.numeratorAboveDenominator",
							where.apply(code), plain(numerator), plain(denominator)));
					continue;
				}
				value = denominator.signum() == 0 ? null
						: numerator.multiply(BigDecimal.valueOf(m.getUnit() == MeasureUnit.RATE_PERCENT ? 100 : 1000))
							.divide(denominator, 4, RoundingMode.HALF_UP);
			}
			if (complete && !form.isConfirmOutliers() && value != null && outside(m, value)) {
				problems.add(new Reason("numerator[" + code + "]", "measureReport.outsideRange", where.apply(code),
						plain(value.setScale(2, RoundingMode.HALF_UP)), range(m)));
			}
			values.add(new MeasureReport.Value(m.getId(), numerator, denominator, value));
		}
		return new Checked(values, problems);
	}

	private static BigDecimal number(String text, String column, String code, boolean whole, boolean required,
			java.util.function.Function<String, Object> where, List<Reason> problems) {
		String field = column + "[" + code + "]";
		if (text.isEmpty()) {
			if (required) {
				problems.add(new Reason(field, "measureReport." + column + ".required", where.apply(code)));
			}
			return null;
		}
		if (!NUMBER.matcher(text).matches()) {
			problems.add(new Reason(field, "measureReport." + column + ".notANumber", where.apply(code), text));
			return null;
		}
		BigDecimal number = new BigDecimal(text);
		if (whole && number.stripTrailingZeros().scale() > 0) {
			problems.add(new Reason(field, "measureReport." + column + ".notWhole", where.apply(code), text));
			return null;
		}
		return number;
	}

	private static boolean outside(QualityMeasure m, BigDecimal value) {
		return (m.getMinValue() != null && value.compareTo(m.getMinValue()) < 0)
				|| (m.getMaxValue() != null && value.compareTo(m.getMaxValue()) > 0);
	}

	/** A measure's plausible range as text: {@code 0–20}, {@code ≥ 5}, {@code ≤ 20}. */
	public static String range(QualityMeasure m) {
		if (m.getMinValue() != null && m.getMaxValue() != null) {
			return plain(m.getMinValue()) + "–" + plain(m.getMaxValue());
		}
		return m.getMinValue() != null ? "≥ " + plain(m.getMinValue())
				: m.getMaxValue() != null ? "≤ " + plain(m.getMaxValue()) : "";
	}

	private static String text(String value) {
		return value == null ? "" : value.strip();
	}

	static String plain(BigDecimal number) {
		return number == null ? "" : number.stripTrailingZeros().toPlainString();
	}

	/**
	 * Where a problem is: the measure's code and its name in either language (the message
	 * picks).
	 */
	private static Object where(String code, List<QualityMeasure> measures) {
		QualityMeasure measure = measures.stream().filter(m -> m.getCode().equals(code)).findFirst().orElseThrow();
		return new DefaultMessageSourceResolvable(new String[] { "measureReport.where.form" },
				new Object[] { code, measure.getName(), measure.getNameEn() }, null);
	}

	private void keepRevision(MeasureReport report, List<QualityMeasure> measured, String by, String reason) {
		revisions.save(revisionOf(report, measured, by, reason));
	}

	private MeasureReportRevision revisionOf(MeasureReport report, List<QualityMeasure> measured, String by,
			String reason) {
		Map<Long, String> codes = measured.stream()
			.collect(Collectors.toMap(QualityMeasure::getId, QualityMeasure::getCode));
		List<RevisionValue> values = report.getValues()
			.stream()
			.map(v -> new RevisionValue(codes.get(v.getMeasureId()), v.getNumerator(), v.getDenominator(),
					v.getValue()))
			.toList();
		return new MeasureReportRevision(report.getId(), report.getRevision(), clock.instant(), by, reason,
				JSON.writeValueAsString(values));
	}

	/** The values as one line for the audit trail: {@code QC-01 2/150; QC-05 3}. */
	private static String summary(MeasureReport report, List<QualityMeasure> measured) {
		Map<Long, String> codes = measured.stream()
			.collect(Collectors.toMap(QualityMeasure::getId, QualityMeasure::getCode));
		return report.getValues()
			.stream()
			.map(v -> codes.get(v.getMeasureId()) + " " + plain(v.getNumerator())
					+ (v.getDenominator() == null ? "" : "/" + plain(v.getDenominator())))
			.collect(Collectors.joining("; "));
	}

	private static void requireCurrent(MeasureReport report, Long version) {
		if (report != null && version != null && report.getVersion() != version) {
			throw new EditConflictException("Measure report", report.getId());
		}
	}

	private MeasurePeriod reportable(MeasureSet set, InstitutionSummary institution, String periodKey) {
		MeasurePeriod period = MeasurePeriod.parse(periodKey)
			.orElseThrow(() -> new NotFoundException("Reporting period", periodKey));
		boolean ended = period.end().isBefore(today());
		boolean begun = period.compareTo(MeasurePeriod.containing(period.kind(), set.getReportingFrom())) >= 0;
		if (!ended || !begun || measuresFor(set.getId(), institution.type(), period.kind()).isEmpty()) {
			throw new NotFoundException("Reporting period", periodKey);
		}
		return period;
	}

	List<QualityMeasure> measuresFor(long setId, InstitutionType type, ReportingPeriod kind) {
		return measures.findBySetIdOrderByPosition(setId)
			.stream()
			.filter(m -> m.getPeriod() == kind && m.institutionTypeList().contains(type))
			.toList();
	}

	private Set<ReportingPeriod> kindsReportedBy(long setId, InstitutionType type) {
		return measures.findBySetIdOrderByPosition(setId)
			.stream()
			.filter(m -> m.institutionTypeList().contains(type))
			.map(QualityMeasure::getPeriod)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(ReportingPeriod.class)));
	}

	private Set<InstitutionType> typesReporting(long setId, ReportingPeriod kind) {
		return measures.findBySetIdOrderByPosition(setId)
			.stream()
			.filter(m -> m.getPeriod() == kind)
			.flatMap(m -> m.institutionTypeList().stream())
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(InstitutionType.class)));
	}

	private LocalDate due(MeasurePeriod period) {
		return period.end().plusDays(dueDays);
	}

	/** Not submitted (never, or only a draft) after the due day. */
	private boolean late(MeasurePeriod period, MeasureReport report, LocalDate today) {
		return (report == null || report.getStatus() == ReportStatus.DRAFT) && today.isAfter(due(period));
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), formats.zone());
	}

	private InstitutionSummary institutionOf(CurrentUser clinic) {
		if (!clinic.is(Role.CLINIC) || clinic.institutionId() == null) {
			throw new NotFoundException("Measure report", clinic.username());
		}
		return institutions.findSummary(clinic.institutionId())
			.orElseThrow(() -> new NotFoundException("Institution", clinic.institutionId()));
	}

	private static void requireRegulator(CurrentUser user) {
		if (!user.is(Role.REGULATOR) || user.jurisdiction() == null) {
			throw new NotFoundException("Measure report", user.username());
		}
	}

}
