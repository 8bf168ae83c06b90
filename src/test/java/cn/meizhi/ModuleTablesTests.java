package cn.meizhi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A module reads and writes its own tables; another module's data comes through its API
 * or its events. Imports cannot show a crossing made in SQL, so this test reads the SQL
 * in every module's string literals and names each table another module owns.
 * <p>
 * Another module's data may be read through the views it declares in its own migrations
 * (V31–V33: the register's, the ratings' and the cycles' public faces). None crosses
 * today (the data generator lives in the bench source set; the demo loads its rating
 * history through {@code InspectionHistory} and {@code RatingHistory}); a crossing kept
 * on purpose would have to be listed in {@link #REMAINING}.
 */
class ModuleTablesTests {

	/** Which module owns each table (its migrations create it; its code keeps it). */
	static final Map<String, String> OWNER = Map.ofEntries(entry("region", "region"),
			entry("institution", "institution"), entry("institution_department", "institution"),
			entry("user_account", "account"), entry("evaluation_standard", "standard"),
			entry("standard_version", "standard"), entry("standard_section", "standard"),
			entry("indicator", "standard"), entry("evaluation_cycle", "cycle"), entry("enrolment", "cycle"),
			entry("self_assessment", "selfassessment"), entry("self_assessment_answer", "selfassessment"),
			entry("self_assessment_history", "selfassessment"), entry("evidence_file", "selfassessment"),
			entry("inspection", "inspection"), entry("inspection_member", "inspection"),
			entry("inspection_score", "inspection"), entry("inspection_file", "inspection"),
			entry("corrective_action", "inspection"), entry("rating", "rating"), entry("rating_transition", "rating"),
			entry("rating_reply", "rating"), entry("appeal", "rating"), entry("appeal_file", "rating"),
			entry("certificate_sequence", "rating"), entry("notification", "notification"),
			entry("audit_event", "audit"), entry("directory_entry", "directory"),
			entry("public_data_version", "directory"), entry("rate_limit_bucket", "system"),
			entry("stored_evidence", "evidence"), entry("shedlock", "system"), entry("event_publication", "system"),
			entry("spring_session", "system"), entry("spring_session_attributes", "system"),
			entry("complaint", "complaint"), entry("complaint_file", "complaint"),
			entry("working_calendar_day", "calendar"), entry("penalty", "enforcement"),
			entry("adverse_event", "adverseevent"), entry("procedure_catalogue", "procedure"),
			entry("catalogue_procedure", "procedure"), entry("catalogue_level_rule", "procedure"),
			entry("practitioner", "practitioner"), entry("practitioner_specialty", "practitioner"),
			entry("practitioner_registration", "practitioner"), entry("practitioner_proposal", "practitioner"),
			entry("re_review_application", "rating"), entry("standard_consultation", "standard"),
			entry("consultation_comment", "standard"), entry("rating_objection", "rating"),
			entry("webhook_subscriber", "webhook"), entry("webhook_delivery", "webhook"),
			entry("measure_set", "qualitymeasure"), entry("quality_measure", "qualitymeasure"),
			entry("measure_report", "qualitymeasure"), entry("measure_value", "qualitymeasure"),
			entry("measure_report_revision", "qualitymeasure"), entry("measure_reminder", "qualitymeasure"),
			entry("measure_district_stat", "qualitymeasure"), entry("measure_district_value", "qualitymeasure"));

	/** Crossings kept on purpose: module → other modules' tables its SQL names. */
	static final Map<String, Set<String>> REMAINING = Map.of();

	private static final Pattern STRING = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
			Pattern.DOTALL);

	private static final Pattern TABLE = Pattern
		.compile("\\b(?:from|join|into|update|copy|table|using)\\s+([a-z_]+)\\b", Pattern.CASE_INSENSITIVE);

	private static final Path SOURCES = Path.of("src/main/java/cn/meizhi");

	@Test
	void noModuleNamesAnotherModulesTableInSqlBeyondTheListedOnes() throws IOException {
		assertThat(crossings()).isEqualTo(new TreeMap<>(REMAINING.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, e -> new TreeSet<>(e.getValue())))));
	}

	@Test
	void theScanFindsACrossingInATextBlockAndIgnoresItsOwnTables() {
		String java = "class X { String sql = \"\"\"\n select * from rating r join institution i on i.id = r.institution_id\n\"\"\"; }";
		assertThat(tablesNamed(java)).containsExactlyInAnyOrder("rating", "institution");
	}

	static Map<String, Set<String>> crossings() throws IOException {
		Map<String, Set<String>> found = new TreeMap<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Path relative = SOURCES.relativize(file);
				if (relative.getNameCount() < 2) {
					continue;
				}
				String module = relative.getName(0).toString();
				for (String table : tablesNamed(Files.readString(file))) {
					String owner = OWNER.get(table);
					if (owner != null && !owner.equals(module)) {
						found.computeIfAbsent(module, m -> new TreeSet<>()).add(table);
					}
				}
			}
		}
		return found;
	}

	static Set<String> tablesNamed(String java) {
		Set<String> tables = new TreeSet<>();
		Matcher literal = STRING.matcher(java);
		while (literal.find()) {
			String sql = literal.group(1) != null ? literal.group(1) : literal.group(2);
			Matcher table = TABLE.matcher(sql);
			while (table.find()) {
				String name = table.group(1).toLowerCase(Locale.ROOT);
				if (OWNER.containsKey(name)) {
					tables.add(name);
				}
			}
		}
		return tables;
	}

}
