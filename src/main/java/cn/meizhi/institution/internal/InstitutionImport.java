package cn.meizhi.institution.internal;

import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.meizhi.institution.HospitalGrade;
import cn.meizhi.institution.Institution;
import cn.meizhi.institution.InstitutionEvents.InstitutionRegistered;
import cn.meizhi.institution.InstitutionEvents.InstitutionsImported;
import cn.meizhi.institution.InstitutionForm;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.UnifiedSocialCreditCode;
import cn.meizhi.institution.internal.InstitutionCsv.Column;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.InstitutionType;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.shared.Role;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Imports institutions from a CSV file: every row is checked as if typed into the form,
 * and either all rows are registered or none.
 */
@Service
public class InstitutionImport {

	/** A refused row: its line in the file, the column at fault (if any) and why. */
	public record RowError(long line, String column, MessageSourceResolvable message) {
	}

	/**
	 * The outcome: either a count of registered institutions, or the errors and nothing
	 * registered.
	 */
	public record Result(int imported, List<RowError> errors) {

		public boolean succeeded() {
			return errors.isEmpty();
		}

	}

	/** Files larger than this many rows are refused; import them in parts. */
	static final int MAX_ROWS = 200_000;

	private final InstitutionRepository institutions;

	private final InstitutionManagement management;

