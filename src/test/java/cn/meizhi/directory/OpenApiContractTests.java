package cn.meizhi.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import cn.meizhi.directory.internal.OpenDataApi;
import cn.meizhi.inspection.InspectionFixtures;
import cn.meizhi.institution.Institution;
import cn.meizhi.rating.Rating;
import cn.meizhi.rating.RatingFixtures;
import cn.meizhi.support.Fixtures;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What the API answers is what its published description says, so a client generated from
 * {@code /v3/api-docs} works: every documented JSON operation is called (for rated and
 * unrated institutions, first and last pages of the change feed) and each answer is
 * validated against the operation's response schema with a JSON Schema validator.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiContractTests {

	private static final String DOCUMENT = "https://meizhi.test/v3/api-docs";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	InspectionFixtures inspections;

	@Autowired
	RatingFixtures ratings;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theDescriptionHasARealTitleDescriptionAndVersion() throws Exception {
		JsonNode info = json.readTree(body("/v3/api-docs")).get("info");
		assertThat(info.get("title").asString()).contains("Meizhi").doesNotContain("OpenAPI definition");
		assertThat(info.get("version").asString()).isEqualTo(OpenDataApi.VERSION);
		assertThat(info.get("description").asString()).contains("ratingStatus");
	}

	@Test
	void everyDocumentedOperationAnswersWhatItsSchemaSays() throws Exception {
		if (procedureCatalogue.published().isEmpty()) {
			try (var json = new org.springframework.core.io.ClassPathResource("demo/example-procedure-catalogue.json")
				.getInputStream()) {
				procedureCatalogue.publish(Fixtures.admin(),
						procedureCatalogue.importJson(Fixtures.admin(), json).version().getId());
			}
		}
		if (measureSets.published().isEmpty()) {
			try (var json = new org.springframework.core.io.ClassPathResource("demo/example-quality-measures.json")
				.getInputStream()) {
				measureSets.publish(Fixtures.admin(), measureSets.importJson(Fixtures.admin(), json).set().getId());
			}
		}
		Rating rating = ratings.published(inspections.submitted());
		Institution unrated = fixtures.institution("330102");
		String rated = String.valueOf(rating.getInstitutionId());
		String document = body("/v3/api-docs");
		JsonNode api = json.readTree(document);
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				builder -> builder.schemas(Map.of(DOCUMENT, document)));

		// each documented operation, called in the ways that give different shapes
		Map<String, List<String>> calls = Map.of("/api/public/institutions",
				List.of("?q=" + unrated.getName(), "?q=" + rated, "?size=5&page=1"), "/api/public/institutions/{id}",
				List.of("/" + rated, "/" + unrated.getId()), "/api/public/changes",
				List.of("?since=2000-01-01T00:00:00Z&limit=1", "?since=2100-01-01T00:00:00Z"), "/api/public/procedures",
				List.of("?q=双眼皮", "?q=none-such"), "/api/public/practitioners", List.of("?q=测", "?q="),
				"/api/public/check",
				List.of("?institution=" + rated + "&procedure=WK-031",
						"?institution=" + unrated.getId() + "&procedure=PF-001"),
				"/api/public/quality-measures", List.of("?region=330102", "?region=330106&page=1"));
		Set<String> validated = new TreeSet<>();
		List<String> problems = new ArrayList<>();
		for (var path : api.get("paths").properties()) {
			JsonNode operation = path.getValue().get("get");
			if (operation == null) {
				continue;
			}
			JsonNode content = operation.get("responses").get("200").get("content");
			String mediaType = content == null ? null
					: content.propertyNames().stream().filter(t -> t.contains("json")).findFirst().orElse(null);
			if (mediaType == null) {
				continue;
			}
			String ref = content.get(mediaType).get("schema").get("$ref").asString();
			Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT + ref));
			assertThat(calls).as("a call of %s", path.getKey()).containsKey(path.getKey());
			for (String call : calls.get(path.getKey())) {
				String url = path.getKey().replace("/{id}", "") + call;
				String answer = body(url);
				schema.validate(answer, InputFormat.JSON).forEach(error -> problems.add(url + ": " + error));
				validated.add(path.getKey());
			}
		}
		assertThat(problems).isEmpty();
		assertThat(validated).containsExactlyInAnyOrderElementsOf(calls.keySet());
	}

	@Autowired
	cn.meizhi.procedure.ProcedureCatalogue procedureCatalogue;

	@Autowired
	cn.meizhi.qualitymeasure.MeasureSets measureSets;

	private String body(String url) throws Exception {
		return mvc.perform(get(url))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

}
