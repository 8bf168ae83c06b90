package cn.meizhi.institution.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.meizhi.institution.Department;
import cn.meizhi.institution.HospitalGrade;
import cn.meizhi.institution.Institution;
import cn.meizhi.shared.InstitutionType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV layout of the institution register, shared by import, export and the
 * downloadable template, so that an exported file imports again unchanged. Headers and
 * enumerated values are Chinese, as regulators keep them in their spreadsheets; the
 * English codes are accepted too.
 */
final class InstitutionCsv {

	/** UTF-8 byte order mark: lets Excel recognise the encoding of an exported file. */
	static final char BOM = '\uFEFF';

	enum Column {

		NAME("机构名称", "name", true), CREDIT_CODE("统一社会信用代码", "creditCode", true),
		LICENCE_NUMBER("执业许可证登记号", "licenceNumber", true), TYPE("机构类型", "type", true),
		HOSPITAL_GRADE("医院等级", "hospitalGrade", false), REGION_CODE("行政区划代码", "regionCode", true),
		ADDRESS("地址", "address", true), LEGAL_REPRESENTATIVE("法定代表人", "legalRepresentative", true),
		DEPARTMENTS("诊疗科目", "departments", true), SURGERY_LEVEL("最高手术级别", "surgeryLevel", true),
		BEDS("床位数", "beds", false), OPERATING_ROOMS("手术室数", "operatingRooms", false),
		CHIEF_PHYSICIANS("美容主诊医师数", "chiefPhysicians", false), PHONE("联系电话", "phone", false),
		WEBSITE("网站", "website", false), CERTIFICATIONS("其他认证", "certifications", false);

		final String header;

		final String field;

		final boolean required;

		Column(String header, String field, boolean required) {
			this.header = header;
			this.field = field;
			this.required = required;
		}

		static Optional<Column> byHeader(String header) {
			String h = header == null ? "" : header.strip();
			return Arrays.stream(values()).filter(c -> c.header.equals(h) || c.field.equalsIgnoreCase(h)).findFirst();
		}

	}

	static final Map<InstitutionType, String> TYPE_LABELS = new EnumMap<>(Map.of(InstitutionType.AESTHETIC_HOSPITAL,
			"美容医院", InstitutionType.AESTHETIC_OUTPATIENT_DEPARTMENT, "医疗美容门诊部", InstitutionType.AESTHETIC_CLINIC,
			"医疗美容诊所", InstitutionType.GENERAL_HOSPITAL_DEPARTMENT, "综合医院医疗美容科"));

	static final Map<HospitalGrade, String> GRADE_LABELS = new EnumMap<>(
			Map.of(HospitalGrade.GRADE_1, "一级", HospitalGrade.GRADE_2, "二级", HospitalGrade.GRADE_3, "三级"));

	static final Map<Department, String> DEPARTMENT_LABELS = new EnumMap<>(Map.of(Department.AESTHETIC_SURGERY, "美容外科",
			Department.AESTHETIC_DERMATOLOGY, "美容皮肤科", Department.AESTHETIC_DENTISTRY, "美容牙科", Department.AESTHETIC_TCM,
			"美容中医科", Department.ANESTHESIOLOGY, "麻醉科", Department.LABORATORY, "医学检验科", Department.MEDICAL_IMAGING,
			"医学影像科"));

	/** Separators accepted between departments in one cell. */
	static final String DEPARTMENT_SEPARATORS = "[、;；,，|/]";

	static final CSVFormat READ_FORMAT = CSVFormat.DEFAULT.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setIgnoreEmptyLines(true)
		.setTrim(true)
		.setAllowMissingColumnNames(true)
		.get();

	static final CSVFormat WRITE_FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();

	private InstitutionCsv() {
	}

	static <E extends Enum<E>> Optional<E> parseEnum(Class<E> type, Map<E, String> labels, String text) {
		String value = text.strip();
		for (var entry : labels.entrySet()) {
			if (entry.getValue().equals(value) || entry.getKey().name().equalsIgnoreCase(value)) {
				return Optional.of(entry.getKey());
			}
		}
		return Optional.empty();
	}

	static Optional<Set<Department>> parseDepartments(String text) {
		Set<Department> departments = new LinkedHashSet<>();
		for (String part : text.split(DEPARTMENT_SEPARATORS)) {
			if (part.isBlank()) {
				continue;
			}
			Optional<Department> department = parseEnum(Department.class, DEPARTMENT_LABELS, part);
			if (department.isEmpty()) {
				return Optional.empty();
			}
			department.ifPresent(departments::add);
		}
		return Optional.of(departments);
	}

	static void writeHeader(CSVPrinter printer) throws IOException {
		printer.printRecord(Arrays.stream(Column.values()).map(c -> c.header).toList());
	}

	static void write(Writer writer, List<Institution> institutions) {
		try {
			writer.write(BOM);
			CSVPrinter printer = new CSVPrinter(writer, WRITE_FORMAT);
			writeHeader(printer);
			for (Institution i : institutions) {
				printer.printRecord(i.getName(), i.getCreditCode(), i.getLicenceNumber(), TYPE_LABELS.get(i.getType()),
						i.getHospitalGrade() == null ? "" : GRADE_LABELS.get(i.getHospitalGrade()), i.getRegionCode(),
						i.getAddress(), i.getLegalRepresentative(),
						i.getDepartmentsInOrder().stream().map(DEPARTMENT_LABELS::get).collect(Collectors.joining("、")),
						i.getSurgeryLevel(), i.getBeds(), i.getOperatingRooms(), i.getChiefPhysicians(),
						nullToEmpty(i.getPhone()), nullToEmpty(i.getWebsite()), nullToEmpty(i.getCertifications()));
			}
			printer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void writeTemplate(Writer writer) {
		try {
			writer.write(BOM);
			CSVPrinter printer = new CSVPrinter(writer, WRITE_FORMAT);
			writeHeader(printer);
			printer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Skips a leading byte order mark, which Excel writes and commons-csv would read as
	 * part of a header.
	 */
	static Reader withoutBom(Reader reader) throws IOException {
		var pushback = new java.io.PushbackReader(reader, 1);
		int first = pushback.read();
		if (first != -1 && first != BOM) {
			pushback.unread(first);
		}
		return pushback;
	}

	static Map<String, Column> headerColumns(List<String> headers) {
		return headers.stream()
			.filter(h -> Column.byHeader(h).isPresent())
			.collect(Collectors.toMap(Function.identity(), h -> Column.byHeader(h).orElseThrow(), (a, b) -> a));
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

	static String lower(String s) {
		return s.toLowerCase(Locale.ROOT);
	}

}