	private final SpringValidatorAdapter validator;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	InstitutionImport(InstitutionRepository institutions, InstitutionManagement management,
			jakarta.validation.Validator validator, ApplicationEventPublisher events, Clock clock) {
		this.institutions = institutions;
		this.management = management;
		this.validator = new SpringValidatorAdapter(validator);
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Result importCsv(CurrentUser user, Reader input) throws IOException {
		if (!user.is(Role.REGULATOR)) {
			throw new NotFoundException("Institution import", user.username());
		}
		List<RowError> errors = new ArrayList<>();
		List<InstitutionForm> forms = new ArrayList<>();
		try (CSVParser parser = InstitutionCsv.READ_FORMAT.parse(InstitutionCsv.withoutBom(input))) {
			Map<String, Column> columns = InstitutionCsv.headerColumns(parser.getHeaderNames());
			for (Column column : Column.values()) {
				if (column.required && !columns.containsValue(column)) {
					errors.add(
							new RowError(1, column.header, message("institution.import.missingColumn", column.header)));
				}
			}
			if (!errors.isEmpty()) {
				return new Result(0, errors);
			}
			Map<String, Long> creditCodesSeen = new HashMap<>();
			Map<String, Long> licencesSeen = new HashMap<>();
			List<Long> lines = new ArrayList<>();
			for (CSVRecord record : parser) {
				long line = record.getRecordNumber() + 1;
				if (forms.size() >= MAX_ROWS) {
					errors.add(new RowError(line, null, message("institution.import.tooManyRows", MAX_ROWS)));
					break;
				}
				Map<Column, String> values = new EnumMap<>(Column.class);
				columns.forEach((header, column) -> values.put(column, record.isSet(header) ? record.get(header) : ""));
				InstitutionForm form = toForm(values, line, errors);
				if (form == null) {
					continue;
				}
				var binding = new BeanPropertyBindingResult(form, "institutionForm");
				validator.validate(form, binding);
				binding.getFieldErrors().forEach(e -> errors.add(new RowError(line, headerOf(e.getField()), e)));
				String code = UnifiedSocialCreditCode.normalize(form.getCreditCode());
				Long earlier = code == null || code.isEmpty() ? null : creditCodesSeen.putIfAbsent(code, line);
				if (earlier != null) {
					errors.add(new RowError(line, Column.CREDIT_CODE.header,
							message("institution.import.duplicateInFile", earlier)));
				}
				String licence = form.getLicenceNumber() == null ? "" : form.getLicenceNumber().strip();
				Long earlierLicence = licence.isEmpty() ? null : licencesSeen.putIfAbsent(licence, line);
				if (earlierLicence != null) {
					errors.add(new RowError(line, Column.LICENCE_NUMBER.header,
							message("institution.import.duplicateInFile", earlierLicence)));
				}
				forms.add(form);
				lines.add(line);
			}
			// the register's codes and licences, looked up for the whole file at once
			Set<String> takenCodes = taken(creditCodesSeen.keySet(), institutions::findTakenCreditCodes);
			Set<String> takenLicences = taken(licencesSeen.keySet(), institutions::findTakenLicenceNumbers);
			for (int i = 0; i < forms.size(); i++) {
				long line = lines.get(i);
				for (var reason : management
					.check(user, forms.get(i), null, takenCodes::contains, takenLicences::contains)
					.reasons()) {
					errors
						.add(new RowError(line, headerOf(reason.field()), message(reason.code(), reason.arguments())));
				}
			}
			errors.sort(java.util.Comparator.comparingLong(RowError::line));
		}
		catch (IllegalStateException | java.io.UncheckedIOException ex) {
			errors.add(new RowError(0, null, message("institution.import.unreadable")));
		}
		if (errors.isEmpty() && forms.isEmpty()) {
			errors.add(new RowError(0, null, message("institution.import.empty")));
		}
		if (!errors.isEmpty()) {
			return new Result(0, errors);
		}
		Instant now = clock.instant();
		List<Institution> saved = institutions.saveAll(forms.stream().map(f -> new Institution(f, now)).toList());
		institutions.flush();
		for (Institution institution : saved) {
			events.publishEvent(new InstitutionRegistered(institution.getId(), institution.getName(),
					institution.getRegionCode(), institution.isCreditCodeException(), user.actor(), now));
		}
		events
			.publishEvent(new InstitutionsImported(saved.size(), user.jurisdiction().regionCode(), user.actor(), now));
		return new Result(saved.size(), List.of());
	}

	/**
	 * Which of the values the register already holds, asked in chunks (a statement has at
	 * most 65,535 parameters).
	 */
	private static Set<String> taken(java.util.Collection<String> values,
			java.util.function.Function<List<String>, List<String>> lookup) {
		Set<String> taken = new java.util.HashSet<>();
		List<String> all = new ArrayList<>(values);
		for (int from = 0; from < all.size(); from += 10_000) {
			taken.addAll(lookup.apply(all.subList(from, Math.min(all.size(), from + 10_000))));
		}
		return taken;
	}

	private static InstitutionForm toForm(Map<Column, String> values, long line, List<RowError> errors) {
		int before = errors.size();
		var form = new InstitutionForm();
		form.setName(values.get(Column.NAME));
		form.setCreditCode(values.get(Column.CREDIT_CODE));
		form.setLicenceNumber(values.get(Column.LICENCE_NUMBER));
		form.setRegionCode(values.get(Column.REGION_CODE));
		form.setAddress(values.get(Column.ADDRESS));
		form.setLegalRepresentative(values.get(Column.LEGAL_REPRESENTATIVE));
		form.setPhone(values.getOrDefault(Column.PHONE, ""));
		form.setWebsite(values.getOrDefault(Column.WEBSITE, ""));
		form.setCertifications(values.getOrDefault(Column.CERTIFICATIONS, ""));
		String type = values.get(Column.TYPE);
		if (!type.isBlank()) {
			InstitutionCsv.parseEnum(InstitutionType.class, InstitutionCsv.TYPE_LABELS, type)
				.ifPresentOrElse(form::setType,
						() -> errors.add(new RowError(line, Column.TYPE.header, message("institution.import.badValue",
								type, String.join("、", InstitutionCsv.TYPE_LABELS.values())))));
		}
		String grade = values.getOrDefault(Column.HOSPITAL_GRADE, "");
		if (!grade.isBlank()) {
			InstitutionCsv.parseEnum(HospitalGrade.class, InstitutionCsv.GRADE_LABELS, grade)
				.ifPresentOrElse(form::setHospitalGrade, () -> errors.add(new RowError(line,
						Column.HOSPITAL_GRADE.header, message("institution.import.badValue", grade, "一级、二级、三级"))));
		}
		String departments = values.get(Column.DEPARTMENTS);
		InstitutionCsv.parseDepartments(departments)
			.ifPresentOrElse(form::setDepartments,
					() -> errors
						.add(new RowError(line, Column.DEPARTMENTS.header, message("institution.import.badValue",
								departments, String.join("、", InstitutionCsv.DEPARTMENT_LABELS.values())))));
		form.setSurgeryLevel(integer(values.get(Column.SURGERY_LEVEL), null, line, Column.SURGERY_LEVEL, errors));
		form.setBeds(integer(values.getOrDefault(Column.BEDS, ""), 0, line, Column.BEDS, errors));
		form.setOperatingRooms(
				integer(values.getOrDefault(Column.OPERATING_ROOMS, ""), 0, line, Column.OPERATING_ROOMS, errors));
		form.setChiefPhysicians(
				integer(values.getOrDefault(Column.CHIEF_PHYSICIANS, ""), 0, line, Column.CHIEF_PHYSICIANS, errors));
		return errors.size() == before ? form : form;
	}

	private static Integer integer(String text, Integer blank, long line, Column column, List<RowError> errors) {
		if (text == null || text.isBlank()) {
			return blank;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			errors.add(new RowError(line, column.header, message("institution.import.notANumber", text)));
			return blank == null ? null : blank;
		}
	}

	private static String headerOf(String field) {
		if (field == null) {
			return null;
		}
		for (Column column : Column.values()) {
			if (column.field.equals(field)) {
				return column.header;
			}
		}
		return field.equals("creditCodeExceptionReason") || field.equals("creditCodeException")
				? Column.CREDIT_CODE.header : field;
	}

	private static MessageSourceResolvable message(String code, Object... arguments) {
		return new DefaultMessageSourceResolvable(new String[] { code }, arguments);
	}

	/** Writes the header row that an import file must have. */
	public void writeTemplate(java.io.Writer writer) {
		InstitutionCsv.writeTemplate(writer);
	}

	/** Writes institutions in the import layout, so an export imports again unchanged. */
	public void write(java.io.Writer writer, List<Institution> list) {
		InstitutionCsv.write(writer, list);
	}

}
