package cn.meizhi.inspection;

import cn.meizhi.inspection.ActionStatus;
import cn.meizhi.inspection.InspectionFixtures.Team;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class InspectionControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	InspectionFixtures fixtures;

	@Autowired
	Inspections inspections;

	@Autowired
	CorrectiveActions correctiveActions;

	@Autowired
	Fixtures institutions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theRegulatorSchedulesAnInspectionAndSeesTheTeam() throws Exception {
		Team team = fixtures.team();
		mvc.perform(get("/regulator/inspections/" + team.id()).with(as(InspectionFixtures.REGULATOR)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(team.institution().getName())));
		mvc.perform(get("/regulator/inspections").with(as(InspectionFixtures.REGULATOR)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(team.institution().getName())));
		mvc.perform(post("/regulator/inspections/new").with(csrf())
			.with(as(InspectionFixtures.REGULATOR))
			.param("cycleId", String.valueOf(team.inspection().getCycleId()))
			.param("institutionId", String.valueOf(team.institution().getId()))
			.param("scheduledOn", "2026-12-01")
			.param("leadId", String.valueOf(team.lead().id())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("该机构在本周期已有现场评审安排")));
		mvc.perform(get("/regulator/inspections/" + team.id()).with(as(Fixtures.regulator("330106"))))
			.andExpect(status().isNotFound());
		mvc.perform(post("/regulator/inspections/" + team.id() + "/cancel").with(csrf())
			.with(as(Fixtures.regulator("330106")))
			.param("reason", "x")).andExpect(status().isNotFound());
	}

	@Test
	void anAssessorSeesNothingBeforeDeclaringAndOutsidersSeeNothingAtAll() throws Exception {
		Team team = fixtures.team();
		String base = "/assessor/inspections/" + team.id();
		mvc.perform(get(base).with(as(team.lead()))).andExpect(redirectedUrl(base + "/declaration"));
		mvc.perform(get(base + "/sections/S1").with(as(team.lead()))).andExpect(redirectedUrl(base + "/declaration"));
		mvc.perform(post(base + "/scores/" + fixtures.indicator("2.1")).with(csrf())
			.with(as(team.lead()))
			.param("value", "10")).andExpect(redirectedUrl(base + "/declaration"));
		mvc.perform(get(base + "/declaration").with(as(team.lead())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(team.institution().getName())))
			.andExpect(content().string(not(containsString("条款2.1"))));
		for (String path : new String[] { base, base + "/declaration", base + "/sections/S1" }) {
			mvc.perform(get(path).with(as(team.outsider()))).andExpect(status().isNotFound());
		}
		mvc.perform(post(base + "/submit").with(csrf()).with(as(team.outsider()))).andExpect(status().isNotFound());
		mvc.perform(post(base + "/declaration").with(csrf()).with(as(team.lead())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请选择一项")));
		mvc.perform(post(base + "/declaration").with(csrf()).with(as(team.lead())).param("noConflict", "true"))
			.andExpect(redirectedUrl(base));
		mvc.perform(get(base + "/sections/S1").with(as(team.lead())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("条款1.1")));
	}

	@Test
	void scoringThroughHtmxReturnsTheCardAndTheRecomputedTotals() throws Exception {
		Team team = fixtures.cleared();
		String url = "/assessor/inspections/" + team.id() + "/scores/" + fixtures.indicator("2.1");
		mvc.perform(post(url).with(csrf())
			.with(as(team.lead()))
			.header("HX-Request", "true")
			.param("value", "7")
			.param("methods", "DOCUMENT_REVIEW"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("评分低于满分时，必须填写问题描述")))
			.andExpect(content().string(containsString("value=\"7\" selected=\"selected\"")));
		mvc.perform(post(url).with(csrf())
			.with(as(team.lead()))
			.header("HX-Request", "true")
			.param("value", "7")
			.param("methods", "DOCUMENT_REVIEW")
			.param("finding", "培训签到不全")
			.param("severity", "GENERAL"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"indicator-" + fixtures.indicator("2.1") + "\"")))
			.andExpect(content().string(containsString("hx-swap-oob=\"true\"")))
			.andExpect(content().string(containsString("评审加权总分 28.0")))
			.andExpect(content().string(containsString("已保存")));
		mvc.perform(post(url).with(csrf()).with(as(team.member())).header("HX-Request", "true").param("value", "10"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("同组专家刚刚保存了此条款")));
		mvc.perform(post("/assessor/inspections/" + team.id() + "/scores/" + fixtures.indicator("1.1")).with(csrf())
			.with(as(team.member()))
			.param("value", "5")).andExpect(redirectedUrlPattern("/assessor/inspections/*/sections/S1*"));
	}

	@Test
	void theClinicSeesResultsOnlyOnceSubmittedAndAnswersItsCorrectiveActions() throws Exception {
		Team team = fixtures.cleared();
		CurrentUser clinic = team.clinic();
		mvc.perform(get("/clinic/inspections/" + team.id()).with(as(clinic))).andExpect(status().isNotFound());
		fixtures.score(team.lead(), team.id(), "1.1", "4", "急救药品过期", Severity.MAJOR);
		fixtures.score(team.lead(), team.id(), "1.2", "4", null, null);
		fixtures.score(team.lead(), team.id(), "2.1", "10", null, null);
		mvc.perform(post("/assessor/inspections/" + team.id() + "/submit").with(csrf()).with(as(team.member())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("只有评审组长可以提交")));
		mvc.perform(post("/assessor/inspections/" + team.id() + "/submit").with(csrf()).with(as(team.lead())))
			.andExpect(redirectedUrl("/assessor/inspections/" + team.id()));
		mvc.perform(get("/clinic/inspections/" + team.id()).with(as(clinic)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("急救药品过期")));
		mvc.perform(get("/clinic/inspections/" + team.id())
			.with(as(Fixtures.clinic(institutions.institution("330102").getId())))).andExpect(status().isNotFound());
		long actionId = correctiveActions.actionsOf(clinic).get(0).getId();
		mvc.perform(get("/clinic/corrective-actions").with(as(clinic)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("急救药品过期")));
		CurrentUser otherClinic = Fixtures.clinic(institutions.institution("330102").getId());
		mvc.perform(multipart("/clinic/corrective-actions/" + actionId + "/respond").with(csrf())
			.with(as(otherClinic))
			.param("response", "不是我的")).andExpect(status().isNotFound());
		mvc.perform(multipart("/clinic/corrective-actions/" + actionId + "/respond")
			.file(new MockMultipartFile("files", "fake.pdf", "application/pdf", "<html></html>".getBytes()))
			.with(csrf())
			.with(as(clinic))
			.param("response", "已更换药品")).andExpect(redirectedUrl("/clinic/corrective-actions#action-" + actionId));
		assertThat(correctiveActions.actionsOf(clinic).get(0).getStatus()).as("a refused file saves nothing")
			.isEqualTo(ActionStatus.OPEN);
		mvc.perform(multipart("/clinic/corrective-actions/" + actionId + "/respond")
			.file(new MockMultipartFile("files", "检查表.pdf", "application/pdf", "%PDF-1.4\n%%EOF".getBytes()))
			.with(csrf())
			.with(as(clinic))
			.param("response", "已更换药品并建立效期检查表"))
			.andExpect(redirectedUrl("/clinic/corrective-actions#action-" + actionId));
		assertThat(correctiveActions.actionsOf(clinic).get(0).getStatus()).isEqualTo(ActionStatus.ANSWERED);
		long fileId = jdbc.queryForObject("select id from inspection_file where corrective_action_id = ?", Long.class,
				actionId);
		mvc.perform(get("/clinic/inspections/" + team.id() + "/files/" + fileId).with(as(clinic)))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")));
		mvc.perform(get("/clinic/inspections/" + team.id() + "/files/" + fileId).with(as(otherClinic)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/assessor/inspections/" + team.id() + "/files/" + fileId).with(as(team.outsider())))
			.andExpect(status().isNotFound());
		mvc.perform(post("/assessor/actions/" + actionId + "/verify").with(csrf())
			.with(as(team.lead()))
			.param("inspectionId", String.valueOf(team.id())))
			.andExpect(redirectedUrl("/assessor/inspections/" + team.id() + "#actions"));
		assertThat(correctiveActions.actionsOf(clinic).get(0).getStatus()).isEqualTo(ActionStatus.CLOSED);
	}

	@Test
	void overdueCorrectiveActionsAreFlaggedForClinicAssessorAndRegulator() throws Exception {
		Team team = fixtures.submitted();
		long actionId = correctiveActions.actionsOf(team.clinic()).get(0).getId();
		long here = correctiveActions.overdueActions(Fixtures.regulator("330102"));
		long elsewhere = correctiveActions.overdueActions(Fixtures.regulator("440300"));
		correctiveActions.changeDue(team.lead(), actionId, java.time.LocalDate.now().minusDays(2));
		assertThat(correctiveActions.overdueActions(Fixtures.regulator("330102"))).isEqualTo(here + 1);
		assertThat(correctiveActions.overdueActions(Fixtures.regulator("440300"))).as("another jurisdiction's count")
			.isEqualTo(elsewhere);
		mvc.perform(get("/clinic/corrective-actions").with(as(team.clinic())))
			.andExpect(content().string(containsString("已逾期")));
		mvc.perform(get("/clinic").with(as(team.clinic()))).andExpect(content().string(containsString("其中已逾期 1 项")));
		mvc.perform(get("/assessor/inspections/" + team.id()).with(as(team.lead())))
			.andExpect(content().string(containsString("已逾期")));
		mvc.perform(get("/regulator/inspections/" + team.id()).with(as(InspectionFixtures.REGULATOR)))
			.andExpect(content().string(containsString("已逾期")));
		mvc.perform(get("/regulator").with(as(Fixtures.regulator("330102"))))
			.andExpect(content().string(containsString("项整改事项已逾期未关闭")));
	}

	@Test
	void assessorsAttachSitePhotosWithTheSameRulesAndSeeTheClinicsEvidence() throws Exception {
		Team team = fixtures.cleared();
		String url = "/assessor/inspections/" + team.id() + "/scores/" + fixtures.indicator("2.1");
		mvc.perform(multipart(url)
			.file(new MockMultipartFile("files", "现场.png", "image/png",
					new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0 }))
			.file(new MockMultipartFile("files", "fake.jpg", "image/jpeg", "<script>".getBytes()))
			.with(csrf())
			.with(as(team.lead()))
			.header("HX-Request", "true")
			.param("value", "10"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已保存")))
			.andExpect(content().string(containsString("现场.png")))
			.andExpect(content().string(containsString("fake.jpg")))
			.andExpect(content().string(containsString("已拒收")));
		long fileId = jdbc.queryForObject("select id from inspection_file where inspection_id = ?", Long.class,
				team.id());
		mvc.perform(get("/assessor/inspections/" + team.id() + "/files/" + fileId).with(as(team.member())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"));
		mvc.perform(get("/assessor/inspections/" + team.id() + "/files/" + fileId).with(as(team.outsider())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/assessor/inspections/" + team.id() + "/self-evidence/" + fileId).with(as(team.lead())))
			.andExpect(status().isNotFound());
	}

	@Test
	void clinicsCannotReachTheTeamsFilesBeforeSubmissionNorSchedulePagesLeakOtherInstitutions() throws Exception {
		Team team = fixtures.cleared();
		mvc.perform(multipart("/assessor/inspections/" + team.id() + "/scores/" + fixtures.indicator("2.1"))
			.file(new MockMultipartFile("files", "现场.png", "image/png",
					new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0 }))
			.with(csrf())
			.with(as(team.lead()))
			.param("value", "10"));
		long fileId = jdbc.queryForObject("select id from inspection_file where inspection_id = ?", Long.class,
				team.id());
		mvc.perform(get("/clinic/inspections/" + team.id() + "/files/" + fileId).with(as(team.clinic())))
			.andExpect(status().isNotFound());
		long stranger = institutions.institution("440303").getId();
		mvc.perform(get("/regulator/inspections/new").param("cycleId", String.valueOf(team.inspection().getCycleId()))
			.param("institutionId", String.valueOf(stranger))
			.with(as(InspectionFixtures.REGULATOR))).andExpect(status().isNotFound());
	}

	@Test
	void theAssessorHomeListsOnlyMyInspections() throws Exception {
		Team team = fixtures.team();
		mvc.perform(get("/assessor").with(as(team.lead())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(team.institution().getName())))
			.andExpect(content().string(containsString("声明利益冲突后开始")));
		mvc.perform(get("/assessor").with(as(team.outsider())))
			.andExpect(content().string(not(containsString(team.institution().getName()))));
	}

	@Test
	void theAssessorHomeShowsLiveInspectionsFirstAndSubmittedOnesApart() throws Exception {
		Team done = fixtures.submitted();
		String home = mvc.perform(get("/assessor").with(as(done.lead())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String live = home.substring(home.indexOf("id=\"my-inspections\""),
				home.indexOf("id=\"finished-inspections\""));
		assertThat(live).doesNotContain(done.institution().getName()).contains("目前没有待进行的现场评审");
		assertThat(home.substring(home.indexOf("id=\"finished-inspections\""))).contains(done.institution().getName());
	}

	private static RequestPostProcessor as(CurrentUser user) {
		return user(Fixtures.principal(user));
	}

}
