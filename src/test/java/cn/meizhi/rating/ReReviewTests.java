package cn.meizhi.rating;

import java.time.LocalDate;

import cn.meizhi.cycle.CycleForm;
import cn.meizhi.cycle.CycleManagement;
import cn.meizhi.institution.Institution;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.support.Fixtures;
import cn.meizhi.support.StandardFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Re-review: a clinic applies early (one pending application at a time), the regulator of
 * the jurisdiction enrols it in an open cycle in one step or declines with a note;
 * another district sees nothing of it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReReviewTests {

	static final String DISTRICT = "330111";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CycleManagement cycles;

	@Autowired
	StandardFixtures standards;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aClinicAppliesAndTheRegulatorEnrolsItInAnOpenCycle() throws Exception {
		Institution clinic = fixtures.institution(DISTRICT);
		CurrentUser clinicUser = Fixtures.clinic(clinic.getId());
		CurrentUser regulator = Fixtures.regulator(DISTRICT);
		mvc.perform(post("/clinic/re-review").with(csrf()).with(as(clinicUser)).param("reason", "太短"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请写明申请理由，至少 10 个字")));
		mvc.perform(post("/clinic/re-review").with(csrf())
			.with(as(clinicUser))
			.param("reason", "上次评审的急救药品问题已整改，新增一间手术室并通过验收。")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/clinic/re-review").with(csrf()).with(as(clinicUser)).param("reason", "再申请一次，理由写得足够长。"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("已有一份待处理的复审申请")));
		mvc.perform(get("/regulator/re-reviews").with(as(Fixtures.regulator("330106"))))
			.andExpect(content().string(not(containsString(clinic.getName()))));
		mvc.perform(get("/regulator/re-reviews").with(as(regulator)))
			.andExpect(content().string(containsString(clinic.getName())))
			.andExpect(content().string(containsString("提前申请复审")));
		var form = new CycleForm();
		form.setName(Fixtures.unique("复审周期"));
		form.setJurisdictionCode(DISTRICT);
		form.setStandardVersionId(standards.publishedVersionId());
		form.setSelfAssessmentOpens(LocalDate.now());
		form.setSelfAssessmentCloses(LocalDate.now().plusDays(30));
		form.setInspectionStarts(LocalDate.now().plusDays(31));
		form.setInspectionEnds(LocalDate.now().plusDays(60));
		form.setEnrolAll(false);
		long cycleId = cycles.create(regulator, form).getId();
		mvc.perform(post("/regulator/re-reviews/enrol").with(csrf())
			.with(as(regulator))
			.param("cycleId", String.valueOf(cycleId))
			.param("institutionIds", String.valueOf(clinic.getId()))).andExpect(status().is3xxRedirection());
		assertThat(cycles.get(regulator, cycleId).enrolls(clinic.getId())).isTrue();
		assertThat(jdbc.queryForObject("select status from re_review_application where institution_id = ?",
				String.class, clinic.getId()))
			.isEqualTo("ENROLLED");
		mvc.perform(get("/clinic/re-review").with(as(clinicUser))).andExpect(content().string(containsString("已安排")));
	}

	@Test
	void theRegulatorDeclinesWithANoteAndAnotherDistrictCannot() throws Exception {
		Institution clinic = fixtures.institution(DISTRICT);
		CurrentUser clinicUser = Fixtures.clinic(clinic.getId());
		mvc.perform(post("/clinic/re-review").with(csrf()).with(as(clinicUser)).param("reason", "服务流程全面改进，申请提前复审。"))
			.andExpect(status().is3xxRedirection());
		long id = jdbc.queryForObject("select id from re_review_application where institution_id = ?", Long.class,
				clinic.getId());
		mvc.perform(post("/regulator/re-reviews/" + id + "/decline").with(csrf())
			.with(as(Fixtures.regulator("330106")))
			.param("note", "越权")).andExpect(status().isNotFound());
		mvc.perform(post("/regulator/re-reviews/" + id + "/decline").with(csrf())
			.with(as(Fixtures.regulator(DISTRICT)))
			.param("note", "整改验收尚未完成，下一周期再安排。")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/clinic/re-review").with(as(clinicUser)))
			.andExpect(content().string(containsString("监管部门说明：整改验收尚未完成")));
	}

	private static RequestPostProcessor as(CurrentUser user) {
		return user(Fixtures.principal(user));
	}

}
