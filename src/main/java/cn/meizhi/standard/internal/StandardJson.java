package cn.meizhi.standard.internal;

import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.InstitutionType;
import cn.meizhi.standard.EvaluationMethod;
import cn.meizhi.standard.StandardVersion;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@link StandardDocument}s. Reading checks everything an author's form
 * would and reports each problem with where it is (line and column for broken JSON, a
 * path such as {@code sections[2].indicators[0].maxScore} for a bad value).
 */
public final class StandardJson {

	/** Where a problem is and what it is. */
	public record Problem(String where, String code, Object... arguments) {
	}

	/** Either a document or the problems that stop it from being imported. */
	public record Parsed(StandardDocument document, List<Problem> problems) {

		public boolean ok() {
			return problems.isEmpty();
		}

	}

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private StandardJson() {
	}

	public static String write(StandardVersion version) {
		return MAPPER.writeValueAsString(StandardDocument.of(version)) + "\n";
	}

	public static Parsed read(InputStream input) {
		StandardDocument document;
		try {
			document = MAPPER.readValue(input, StandardDocument.class);
		}
		catch (JacksonException ex) {
			String where = ex.getPath().isEmpty() ? "" : ex.getPathReference();
			int line = ex.getLocation() == null ? 0 : ex.getLocation().getLineNr();
			int column = ex.getLocation() == null ? 0 : ex.getLocation().getColumnNr();
			return new Parsed(null, List.of(new Problem(describe(where, line, column), "standard.import.malformed",
					ex.getOriginalMessage().lines().findFirst().orElse(""))));
		}
		if (document == null) {
			return new Parsed(null, List.of(new Problem("", "standard.import.empty")));
		}
		var reasons = new FormRejectedException.Collector();
		check(document, reasons);
		List<Problem> problems = reasons.reasons()
			.stream()
			.map(r -> new Problem(r.field() == null ? "" : r.field(), r.code(), r.arguments()))
			.toList();
		return new Parsed(problems.isEmpty() ? document : null, problems);
	}

	private static String describe(String path, int line, int column) {
		String location = line > 0 ? "line " + line + ", column " + column : "";
		String cleanPath = path.replace("cn.meizhi.standard.internal.StandardDocument", "")
			.replaceAll("\\[\"(\\w+)\"\\]", ".$1");
		return (location + " " + cleanPath).strip();
	}

	static void check(StandardDocument document, FormRejectedException.Collector reasons) {
		if (!StandardDocument.FORMAT.equals(document.format())) {
			reasons.reject("format", "standard.import.format", StandardDocument.FORMAT);
		}
		if (document.standard() == null) {
			reasons.reject("standard", "NotNull");
		}
		else {
			StandardChecks.text(document.standard().name(), 200, "standard.name", reasons);
			StandardChecks.text(document.standard().nameEn(), 200, "standard.nameEn", reasons);
		}
		if (document.version() == null) {
			reasons.reject("version", "NotNull");
		}
		else {
			StandardChecks.text(document.version().label(), 100, "version.label", reasons);
		}
		if (document.rules() == null) {
			reasons.reject("rules", "NotNull");
		}
		else {
			StandardChecks.rules(document.rules(), "rules.", reasons);
		}
		Set<String> sectionCodes = new HashSet<>();
		Set<String> indicatorCodes = new HashSet<>();
		List<StandardDocument.Section> sections = document.sections() == null ? List.of() : document.sections();
		for (int s = 0; s < sections.size(); s++) {
			StandardDocument.Section section = sections.get(s);
			String at = "sections[" + s + "].";
			StandardChecks.code(section.code(), at + "code", reasons);
			if (section.code() != null && !sectionCodes.add(section.code())) {
				reasons.reject(at + "code", "standard.section.codeTaken");
			}
			StandardChecks.text(section.name(), 200, at + "name", reasons);
			StandardChecks.text(section.nameEn(), 200, at + "nameEn", reasons);
			StandardChecks.weight(section.weight(), at + "weight", reasons);
			List<StandardDocument.Item> items = section.indicators() == null ? List.of() : section.indicators();
			for (int i = 0; i < items.size(); i++) {
				StandardDocument.Item item = items.get(i);
				String here = at + "indicators[" + i + "].";
				StandardChecks.code(item.code(), here + "code", reasons);
				if (item.code() != null && !indicatorCodes.add(item.code())) {
					reasons.reject(here + "code", "standard.indicator.codeTaken");
				}
				StandardChecks.text(item.title(), 300, here + "title", reasons);
				StandardChecks.text(item.titleEn(), 300, here + "titleEn", reasons);
				StandardChecks.text(item.guidance(), 4000, here + "guidance", reasons);
				StandardChecks.text(item.guidanceEn(), 4000, here + "guidanceEn", reasons);
				StandardChecks.scoring(item.maxScore(), item.scoreStep(), here, reasons);
				if (item.methods() == null || item.methods().isEmpty()) {
					reasons.reject(here + "methods", "NotEmpty");
				}
				else {
					for (String method : item.methods()) {
						if (!isName(EvaluationMethod.class, method)) {
							reasons.reject(here + "methods", "standard.import.unknownValue", method);
						}
					}
				}
				for (String type : item.appliesToTypes() == null ? List.<String>of() : item.appliesToTypes()) {
					if (!isName(InstitutionType.class, type)) {
						reasons.reject(here + "appliesToTypes", "standard.import.unknownValue", type);
					}
				}
				if (item.minimumSurgeryLevel() != null
						&& (item.minimumSurgeryLevel() < 1 || item.minimumSurgeryLevel() > 4)) {
					reasons.reject(here + "minimumSurgeryLevel", "standard.rules.range", 1, 4);
				}
			}
		}
	}

	private static <E extends Enum<E>> boolean isName(Class<E> type, String name) {
		for (E value : type.getEnumConstants()) {
			if (value.name().equals(name)) {
				return true;
			}
		}
		return false;
	}

	public static <E extends Enum<E>> java.util.Set<E> enums(Class<E> type, List<String> names) {
		var set = java.util.EnumSet.noneOf(type);
		for (String name : names == null ? List.<String>of() : names) {
			set.add(Enum.valueOf(type, name));
		}
		return set;
	}

}
