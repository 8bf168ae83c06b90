package cn.meizhi.analytics;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import cn.meizhi.cycle.CycleManagement;
import cn.meizhi.inspection.InspectionFixtures;
import cn.meizhi.inspection.InspectionFixtures.Team;
import cn.meizhi.selfassessment.SectionAnswers;
import cn.meizhi.selfassessment.SelfAssessments;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.standard.Indicator;
import cn.meizhi.standard.StandardManagement;
import cn.meizhi.support.Fixtures;
import cn.meizhi.support.StandardFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The comparison on real records: a submitted self-assessment and a submitted inspection
 * of one institution, read through the owning modules' views, give the gaps and kappa
 * worked by hand; only regulators of the jurisdiction see it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AssessmentAnalyticsTests {

	@Autowired
	AssessmentAnalytics analytics;

	@Autowired
	InspectionFixtures fixtures;

	@Autowired
	SelfAssessments selfAssessments;

	@Autowired
	CycleManagement cycles;

	@Autowired
	StandardManagement standards;

	@Autowired
	StandardFixtures standardFixtures;

	@Autowired
	MockMvc mvc;

	@Test
	void aCyclesSelfScoresAgainstItsAssessorsScores() throws Exception {
		// assessors: 1.1 = 4 of 5 (80 %), 1.2 = 4 of 4 (100 %), 2.1 = 10 of 10 (100 %)
		Team team = fixtures.submitted();
		long cycleId = team.inspection().getCycleId();
		// the clinic: 1.1 = 5 (100 %), 1.2 = 2 (50 %), 2.1 = 10 (100 %)
		submitSelfAssessment(team, cycleId, Map.of("1.1", "5", "1.2", "2"), Map.of("2.1", "10"));

		var report = analytics.report(InspectionFixtures.REGULATOR, cycleId, Locale.SIMPLIFIED_CHINESE);

		assertThat(report.pairs()).isEqualTo(3);
		// gaps +20, −50, 0: mean −10; one of three rated itself higher
		assertThat(report.meanGap()).isCloseTo(-10, within(1e-9));
		assertThat(report.overRatedShare()).isCloseTo(100.0 / 3, within(1e-9));
		// levels (self, assessors): (met, partly), (partly, met), (met, met):
		// observed disagreement 1.0, expected 2/3 → kappa 1 − 1.5 = −0.5
		assertThat(report.kappa()).isCloseTo(-0.5, within(1e-9));
		assertThat(report.indicators()).extracting(AssessmentAnalytics.IndicatorRow::code)
			.containsExactly("1.1", "2.1", "1.2");
		assertThat(report.indicators().get(0).gap().meanGap()).isCloseTo(20, within(1e-9));
		assertThat(report.institutions()).singleElement()
			.satisfies(row -> assertThat(row.name()).isEqualTo(team.institution().getName()));
		assertThat(report.assessors()).singleElement().satisfies(a -> {
			assertThat(a.assessor()).isEqualTo(team.lead().username());
			assertThat(a.scores()).isEqualTo(3);
			// alone in this cycle: no one to be compared with
			assertThat(a.deviation()).isNull();
		});

		var regulator = user(Fixtures.principal(InspectionFixtures.REGULATOR));
		mvc.perform(get("/regulator/analytics").param("cycle", String.valueOf(cycleId)).with(regulator))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("共对比 3 项")))
			.andExpect(content().string(containsString("-0.50")))
			.andExpect(content().string(containsString(team.institution().getName())));
		mvc.perform(get("/regulator/analytics.csv").param("cycle", String.valueOf(cycleId)).with(regulator))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("indicator,1.1,")))
			.andExpect(content().string(containsString(",20.00,")))
			.andExpect(content().string(containsString("institution," + team.institution().getId())));
	}

	@Test
	void onlyRegulatorsOfTheJurisdictionSeeTheComparison() throws Exception {
		Team team = fixtures.submitted();
		long cycleId = team.inspection().getCycleId();
		CurrentUser elsewhere = Fixtures.regulator("440300");
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> analytics.report(elsewhere, cycleId, Locale.SIMPLIFIED_CHINESE));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> analytics.report(team.lead(), null, Locale.SIMPLIFIED_CHINESE));
		mvc.perform(get("/regulator/analytics").param("cycle", String.valueOf(cycleId))
			.with(user(Fixtures.principal(elsewhere)))).andExpect(status().isNotFound());
		mvc.perform(
				get("/regulator/analytics").with(user(Fixtures.principal(Fixtures.clinic(team.institution().getId())))))
			.andExpect(status().isForbidden());
		// another jurisdiction's own view has nothing of this cycle
		assertThat(analytics.report(elsewhere, null, Locale.SIMPLIFIED_CHINESE).institutions())
			.noneMatch(row -> row.name().equals(team.institution().getName()));
	}

	private void submitSelfAssessment(Team team, long cycleId, Map<String, String> s1, Map<String, String> s2) {
		cycles.changeSelfAssessmentClose(InspectionFixtures.REGULATOR, cycleId, LocalDate.now().plusDays(5));
		CurrentUser clinic = Fixtures.clinic(team.institution().getId());
		long id = selfAssessments.start(clinic, cycleId);
		selfAssessments.saveSection(clinic, id, "S1", answers(clinic, id, s1), Map.of());
		selfAssessments.saveSection(clinic, id, "S2", answers(clinic, id, s2), Map.of());
		selfAssessments.submit(clinic, id);
	}

	private SectionAnswers answers(CurrentUser clinic, long id, Map<String, String> values) {
		var form = new SectionAnswers();
		form.setLockVersion(selfAssessments.view(clinic, id).assessment().getLockVersion());
		var version = standards.publicVersion(standardFixtures.publishedVersionId());
		values.forEach((code, value) -> form.getValues()
			.put(version.indicators()
				.filter(i -> i.getCode().equals(code))
				.map(Indicator::getId)
				.findFirst()
				.orElseThrow(), value));
		return form;
	}

}
