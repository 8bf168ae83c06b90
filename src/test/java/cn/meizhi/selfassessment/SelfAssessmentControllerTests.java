package cn.meizhi.selfassessment;

import java.util.List;
import java.util.Map;

import cn.meizhi.selfassessment.SelfAssessmentFixtures.Setup;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.EvidenceFiles.Upload;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class SelfAssessmentControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SelfAssessmentFixtures fixtures;

	@Autowired
	SelfAssessments selfAssessments;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	cn.meizhi.cycle.CycleManagement cycles;

	@Test
	void theClinicFillsASectionWithEvidenceAndARefusedFileCostsNothingElse() throws Exception {
		Setup setup = fixtures.open("330102");
		long i11 = fixtures.indicator("1.1");
		long i12 = fixtures.indicator("1.2");
		String url = "/clinic/self-assessments/" + setup.selfAssessmentId() + "/sections/S1";
		mvc.perform(get(url).with(as(setup.clinic())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("条款1.1")));
		mvc.perform(multipart(url)
			.file(new MockMultipartFile("evidence-" + i11, "制度.pdf", "application/pdf", SelfAssessmentFixtures.PDF))
			.file(new MockMultipartFile("evidence-" + i12, "invoice.pdf", "application/pdf",
					SelfAssessmentFixtures.HTML_AS_PDF))
			.with(csrf())
			.with(as(setup.clinic()))
			.param("lockVersion", lockVersion(setup))
			.param("values[" + i11 + "]", "4.5")
			.param("comments[" + i11 + "]", "制度已修订")
			.param("values[" + i12 + "]", "NA"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("invoice.pdf")))
			.andExpect(content().string(containsString("已拒收")))
			.andExpect(content().string(containsString("评分和说明已保存")))
			.andExpect(content().string(containsString("制度.pdf")))
			.andExpect(content().string(containsString("制度已修订")));
		SelfAssessmentView view = selfAssessments.view(setup.clinic(), setup.selfAssessmentId());
		assertThat(view.overall().answered()).isEqualTo(2);
	}

	@Test
	void theClinicsHomeListsOnlyWhatIsStillToDoAndEarlierSelfAssessmentsApart() throws Exception {
		Setup setup = fixtures.open("330102");
		String cycleName = jdbc.queryForObject("select name from evaluation_cycle where id = ?", String.class,
				setup.cycleId());
		mvc.perform(get("/clinic").with(as(setup.clinic())))
			.andExpect(content().string(containsString(cycleName)))
			.andExpect(content().string(not(containsString("past-self-assessments"))));
		cycles.advance(SelfAssessmentFixtures.REGULATOR, setup.cycleId(), cn.meizhi.cycle.CycleStatus.INSPECTING);
		String home = mvc.perform(get("/clinic").with(as(setup.clinic())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String toDo = home.substring(home.indexOf("id=\"tasks\""), home.indexOf("id=\"past-self-assessments\""));
		assertThat(toDo).doesNotContain(cycleName).contains("目前没有待完成的自评或整改事项");
		assertThat(home.substring(home.indexOf("id=\"past-self-assessments\""))).contains(cycleName);
	}

	@Test
	void badValuesAreExplainedAndWhatWasTypedIsKept() throws Exception {
		Setup setup = fixtures.open("330102");
		long i11 = fixtures.indicator("1.1");
		mvc.perform(post("/clinic/self-assessments/" + setup.selfAssessmentId() + "/sections/S1").with(csrf())
			.with(as(setup.clinic()))
			.param("lockVersion", lockVersion(setup))
			.param("values[" + i11 + "]", "4.3")
			.param("comments[" + i11 + "]", "我写的说明"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("条款 1.1 的分数须为 0.5 的整数倍")))
			.andExpect(content().string(containsString("我写的说明")));
	}

	@Test
	void aNulCharacterIsRefusedWithTheFieldNamedAndWhatWasTypedShownAndNothingSaved() throws Exception {
		Setup setup = fixtures.open("330102");
		long i11 = fixtures.indicator("1.1");
		long i12 = fixtures.indicator("1.2");
		mvc.perform(post("/clinic/self-assessments/" + setup.selfAssessmentId() + "/sections/S1").with(csrf())
			.with(as(setup.clinic()))
			.param("lockVersion", lockVersion(setup))
			.param("values[" + i11 + "]", "4.5")
			.param("comments[" + i11 + "]", "整段说明\u0000第二句")
			.param("values[" + i12 + "]", "3"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("「说明」中含有无法保存的字符")))
			.andExpect(content().string(containsString("整段说明\u2400第二句")));
		assertThat(selfAssessments.view(setup.clinic(), setup.selfAssessmentId()).overall().answered()).isZero();
	}

	@Test
	void aStaleSaveShowsAConflictAndKeepsWhatWasTyped() throws Exception {
		Setup setup = fixtures.open("330102");
		long i11 = fixtures.indicator("1.1");
		String stale = lockVersion(setup);
		selfAssessments.saveSection(setup.clinic(), setup.selfAssessmentId(), "S1",
				fixtures.answers(setup, Map.of("1.1", "5")), Map.of());
		mvc.perform(post("/clinic/self-assessments/" + setup.selfAssessmentId() + "/sections/S1").with(csrf())
			.with(as(setup.clinic()))
			.param("lockVersion", stale)
			.param("values[" + i11 + "]", "2")
			.param("comments[" + i11 + "]", "同事之外我的说明"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("其他同事已修改")))
			.andExpect(content().string(containsString("同事之外我的说明")));
		assertThat(selfAssessments.view(setup.clinic(), setup.selfAssessmentId()).overall().answered()).isOne();
	}

	@Test
	void submittingAnIncompleteSelfAssessmentListsWhatIsMissing() throws Exception {
		Setup setup = fixtures.open("330102");
		mvc.perform(post("/clinic/self-assessments/" + setup.selfAssessmentId() + "/submit").with(csrf())
			.with(as(setup.clinic())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("条款 1.1 尚未作答")))
			.andExpect(content().string(containsString("条款 2.1 尚未作答")));
		fixtures.complete(setup);
		mvc.perform(post("/clinic/self-assessments/" + setup.selfAssessmentId() + "/submit").with(csrf())
			.with(as(setup.clinic()))).andExpect(redirectedUrl("/clinic/self-assessments/" + setup.selfAssessmentId()));
	}

	@Test
	void evidenceDownloadsAreAttachmentsThatBrowsersMayNotSniff() throws Exception {
		Setup setup = fixtures.open("330102");
		long fileId = upload(setup);
		mvc.perform(get("/clinic/self-assessments/" + setup.selfAssessmentId() + "/evidence/" + fileId)
			.with(as(setup.clinic())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Type", "application/pdf"));
		mvc.perform(get("/regulator/self-assessments/" + setup.selfAssessmentId() + "/evidence/" + fileId)
			.with(as(Fixtures.regulator("330102")))).andExpect(status().isOk());
	}

	@Test
	void guessedIdsAnswer404ForPagesSavesAndDownloads() throws Exception {
		Setup setup = fixtures.open("330102");
		Setup other = fixtures.open("330102");
		long fileId = upload(setup);
		String id = String.valueOf(setup.selfAssessmentId());
		CurrentUser intruder = other.clinic();
		mvc.perform(get("/clinic/self-assessments/" + id).with(as(intruder))).andExpect(status().isNotFound());
		mvc.perform(get("/clinic/self-assessments/" + id + "/sections/S1").with(as(intruder)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/clinic/self-assessments/" + id + "/sections/S1").with(csrf())
			.with(as(intruder))
			.param("lockVersion", "0")).andExpect(status().isNotFound());
		mvc.perform(post("/clinic/self-assessments/" + id + "/submit").with(csrf()).with(as(intruder)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/clinic/self-assessments/" + id + "/evidence/" + fileId).with(as(intruder)))
			.andExpect(status().isNotFound());
		mvc.perform(
				get("/clinic/self-assessments/" + other.selfAssessmentId() + "/evidence/" + fileId).with(as(intruder)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/clinic/self-assessments/" + id + "/evidence/" + fileId + "/delete").with(csrf())
			.with(as(intruder))).andExpect(status().isNotFound());
		mvc.perform(get("/clinic/cycles/" + setup.cycleId() + "/self-assessment")
			.with(as(Fixtures.clinic(fixtures.open("330106").institution().getId())))).andExpect(status().isNotFound());

		CurrentUser xihu = Fixtures.regulator("330106");
		mvc.perform(get("/regulator/self-assessments/" + id).with(as(xihu))).andExpect(status().isNotFound());
		mvc.perform(
				post("/regulator/self-assessments/" + id + "/return").with(csrf()).with(as(xihu)).param("reason", "越权"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/regulator/self-assessments/" + id + "/evidence/" + fileId).with(as(xihu)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/regulator/cycles/" + setup.cycleId()).with(as(xihu))).andExpect(status().isNotFound());
		assertThat(jdbc.queryForObject("select count(*) from evidence_file where id = ?", Long.class, fileId)).isOne();
	}

	@Test
	void theRegulatorSeesProgressReadsTheSelfAssessmentAndReturnsIt() throws Exception {
		Setup setup = fixtures.open("330102");
		fixtures.complete(setup);
		selfAssessments.submit(setup.clinic(), setup.selfAssessmentId());
		CurrentUser regulator = Fixtures.regulator("330102");
		mvc.perform(get("/regulator/cycles/" + setup.cycleId()).with(as(regulator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(setup.institution().getName())))
			.andExpect(content().string(containsString("已提交")));
		mvc.perform(get("/regulator/cycles/" + setup.cycleId()).param("state", "NOT_STARTED").with(as(regulator)))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(setup.institution().getName()))));
		mvc.perform(get("/regulator/self-assessments/" + setup.selfAssessmentId()).with(as(regulator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("退回机构修改")));
		mvc.perform(post("/regulator/self-assessments/" + setup.selfAssessmentId() + "/return").with(csrf())
			.with(as(regulator))
			.param("reason", "请补充佐证材料")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/clinic/self-assessments/" + setup.selfAssessmentId()).with(as(setup.clinic())))
			.andExpect(content().string(containsString("请补充佐证材料")));
		byte[] scores = mvc.perform(get("/regulator/cycles/" + setup.cycleId() + "/scores.csv").with(as(regulator)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String csv = new String(scores, java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF").contains(setup.institution().getName()).contains("条款2.1");
	}

	private long upload(Setup setup) {
		selfAssessments.saveSection(setup.clinic(), setup.selfAssessmentId(), "S1", fixtures.answers(setup, Map.of()),
				Map.of(fixtures.indicator("1.1"), List.of(new Upload("制度.pdf", SelfAssessmentFixtures.PDF))));
		return jdbc.queryForObject("select max(id) from evidence_file where self_assessment_id = ?", Long.class,
				setup.selfAssessmentId());
	}

	private String lockVersion(Setup setup) {
		return String
			.valueOf(selfAssessments.view(setup.clinic(), setup.selfAssessmentId()).assessment().getLockVersion());
	}

	private static RequestPostProcessor as(CurrentUser user) {
		return user(Fixtures.principal(user));
	}

}
