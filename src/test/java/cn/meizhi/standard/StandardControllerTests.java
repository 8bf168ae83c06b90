package cn.meizhi.standard;

import cn.meizhi.shared.CurrentUser;
import cn.meizhi.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class StandardControllerTests {

	static final CurrentUser AUTHOR = Fixtures.regulator("330102");

	@Autowired
	MockMvc mvc;

	@Autowired
	StandardManagement standards;

	@Autowired
	StandardAuthoring authoring;

	@Test
	void aRegulatorCreatesAStandardAndGetsItsDraft() throws Exception {
		String name = Fixtures.unique("杭州市测试标准");
		mvc.perform(post("/regulator/standards").with(csrf())
			.with(as(AUTHOR))
			.param("name", name)
			.param("nameEn", "Test")
			.param("versionLabel", "2026 试行版")).andExpect(redirectedUrlPattern("/regulator/standards/versions/*"));
		mvc.perform(post("/regulator/standards").with(csrf())
			.with(as(AUTHOR))
			.param("name", name)
			.param("nameEn", "Test")
			.param("versionLabel", "v2"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "name", "standard.name.taken"));
	}

	@Test
	void badRulesAreExplainedAndKept() throws Exception {
		StandardVersion draft = authoring.createStandard(AUTHOR, StandardManagementTests.standardForm());
		mvc.perform(post("/regulator/standards/versions/" + draft.getId() + "/rules").with(csrf())
			.with(as(AUTHOR))
			.param("lockVersion", String.valueOf(draft.getLockVersion()))
			.param("star1", "60")
			.param("star2", "75")
			.param("star3", "72")
			.param("star4", "88")
			.param("star5", "abc")
			.param("coreFailureCap", "2")
			.param("sectionMinimumPercent", "70")
			.param("appealWindowDays", "15")
			.param("validityMonths", "36")
			.param("correctiveActionDueDays", "30"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("rulesForm", "star5", "typeMismatch"))
			.andExpect(content().string(containsString("value=\"abc\"")))
			.andExpect(content().string(containsString("请输入数字")));
		mvc.perform(post("/regulator/standards/versions/" + draft.getId() + "/rules").with(csrf())
			.with(as(AUTHOR))
			.param("lockVersion", String.valueOf(draft.getLockVersion()))
			.param("star1", "60")
			.param("star2", "75")
			.param("star3", "72")
			.param("star4", "88")
			.param("star5", "94")
			.param("coreFailureCap", "2")
			.param("sectionMinimumPercent", "70")
			.param("appealWindowDays", "15")
			.param("validityMonths", "36")
			.param("correctiveActionDueDays", "30"))
			.andExpect(model().attributeHasFieldErrorCode("rulesForm", "star3", "standard.rules.thresholdsIncreasing"))
			.andExpect(content().string(containsString("3 星分数线必须高于 2 星分数线")));
	}

	@Test
	void aPublishedVersionRefusesChangesOverHttpAndOffersANewDraft() throws Exception {
		StandardVersion version = publishedVersion();
		mvc.perform(get("/regulator/standards/versions/" + version.getId()).with(as(AUTHOR)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("内容不可再修改")))
			.andExpect(content().string(containsString("从此版本新建草稿")))
			.andExpect(content().string(not(containsString("id=\"rules-form\""))))
			.andExpect(content().string(not(containsString("id=\"section-form\""))));
		mvc.perform(post("/regulator/standards/versions/" + version.getId() + "/sections").with(csrf())
			.with(as(AUTHOR))
			.param("code", "S9")
			.param("name", "新部分")
			.param("nameEn", "New")
			.param("position", "9")
			.param("weight", "5")).andExpect(status().isConflict());
		long indicatorId = standards.version(AUTHOR, version.getId())
			.getSections()
			.get(0)
			.getIndicators()
			.get(0)
			.getId();
		mvc.perform(post("/regulator/standards/indicators/" + indicatorId + "/delete").with(csrf()).with(as(AUTHOR)))
			.andExpect(status().isConflict());
		assertThat(standards.version(AUTHOR, version.getId()).getIndicatorCount()).isEqualTo(1);
		mvc.perform(post("/regulator/standards/versions/" + version.getId() + "/drafts").with(csrf()).with(as(AUTHOR)))
			.andExpect(redirectedUrlPattern("/regulator/standards/versions/*"));
	}

	@Test
	void thePreviewShowsStarsAndReasons() throws Exception {
		StandardVersion version = publishedVersion();
		mvc.perform(get("/regulator/standards/versions/" + version.getId() + "/preview").param("total", "91")
			.param("section.S1", "65")
			.with(as(AUTHOR)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("总分达到 4 星分数线")))
			.andExpect(content().string(containsString("以下部分未达到：S1，因此评为 3 星")));
		mvc.perform(get("/regulator/standards/versions/" + version.getId() + "/preview").param("total", "150")
			.with(as(AUTHOR))).andExpect(content().string(containsString("请输入 0 到 100 之间的总分")));
		mvc.perform(get("/regulator/standards/versions/" + version.getId() + "/preview").param("total", "x")
			.with(as(AUTHOR))).andExpect(status().isBadRequest());
	}

	@Test
	void theImportListsProblemsAndImportsNothing() throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", "bad.json", "application/json",
				"{\"format\": \"other\"}".getBytes());
		mvc.perform(multipart("/regulator/standards/import").file(file).with(csrf()).with(as(AUTHOR)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("文件格式应为“meizhi-standard/1”")));
	}

	@Test
	void everyoneReadsPublishedVersionsButNeverDrafts() throws Exception {
		StandardVersion published = publishedVersion();
		StandardVersion draft = authoring.createStandard(AUTHOR, StandardManagementTests.standardForm());
		mvc.perform(get("/standards"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(published.getStandard().getName())))
			.andExpect(content().string(not(containsString(draft.getStandard().getName()))));
		mvc.perform(get("/standards/" + published.getId()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("执业许可证在有效期内")))
			.andExpect(content().string(containsString("★ 核心")))
			.andExpect(content().string(containsString("评星规则")));
		mvc.perform(get("/standards/" + published.getId()).param("lang", "en"))
			.andExpect(content().string(containsString("Licence is valid")))
			.andExpect(content().string(containsString("Rating rules")));
		mvc.perform(get("/standards/" + published.getId() + "/export.json"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"format\" : \"meizhi-standard/1\"")));
		mvc.perform(get("/standards/" + draft.getId())).andExpect(status().isNotFound());
		mvc.perform(get("/standards/" + draft.getId() + "/export.json")).andExpect(status().isNotFound());
		authoring.retire(AUTHOR, published.getId());
		mvc.perform(get("/standards/" + published.getId()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已废止")));
	}

	@Test
	void onlyRegulatorsAndAdminsReachAuthoring() throws Exception {
		StandardVersion draft = authoring.createStandard(AUTHOR, StandardManagementTests.standardForm());
		String url = "/regulator/standards/versions/" + draft.getId();
		mvc.perform(get(url).with(as(Fixtures.admin()))).andExpect(status().isOk());
		mvc.perform(get(url).with(as(Fixtures.regulator("440303")))).andExpect(status().isOk());
		mvc.perform(get(url).with(as(Fixtures.assessor()))).andExpect(status().isForbidden());
		mvc.perform(get(url).with(as(Fixtures.clinic(1)))).andExpect(status().isForbidden());
		mvc.perform(get(url)).andExpect(status().is3xxRedirection());
		mvc.perform(post(url + "/publish").with(as(Fixtures.clinic(1)))).andExpect(status().isForbidden());
	}

	private StandardVersion publishedVersion() {
		StandardVersion draft = authoring.createStandard(AUTHOR, StandardManagementTests.standardForm());
		StandardSection section = authoring.addSection(AUTHOR, draft.getId(),
				StandardManagementTests.sectionForm("S1"));
		authoring.addIndicator(AUTHOR, draft.getId(), StandardManagementTests.indicatorForm(section.getId(), "1.1"));
		authoring.publish(AUTHOR, draft.getId());
		return standards.version(AUTHOR, draft.getId());
	}

	private static RequestPostProcessor as(CurrentUser user) {
		return user(Fixtures.principal(user));
	}

}
