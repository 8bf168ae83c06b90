package cn.meizhi.qualitymeasure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Measure sets: the example imports, every rule of an imported measure is named by where
 * it fails, a set is published one at a time and exported as JSON that imports again;
 * only regulators and administrators keep them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MeasureSetTests {

	static final CurrentUser REGULATOR = Fixtures.regulator("330100");

	@Autowired
	MeasureSets sets;

	@Autowired
	MockMvc mvc;

	@Test
	void theExampleImportsAsADraftAndPublishingRetiresTheSetInForce() throws IOException {
		MeasureSet first = imported(example());
		MeasureSet second = imported(example());
		assertThat(first.getStatus()).isEqualTo(MeasureSetStatus.DRAFT);
		assertThat(first.isExample()).isTrue();
		List<QualityMeasure> measures = sets.measures(first.getId());
		assertThat(measures).hasSizeGreaterThanOrEqualTo(20);
		assertThat(measures).extracting(QualityMeasure::getName)
			.contains("非计划再次手术率", "手术部位感染率", "美容主诊医师占比", "投诉率", "病历甲级率", "不良事件报告例数");
		QualityMeasure complaints = measures.stream()
			.filter(m -> m.getCode().equals("QC-07"))
			.findFirst()
			.orElseThrow();
		assertThat(complaints.getUnit()).isEqualTo(MeasureUnit.PER_THOUSAND);
		assertThat(complaints.getDenominator()).isEqualTo("同期就诊人次");

		sets.publish(REGULATOR, first.getId());
		assertThat(sets.published()).map(MeasureSet::getId).contains(first.getId());
		sets.publish(REGULATOR, second.getId());
		assertThat(sets.version(REGULATOR, first.getId()).getStatus()).isEqualTo(MeasureSetStatus.RETIRED);
		assertThat(sets.published()).map(MeasureSet::getId).contains(second.getId());
		assertThat(reasons(() -> sets.publish(REGULATOR, first.getId())))
			.containsExactly("measureSet.publish.notDraft");
		assertThat(reasons(() -> sets.retire(REGULATOR, first.getId())))
			.containsExactly("measureSet.retire.notPublished");
		sets.retire(REGULATOR, second.getId());
		assertThat(sets.published()).isEmpty();
	}

	@Test
	void anExportImportsAgainAsTheSameMeasures() throws IOException {
		MeasureSet original = imported(example());
		byte[] json = MeasureSets.toJson(sets.export(REGULATOR, original.getId()));
		MeasureSet copy = imported(json);
		assertThat(sets.export(REGULATOR, copy.getId())).isEqualTo(sets.export(REGULATOR, original.getId()));
	}

	@Test
	void everyRuleIsNamedByWhereItFailsAndNothingIsSaved() {
		int before = sets.versions(REGULATOR).size();
		String json = """
				{"label": " ", "example": false, "measures": [
				  {"code": "A 1", "name": "", "nameEn": "x", "definition": "d", "numerator": "n", "denominator": null,
				   "unit": "RATE_PERCENT", "direction": "LOWER_BETTER", "institutionTypes": ["AESTHETIC_CLINIC"],
				   "period": "QUARTERLY", "min": 0, "max": 120, "disclosed": true},
				  {"code": "B", "name": "b", "nameEn": "b", "definition": "d", "numerator": "n", "denominator": "per what",
				   "unit": "COUNT", "direction": null, "institutionTypes": [], "period": null, "min": 5, "max": 1,
				   "disclosed": false},
				  {"code": "B", "name": "b", "nameEn": "b", "definition": "", "numerator": "", "denominator": null,
				   "unit": null, "direction": "HIGHER_BETTER", "institutionTypes": ["AESTHETIC_CLINIC"],
				   "period": "MONTHLY", "disclosed": false}
				]}
				""";
		var result = sets.importJson(REGULATOR, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
		assertThat(result.succeeded()).isFalse();
		assertThat(result.problems()).containsExactly("measureSet.import.label|", "measureSet.import.code|1 A 1",
				"measureSet.import.name|1 A 1", "measureSet.import.denominatorNeeded|1 A 1",
				"measureSet.import.percentAbove100|1 A 1", "measureSet.import.denominatorUnwanted|2 B",
				"measureSet.import.direction|2 B", "measureSet.import.period|2 B", "measureSet.import.types|2 B",
				"measureSet.import.range|2 B", "measureSet.import.duplicateCode|3 B",
				"measureSet.import.definition|3 B", "measureSet.import.numerator|3 B", "measureSet.import.unit|3 B");
		assertThat(sets
			.importJson(REGULATOR,
					new ByteArrayInputStream("{\"label\": \"x\", \"measures\": [{\"unit\": \"PER_CENT\"}]}"
						.getBytes(StandardCharsets.UTF_8)))
			.problems()).singleElement().asString().startsWith("measureSet.import.unreadable|");
		assertThat(sets.versions(REGULATOR)).hasSize(before);
	}

	@Test
	void theImportPageShowsLocatedProblemsInTheUsersLanguage() throws Exception {
		var regulator = user(Fixtures.principal(REGULATOR));
		mvc.perform(multipart("/regulator/quality-measures/import")
			.file(new MockMultipartFile("file", "set.json", "application/json",
					"{\"label\": \"v\", \"measures\": []}".getBytes(StandardCharsets.UTF_8)))
			.with(regulator)
			.with(csrf())).andExpect(status().isOk()).andExpect(content().string(containsString("指标集中没有指标。")));
		mvc.perform(multipart("/regulator/quality-measures/import").file(new MockMultipartFile("file", "set.json",
				"application/json",
				"{\"label\": \"v\", \"measures\": [{\"code\": \"X\", \"name\": \"n\", \"nameEn\": \"n\", \"definition\": \"d\", \"numerator\": \"n\", \"unit\": \"COUNT\", \"direction\": \"LOWER_BETTER\", \"institutionTypes\": [\"AESTHETIC_CLINIC\"], \"period\": \"MONTHLY\", \"min\": 3, \"max\": 2, \"disclosed\": false}]}"
					.getBytes(StandardCharsets.UTF_8)))
			.param("lang", "en")
			.with(regulator)
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("Measure 1 X: the plausible range’s minimum is above its maximum.")));
	}

	@Test
	void onlyRegulatorsAndAdministratorsKeepTheSets() throws Exception {
		MeasureSet set = imported(example());
		for (CurrentUser outsider : List.of(Fixtures.clinic(1), Fixtures.assessor())) {
			assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> sets.version(outsider, set.getId()));
			assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> sets.publish(outsider, set.getId()));
			mvc.perform(get("/regulator/quality-measures/" + set.getId()).with(user(Fixtures.principal(outsider))))
				.andExpect(status().isForbidden());
		}
		mvc.perform(get("/regulator/quality-measures/" + set.getId()).with(user(Fixtures.principal(Fixtures.admin()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("非计划再次手术率")));
	}

	private MeasureSet imported(byte[] json) {
		var result = sets.importJson(REGULATOR, new ByteArrayInputStream(json));
		assertThat(result.problems()).isEmpty();
		return result.set();
	}

	private static byte[] example() throws IOException {
		try (InputStream in = new ClassPathResource("demo/example-quality-measures.json").getInputStream()) {
			return in.readAllBytes();
		}
	}

	private static List<String> reasons(Runnable action) {
		try {
			action.run();
		}
		catch (FormRejectedException ex) {
			return ex.reasons().stream().map(FormRejectedException.Reason::code).toList();
		}
		return List.of();
	}

}
