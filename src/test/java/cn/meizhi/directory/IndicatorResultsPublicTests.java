package cn.meizhi.directory;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import cn.meizhi.inspection.IndicatorResult;
import cn.meizhi.inspection.IndicatorResult.Result;
import cn.meizhi.inspection.InspectionFixtures;
import cn.meizhi.inspection.InspectionFixtures.Team;
import cn.meizhi.inspection.Inspections;
import cn.meizhi.inspection.Severity;
import cn.meizhi.rating.Rating;
import cn.meizhi.rating.RatingFixtures;
import cn.meizhi.standard.Indicator;
import cn.meizhi.standard.StandardManagement;
import cn.meizhi.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public sees each indicator's result of the current rating, matching the
 * inspection's scores (on generated inspections); a finding's text only once the
 * regulator of the jurisdiction makes it public.
 */
@SpringBootTest
@AutoConfigureMockMvc
class IndicatorResultsPublicTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	InspectionFixtures fixtures;

	@Autowired
	RatingFixtures ratings;

	@Autowired
	Inspections inspections;

	@Autowired
	StandardManagement standards;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	cn.meizhi.support.StandardFixtures standardFixtures;

	@Test
	void theResultsMatchTheScoresOfGeneratedInspections() {
		Random random = new Random(2023);
		for (int n = 0; n < 4; n++) {
			Team team = fixtures.cleared();
			long versionId = standardFixtures.publishedVersionId();
			Map<String, Indicator> indicators = standards.publicVersion(versionId)
				.indicators()
				.collect(Collectors.toMap(Indicator::getCode, i -> i));
			Map<String, Result> expected = new java.util.HashMap<>();
			for (String code : new String[] { "1.1", "1.2", "2.1" }) {
				Indicator indicator = indicators.get(code);
				int steps = indicator.getMaxScore().divide(indicator.getScoreStep()).intValue();
				BigDecimal value = indicator.getScoreStep().multiply(BigDecimal.valueOf(random.nextInt(steps + 1)));
				boolean full = value.compareTo(indicator.getMaxScore()) == 0;
				fixtures.score(team.lead(), team.id(), code, value.toPlainString(), full ? null : "生成的发现 " + code,
						full ? null : Severity.GENERAL);
				expected.put(code, full ? Result.MET : value.signum() == 0 ? Result.NOT_MET : Result.PARTLY_MET);
			}
			inspections.submit(team.lead(), team.id());
			var results = inspections.publicIndicatorResults(team.id(), versionId, null)
				.stream()
				.filter(r -> expected.containsKey(r.code()))
				.collect(Collectors.toMap(IndicatorResult::code, IndicatorResult::result));
			assertThat(results).as("inspection %d", n).isEqualTo(expected);
			assertThat(inspections.publicIndicatorResults(team.id(), versionId, null))
				.allSatisfy(r -> assertThat(r.publicFinding()).isNull());
		}
	}

	@Test
	void aFindingIsPublicOnlyOnceTheRegulatorMakesItPublic() throws Exception {
		Team team = fixtures.submitted();
		Rating rating = ratings.published(team);
		long institution = rating.getInstitutionId();
		mvc.perform(get("/institutions/" + institution))
			.andExpect(content().string(containsString("/institutions/" + institution + "/results")));
		mvc.perform(get("/institutions/" + institution + "/results"))
			.andExpect(content().string(containsString("逐条评审结果")))
			.andExpect(content().string(containsString("部分符合")))
			.andExpect(content().string(not(containsString("急救药品过期"))));
		mvc.perform(get("/api/public/institutions/" + institution))
			.andExpect(jsonPath("$.currentRating.indicators[0].code").value("1.1"))
			.andExpect(jsonPath("$.currentRating.indicators[0].result").value("PARTLY_MET"))
			.andExpect(content().string(not(containsString("急救药品过期"))));
		long indicator = fixtures.indicator("1.1");
		String url = "/regulator/inspections/" + team.id() + "/findings/" + indicator + "/visibility";
		mvc.perform(post(url).with(csrf())
			.with(user(Fixtures.principal(Fixtures.regulator("330106"))))
			.param("visible", "true")).andExpect(status().isNotFound());
		mvc.perform(post(url).with(csrf())
			.with(user(Fixtures.principal(InspectionFixtures.REGULATOR)))
			.param("visible", "true")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/institutions/" + institution + "/results"))
			.andExpect(content().string(containsString("评审发现：急救药品过期")));
		mvc.perform(get("/api/public/institutions/" + institution))
			.andExpect(jsonPath("$.currentRating.indicators[0].finding").value("急救药品过期"));
		mvc.perform(post(url).with(csrf())
			.with(user(Fixtures.principal(InspectionFixtures.REGULATOR)))
			.param("visible", "false")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/institutions/" + institution + "/results"))
			.andExpect(content().string(not(containsString("急救药品过期"))));
		assertThat(jdbc.queryForList(
				"select action from audit_event where object_type = 'Inspection' and object_id = ? and action like '%FINDING%'",
				String.class, String.valueOf(team.id())))
			.hasSize(2);
	}

}
