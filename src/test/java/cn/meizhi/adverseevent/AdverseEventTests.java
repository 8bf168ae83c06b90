package cn.meizhi.adverseevent;

import cn.meizhi.institution.Institution;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Adverse events: a clinic reports, a severe one alerts the regulator until reviewed,
 * other districts and other clinics see nothing, the public never sees one.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AdverseEventTests {

	/** A district of its own, so that the regulator's alert counts only this test's. */
	static final String DISTRICT = "330109";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AdverseEvents events;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aSevereEventAlertsTheRegulatorUntilReviewedAndTheReviewIsAudited() throws Exception {
		Institution clinic = fixtures.institution(DISTRICT);
		CurrentUser regulator = Fixtures.regulator(DISTRICT);
		long before = events.severeUnreviewed(regulator);
		mvc.perform(report(clinic.getId(), "II")).andExpect(redirectedUrl("/clinic/adverse-events"));
		mvc.perform(report(clinic.getId(), "IV")).andExpect(redirectedUrl("/clinic/adverse-events"));
		assertThat(events.severeUnreviewed(regulator)).isEqualTo(before + 1);
		mvc.perform(get("/regulator").with(as(regulator)))
			.andExpect(content().string(containsString("严重不良事件（I、II 级）待审阅")));
		long id = jdbc.queryForObject("select id from adverse_event where institution_id = ? and severity = 'II'",
				Long.class, clinic.getId());
		mvc.perform(get("/regulator/adverse-events").with(as(regulator)))
			.andExpect(content().string(containsString(clinic.getName())))
			.andExpect(content().string(containsString("隆鼻术")));
		mvc.perform(post("/regulator/adverse-events/" + id + "/review").with(csrf()).with(as(regulator)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请填写审阅意见")));
		mvc.perform(post("/regulator/adverse-events/" + id + "/review").with(csrf())
			.with(as(regulator))
			.param("note", "已电话核实，要求机构完善术前评估。")
			.param("flagInspection", "true")).andExpect(redirectedUrl("/regulator/adverse-events/" + id));
		assertThat(events.severeUnreviewed(regulator)).isEqualTo(before);
		mvc.perform(post("/regulator/adverse-events/" + id + "/review").with(csrf())
			.with(as(regulator))
			.param("note", "再审"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("该报告已审阅")));
		assertThat(jdbc.queryForList(
				"select action from audit_event where object_type = 'AdverseEvent' and object_id = ? order by id",
				String.class, String.valueOf(id)))
			.containsExactly("ADVERSE_EVENT_REPORTED", "ADVERSE_EVENT_REVIEWED");
		mvc.perform(get("/institutions/" + clinic.getId())).andExpect(content().string(not(containsString("隆鼻术"))));
		mvc.perform(get("/api/public/institutions/" + clinic.getId()))
			.andExpect(content().string(not(containsString("隆鼻术"))));
	}

	@Test
	void badReportsAreRefusedFieldByFieldAndKeepWhatWasTyped() throws Exception {
		Institution clinic = fixtures.institution(DISTRICT);
		long before = count(clinic);
		mvc.perform(post("/clinic/adverse-events/new").with(csrf())
			.with(as(Fixtures.clinic(clinic.getId())))
			.param("occurredOn", "2099-01-01")
			.param("procedureName", "吸脂术")
			.param("surgeryLevel", "7")
			.param("description", "<b>术中出血</b>"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("发生日期不能晚于今天")))
			.andExpect(content().string(containsString("手术分级为一至四级")))
			.andExpect(content().string(containsString("请选择事件分级")))
			.andExpect(content().string(containsString("请填写已采取的措施")))
			.andExpect(content().string(containsString("&lt;b&gt;术中出血&lt;/b&gt;")))
			.andExpect(content().string(containsString("value=\"吸脂术\"")));
		assertThat(count(clinic)).isEqualTo(before);
	}

	@Test
	void otherDistrictsAndOtherClinicsSeeNothing() throws Exception {
		Institution clinic = fixtures.institution(DISTRICT);
		Institution other = fixtures.institution(DISTRICT);
		mvc.perform(report(clinic.getId(), "I")).andExpect(redirectedUrl("/clinic/adverse-events"));
		long id = jdbc.queryForObject("select max(id) from adverse_event where institution_id = ?", Long.class,
				clinic.getId());
		mvc.perform(get("/regulator/adverse-events/" + id).with(as(Fixtures.regulator("330106"))))
			.andExpect(status().isNotFound());
		mvc.perform(post("/regulator/adverse-events/" + id + "/review").with(csrf())
			.with(as(Fixtures.regulator("330106")))
			.param("note", "越权")).andExpect(status().isNotFound());
		mvc.perform(get("/regulator/adverse-events").with(as(Fixtures.regulator("330106"))))
			.andExpect(content().string(not(containsString(clinic.getName()))));
		mvc.perform(get("/clinic/adverse-events").with(as(Fixtures.clinic(other.getId()))))
			.andExpect(content().string(not(containsString("隆鼻术"))));
		mvc.perform(get("/clinic/adverse-events").with(as(Fixtures.clinic(clinic.getId()))))
			.andExpect(content().string(containsString("隆鼻术")));
		mvc.perform(get("/regulator/adverse-events/" + id).with(as(Fixtures.clinic(clinic.getId()))))
			.andExpect(status().isForbidden());
	}

	private long count(Institution clinic) {
		return jdbc.queryForObject("select count(*) from adverse_event where institution_id = ?", Long.class,
				clinic.getId());
	}

	private static MockHttpServletRequestBuilder report(long institutionId, String severity) {
		return post("/clinic/adverse-events/new").with(csrf())
			.with(as(Fixtures.clinic(institutionId)))
			.param("occurredOn", "2026-11-02")
			.param("procedureName", "隆鼻术")
			.param("surgeryLevel", "3")
			.param("severity", severity)
			.param("description", "术后第二天鼻背红肿，伴发热。")
			.param("actionsTaken", "取出假体，抗感染治疗。")
			.param("patientOutcome", "RECOVERING");
	}

	private static RequestPostProcessor as(CurrentUser user) {
		return user(Fixtures.principal(user));
	}

}
