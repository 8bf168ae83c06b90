package cn.meizhi.practitioner;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import cn.meizhi.institution.Department;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionSummary;
import cn.meizhi.practitioner.internal.PractitionerRepository;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.Formats;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.shared.Role;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The practitioner register. A regulator keeps the practitioners whose main institution
 * is in the jurisdiction (any other: 404), by form or CSV (all rows or none, every
 * problem located by row and column); the rules of a record are in {@link #check} (the
 * legal ones refuse: licence format and category, specialty allowed by the category, one
 * main institution in the jurisdiction). The public reads names, licence numbers,
 * categories, specialties, institutions and status — never identity numbers, phones or
 * notes.
 */
@Service
@Transactional(readOnly = true)
public class PractitionerRegister {

	/**
	 * 15 digits: level (1 physician, 2 assistant), category, then region and sequence.
	 */
	static final Pattern LICENCE = Pattern.compile("[12][123]\\d{13}");

	private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dX]");

	private static final Pattern PHONE = Pattern.compile("[0-9+\\- ()]{5,20}");

	/** The CSV's columns, in order: the form's fields. */
	public static final List<String> CSV_COLUMNS = List.of("name", "licenceNumber", "category", "status",
			"surgerySince", "dermatologySince", "dentistrySince", "tcmSince", "mainInstitution", "mainSince",
			"otherInstitutions", "idNumber", "phone");

	private final PractitionerRepository practitioners;

	private final InstitutionManagement institutions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Formats formats;

	PractitionerRegister(PractitionerRepository practitioners, InstitutionManagement institutions,
			ApplicationEventPublisher events, Clock clock, Formats formats) {
		this.practitioners = practitioners;
		this.institutions = institutions;
		this.events = events;
		this.clock = clock;
		this.formats = formats;
	}

	/** A practitioner as anyone may see them. */
	public record PublicPractitioner(long id, String name, String licenceNumber, QualificationCategory category,
			PractitionerStatus status, List<Practitioner.Qualification> specialties, List<Place> institutions) {
	}

	/** An institution where a practitioner is registered. */
	public record Place(long institutionId, String name, boolean main, LocalDate since) {
	}

	// ------------------------------------------------------------------ public

	/** Practitioners by name fragment or exact licence number (at most 50). */
	public List<PublicPractitioner> publicSearch(String q) {
		String query = q == null ? "" : q.strip();
		if (query.isEmpty()) {
			return List.of();
		}
		return toPublic(practitioners.findPublic(query, PageRequest.of(0, 50)));
	}

	/** The practitioners registered at an institution, by name. */
	public List<PublicPractitioner> publicAt(long institutionId) {
		return toPublic(practitioners.findRegisteredAt(institutionId));
	}

	private List<PublicPractitioner> toPublic(List<Practitioner> list) {
		Set<Long> ids = new HashSet<>();
		list.forEach(p -> p.getRegistrations().forEach(r -> ids.add(r.getInstitutionId())));
		Map<Long, String> names = institutions.names(ids);
		return list.stream()
			.map(p -> new PublicPractitioner(p.getId(), p.getName(), p.getLicenceNumber(), p.getCategory(),
					p.getStatus(), List.copyOf(p.getSpecialties()),
					p.getRegistrations()
						.stream()
						.sorted(java.util.Comparator.comparing(Practitioner.Registration::isMain).reversed())
						.map(r -> new Place(r.getInstitutionId(), names.getOrDefault(r.getInstitutionId(), ""),
								r.isMain(), r.getSince()))
						.toList()))
			.toList();
	}

	// ------------------------------------------------------------------ the regulator

	public Page<Practitioner> search(CurrentUser regulator, String q, int page) {
		requireRegulator(regulator);
		return practitioners.findWithin(regulator.jurisdiction().prefix(), q == null ? "" : q.strip(),
				PageRequest.of(Math.max(0, page), 25, Sort.by("name", "id")));
	}

	/**
	 * Every practitioner of the jurisdiction (for the plausibility report and export).
	 */
	public List<Practitioner> allWithin(CurrentUser regulator) {
		requireRegulator(regulator);
		return practitioners.findAllWithin(regulator.jurisdiction().prefix());
	}

	/** The practitioners registered at any of these institutions. */
	public List<Practitioner> registeredAt(Collection<Long> institutionIds) {
		return institutionIds.isEmpty() ? List.of() : practitioners.findRegisteredAtAny(institutionIds);
	}

	public Practitioner get(CurrentUser regulator, long id) {
		requireRegulator(regulator);
		return practitioners.findById(id)
			.filter(p -> regulator.reaches(p.getRegionCode()))
			.orElseThrow(() -> new NotFoundException("Practitioner", id));
	}

	/** The institutions' names of a practitioner's registrations. */
	public Map<Long, String> institutionNames(Practitioner practitioner) {
		return institutions.names(practitioner.getRegistrations().stream().map(r -> r.getInstitutionId()).toList());
	}

	/** The edit form of a practitioner. */
	public PractitionerForm form(CurrentUser regulator, long id) {
		get(regulator, id);
		return formOf(id);
	}

	/** A practitioner's record as its form (the callers decide who may see it). */
	PractitionerForm formOf(long id) {
		Practitioner p = practitioners.findById(id).orElseThrow(() -> new NotFoundException("Practitioner", id));
		var codes = new java.util.HashMap<Long, String>();
		institutions.summaries(p.getRegistrations().stream().map(r -> r.getInstitutionId()).toList())
			.forEach((key, summary) -> codes.put(key, summary.creditCode()));
		var form = new PractitionerForm();
		form.setVersion(p.getLockVersion());
		form.setName(p.getName());
		form.setLicenceNumber(p.getLicenceNumber());
		form.setCategory(p.getCategory());
		form.setStatus(p.getStatus());
		for (var q : p.getSpecialties()) {
			switch (q.getSpecialty()) {
				case AESTHETIC_SURGERY -> form.setSurgerySince(q.getObtainedOn());
				case AESTHETIC_DERMATOLOGY -> form.setDermatologySince(q.getObtainedOn());
				case AESTHETIC_DENTISTRY -> form.setDentistrySince(q.getObtainedOn());
				case AESTHETIC_TCM -> form.setTcmSince(q.getObtainedOn());
				default -> {
				}
			}
		}
		StringBuilder others = new StringBuilder();
		for (var r : p.getRegistrations()) {
			if (r.isMain()) {
				form.setMainInstitution(codes.get(r.getInstitutionId()));
				form.setMainSince(r.getSince());
			}
			else {
				others.append(codes.get(r.getInstitutionId())).append(' ').append(r.getSince()).append('\n');
			}
		}
		form.setOtherInstitutions(others.toString().strip());
		form.setIdNumber(p.getIdNumber());
		form.setPhone(p.getPhone());
		form.setNotes(p.getNotes());
		return form;
	}

	/** A form's problems, field by field, and what it means when it has none. */
	public record Outcome(FormRejectedException.Collector problems, PractitionerForm.Checked checked,
			String regionCode) {
	}

	/** Every rule of a practitioner's record, for the regulator who keeps it. */
	public Outcome check(CurrentUser regulator, PractitionerForm form, Long id) {
		requireRegulator(regulator);
		return rules(form, id, main -> regulator.reaches(main.regionCode()), null);
	}

	/**
	 * Every rule of a practitioner's record: {@code mainAllowed} says whether the main
	 * institution is one the author may name, and {@code mustInclude}, when given, an
	 * institution the record must register the practitioner at.
	 */
	Outcome rules(PractitionerForm form, Long id, java.util.function.Predicate<InstitutionSummary> mainAllowed,
			Long mustInclude) {
		var problems = new FormRejectedException.Collector();
		LocalDate today = LocalDate.ofInstant(clock.instant(), formats.zone());
		String name = strip(form.getName());
		if (name == null || name.length() > 50) {
			problems.reject("name", "practitioner.name.required");
		}
		String licence = strip(form.getLicenceNumber());
		if (licence == null || !LICENCE.matcher(licence).matches()) {
			problems.reject("licenceNumber", "practitioner.licence.format");
		}
		else if (form.getCategory() != null && licence.charAt(1) != form.getCategory().digit()) {
			problems.reject("licenceNumber", "practitioner.licence.category");
		}
		else {
			practitioners.findByLicenceNumber(licence)
				.filter(other -> !other.getId().equals(id))
				.ifPresent(other -> problems.reject("licenceNumber", "practitioner.licence.taken"));
		}
		if (form.getCategory() == null) {
			problems.reject("category", "practitioner.category.required");
		}
		if (form.getStatus() == null) {
			problems.reject("status", "practitioner.status.required");
		}
		List<Practitioner.Qualification> specialties = new ArrayList<>();
		specialty(problems, form.getCategory(), Department.AESTHETIC_SURGERY, "surgerySince", form.getSurgerySince(),
				today, specialties);
		specialty(problems, form.getCategory(), Department.AESTHETIC_DERMATOLOGY, "dermatologySince",
				form.getDermatologySince(), today, specialties);
		specialty(problems, form.getCategory(), Department.AESTHETIC_DENTISTRY, "dentistrySince",
				form.getDentistrySince(), today, specialties);
		specialty(problems, form.getCategory(), Department.AESTHETIC_TCM, "tcmSince", form.getTcmSince(), today,
				specialties);
		if (specialties.isEmpty()) {
			problems.reject("surgerySince", "practitioner.specialty.required");
		}
		List<Practitioner.Registration> registrations = new ArrayList<>();
		String regionCode = null;
		Optional<InstitutionSummary> main = strip(form.getMainInstitution()) == null ? Optional.empty()
				: institutions.findByCreditCode(form.getMainInstitution().strip());
		if (main.isEmpty()) {
			problems.reject("mainInstitution", "practitioner.institution.unknown");
		}
		else if (!mainAllowed.test(main.get())) {
			problems.reject("mainInstitution", "practitioner.institution.outsideJurisdiction");
		}
		else if (form.getMainSince() == null || form.getMainSince().isAfter(today)) {
			problems.reject("mainSince", "practitioner.since.invalid");
		}
		else {
			regionCode = main.get().regionCode();
			registrations.add(new Practitioner.Registration(main.get().id(), true, form.getMainSince()));
		}
		String others = form.getOtherInstitutions() == null ? "" : form.getOtherInstitutions();
		String[] lines = others.split("\\R|;");
		Set<Long> seen = new HashSet<>();
		main.ifPresent(m -> seen.add(m.id()));
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			String[] parts = line.split("\\s+");
			Optional<InstitutionSummary> other = institutions.findByCreditCode(parts[0]);
			LocalDate since = null;
			try {
				since = parts.length == 2 ? LocalDate.parse(parts[1]) : null;
			}
			catch (DateTimeParseException ex) {
				since = null;
			}
			if (other.isEmpty() || since == null || since.isAfter(today)) {
				problems.reject("otherInstitutions", "practitioner.other.invalid", i + 1);
			}
			else if (!seen.add(other.get().id())) {
				problems.reject("otherInstitutions", "practitioner.other.duplicate", i + 1);
			}
			else {
				registrations.add(new Practitioner.Registration(other.get().id(), false, since));
			}
		}
		if (mustInclude != null && registrations.stream().noneMatch(r -> r.getInstitutionId() == mustInclude)) {
			problems.reject("mainInstitution", "practitioner.proposal.ownInstitution");
		}
		String idNumber = strip(form.getIdNumber());
		if (idNumber != null && !ID_NUMBER.matcher(idNumber.toUpperCase(Locale.ROOT)).matches()) {
			problems.reject("idNumber", "practitioner.idNumber.format");
		}
		String phone = strip(form.getPhone());
		if (phone != null && !PHONE.matcher(phone).matches()) {
			problems.reject("phone", "practitioner.phone.format");
		}
		String notes = strip(form.getNotes());
		if (notes != null && notes.length() > 2000) {
			problems.reject("notes", "practitioner.tooLong", 2000);
		}
		return new Outcome(problems, problems.isEmpty()
				? new PractitionerForm.Checked(name, licence, form.getCategory(), form.getStatus(), specialties,
						registrations, idNumber == null ? null : idNumber.toUpperCase(Locale.ROOT), phone, notes)
				: null, regionCode);
	}

	@Transactional
	public Practitioner register(CurrentUser regulator, PractitionerForm form) {
		Outcome outcome = check(regulator, form, null);
		outcome.problems().throwIfAny();
		Practitioner practitioner = new Practitioner(clock.instant());
		practitioner.apply(outcome.checked(), outcome.regionCode(), clock.instant());
		practitioners.saveAndFlush(practitioner);
		events.publishEvent(new PractitionerEvent.PractitionerRegistered(practitioner.getId(),
				practitioner.getName() + " " + practitioner.getLicenceNumber(), practitioner.getRegionCode(),
				regulator.actor(), clock.instant()));
		return practitioner;
	}

	@Transactional
	public Practitioner update(CurrentUser regulator, long id, PractitionerForm form) {
		Practitioner practitioner = get(regulator, id);
		if (form.getVersion() != null && form.getVersion() != practitioner.getLockVersion()) {
			throw new cn.meizhi.shared.EditConflictException("Practitioner", id);
		}
		Outcome outcome = check(regulator, form, id);
		outcome.problems().throwIfAny();
		practitioner.apply(outcome.checked(), outcome.regionCode(), clock.instant());
		practitioners.saveAndFlush(practitioner);
		events.publishEvent(new PractitionerEvent.PractitionerUpdated(id,
				practitioner.getName() + " " + practitioner.getLicenceNumber(), practitioner.getRegionCode(),
				regulator.actor(), clock.instant()));
		return practitioner;
	}

	/** A CSV import's outcome: how many were saved, or every problem (then none was). */
	public record ImportResult(int saved, List<String> problems) {
	}

	/**
	 * Imports practitioners from CSV (the columns of {@link #CSV_COLUMNS}, a header row,
	 * UTF-8): a row whose licence number is known updates that practitioner, others are
	 * new. All rows or none: every problem is named as "row N, column: message key".
	 */
	@Transactional
	public ImportResult importCsv(CurrentUser regulator, Reader csv) {
		requireRegulator(regulator);
		List<Row> rows = new ArrayList<>();
		try {
			var parser = CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.setTrim(true)
				.get()
				.parse(csv);
			Set<String> header = new HashSet<>(parser.getHeaderNames());
			for (CSVRecord record : parser.getRecords()) {
				var cells = new java.util.HashMap<String, String>();
				for (String column : CSV_COLUMNS) {
					if (header.contains(column)) {
						cells.put(column, record.isSet(column) ? record.get(column) : "");
					}
				}
				rows.add(new Row(record.getRecordNumber() + 1, cells));
			}
		}
		catch (IOException | RuntimeException ex) {
			return new ImportResult(0, List.of("0|-|practitioner.import.unreadable"));
		}
		return importRows(regulator, rows);
	}

	/**
	 * The same import from an Excel workbook (its first sheet, a header row with the
	 * CSV's column names); dates may be Excel dates or text.
	 */
	@Transactional
	public ImportResult importXlsx(CurrentUser regulator, java.io.InputStream xlsx) {
		requireRegulator(regulator);
		List<Row> rows = new ArrayList<>();
		try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(xlsx)) {
			List<org.dhatim.fastexcel.reader.Row> read = workbook.getFirstSheet().read();
			if (read.isEmpty()) {
				return new ImportResult(0, List.of("0|-|practitioner.import.empty"));
			}
			Map<Integer, String> columns = new java.util.HashMap<>();
			var header = read.get(0);
			for (int c = 0; c < header.getCellCount(); c++) {
				String name = header.getCellAsString(c).map(String::strip).orElse("");
				if (CSV_COLUMNS.contains(name)) {
					columns.put(c, name);
				}
			}
			for (int r = 1; r < read.size(); r++) {
				var row = read.get(r);
				var cells = new java.util.HashMap<String, String>();
				for (var column : columns.entrySet()) {
					cells.put(column.getValue(), text(row, column.getKey(), column.getValue()));
				}
				if (cells.values().stream().allMatch(String::isBlank)) {
					continue;
				}
				rows.add(new Row(row.getRowNum(), cells));
			}
		}
		catch (IOException | RuntimeException ex) {
			return new ImportResult(0, List.of("0|-|practitioner.import.unreadable"));
		}
		return importRows(regulator, rows);
	}

	/** A cell as text: an Excel date in a date column as yyyy-mm-dd. */
	private static String text(org.dhatim.fastexcel.reader.Row row, int column, String name) {
		if (column >= row.getCellCount() || row.getCell(column) == null) {
			return "";
		}
		var cell = row.getCell(column);
		if (cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER) {
			return name.endsWith("Since") ? cell.asDate().toLocalDate().toString() : cell.asNumber().toPlainString();
		}
		return cell.getText() == null ? "" : cell.getText().strip();
	}

	/** A row of an import: its number in the file, and its cells by column name. */
	private record Row(long line, Map<String, String> cells) {
	}

	private ImportResult importRows(CurrentUser regulator, List<Row> rows) {
		List<String> problems = new ArrayList<>();
		List<Runnable> saves = new ArrayList<>();
		Set<String> licences = new HashSet<>();
		for (Row row : rows) {
			long line = row.line();
			PractitionerForm form = new PractitionerForm();
			try {
				form.setName(value(row, "name"));
				form.setLicenceNumber(value(row, "licenceNumber"));
				form.setCategory(enumValue(row, "category", QualificationCategory.class));
				form.setStatus(enumValue(row, "status", PractitionerStatus.class));
				form.setSurgerySince(date(row, "surgerySince"));
				form.setDermatologySince(date(row, "dermatologySince"));
				form.setDentistrySince(date(row, "dentistrySince"));
				form.setTcmSince(date(row, "tcmSince"));
				form.setMainInstitution(value(row, "mainInstitution"));
				form.setMainSince(date(row, "mainSince"));
				form.setOtherInstitutions(value(row, "otherInstitutions"));
				form.setIdNumber(value(row, "idNumber"));
				form.setPhone(value(row, "phone"));
			}
			catch (CellException ex) {
				problems.add(line + "|" + ex.column + "|" + ex.getMessage());
				continue;
			}
			Long existing = form.getLicenceNumber() == null ? null
					: practitioners.findByLicenceNumber(form.getLicenceNumber().strip())
						.map(Practitioner::getId)
						.orElse(null);
			if (form.getLicenceNumber() != null && !licences.add(form.getLicenceNumber().strip())) {
				problems.add(line + "|licenceNumber|practitioner.import.duplicate");
				continue;
			}
			if (existing != null && practitioners.findById(existing)
				.filter(p -> !regulator.reaches(p.getRegionCode()))
				.isPresent()) {
				problems.add(line + "|licenceNumber|practitioner.institution.outsideJurisdiction");
				continue;
			}
			Outcome outcome = check(regulator, form, existing);
			for (FormRejectedException.Reason reason : outcome.problems().reasons()) {
				problems.add(line + "|" + reason.field() + "|" + reason.code());
			}
			if (outcome.problems().isEmpty()) {
				saves.add(() -> {
					Practitioner practitioner = existing == null ? new Practitioner(clock.instant())
							: practitioners.findById(existing).orElseThrow();
					practitioner.apply(outcome.checked(), outcome.regionCode(), clock.instant());
					practitioners.save(practitioner);
				});
			}
		}
		if (rows.isEmpty()) {
			problems.add("0|-|practitioner.import.empty");
		}
		if (!problems.isEmpty()) {
			return new ImportResult(0, problems);
		}
		saves.forEach(Runnable::run);
		practitioners.flush();
		events.publishEvent(new PractitionerEvent.PractitionersImported(saves.size(), saves.size() + " practitioners",
				regulator.jurisdiction().regionCode(), regulator.actor(), clock.instant()));
		return new ImportResult(saves.size(), List.of());
	}

	/**
	 * The jurisdiction's practitioners as CSV, importable again (with the private
	 * fields).
	 */
	public void exportCsv(CurrentUser regulator, Writer writer) {
		try {
			CSVPrinter csv = CSVFormat.DEFAULT.builder()
				.setHeader(CSV_COLUMNS.toArray(String[]::new))
				.get()
				.print(writer);
			for (Practitioner p : allWithin(regulator)) {
				PractitionerForm f = form(regulator, p.getId());
				csv.printRecord(f.getName(), f.getLicenceNumber(), f.getCategory(), f.getStatus(), f.getSurgerySince(),
						f.getDermatologySince(), f.getDentistrySince(), f.getTcmSince(), f.getMainInstitution(),
						f.getMainSince(),
						f.getOtherInstitutions() == null ? "" : f.getOtherInstitutions().replace("\n", "; "),
						f.getIdNumber(), f.getPhone());
			}
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void specialty(FormRejectedException.Collector problems, QualificationCategory category,
			Department specialty, String field, LocalDate since, LocalDate today,
			List<Practitioner.Qualification> specialties) {
		if (since == null) {
			return;
		}
		if (since.isAfter(today)) {
			problems.reject(field, "practitioner.since.invalid");
		}
		else if (category != null && !category.allows(specialty)) {
			problems.reject(field, "practitioner.specialty.category");
		}
		else {
			specialties.add(new Practitioner.Qualification(specialty, since));
		}
	}

	/** A cell that cannot be read. */
	private static final class CellException extends RuntimeException {

		final String column;

		CellException(String column, String messageKey) {
			super(messageKey);
			this.column = column;
		}

	}

	private static String value(Row row, String column) {
		if (!row.cells().containsKey(column)) {
			throw new CellException(column, "practitioner.import.missingColumn");
		}
		String value = row.cells().get(column);
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static LocalDate date(Row row, String column) {
		String value = value(row, column);
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new CellException(column, "practitioner.import.date");
		}
	}

	private static <E extends Enum<E>> E enumValue(Row row, String column, Class<E> type) {
		String value = value(row, column);
		if (value == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new CellException(column, "practitioner.import.value");
		}
	}

	private static String strip(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static void requireRegulator(CurrentUser user) {
		if (!user.is(Role.REGULATOR)) {
			throw new AccessDeniedException("Only regulators keep the practitioner register");
		}
	}

}
