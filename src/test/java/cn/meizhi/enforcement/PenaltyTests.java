package cn.meizhi.enforcement;

import cn.meizhi.institution.Institution;
import cn.meizhi.institution.InstitutionStatus;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The enforcement record: recording penalties, what the public sees of them, and an order
 * to stop practising changing the institution's status through the register's rules.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PenaltyTests {

	static final String DISTRICT = "330102";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aFineIsRecordedShownOnTheProfileAndInTheApiAndAudited() throws Exception {
		Institution clinic = fixtures.institution(DISTRICT);
		String number = Fixtures.unique("杭上卫医罚〔2026〕");
		mvc.perform(penalty(clinic.getId(), number, "FINE").param("fineYuan", "30000"))
			.andExpect(redirectedUrl("/regulator/penalties"));
		mvc.perform(get("/institutions/" + clinic.getId()))
			.andExpect(content().string(containsString(number)))
			.andExpect(content().string(containsString("罚款 30,000.00 元")))
			.andExpect(content().string(containsString("未按规定开展医疗美容项目")));
		mvc.perform(get("/api/public/institutions/" + clinic.getId()))
			.andExpect(jsonPath("$.penalties[0].decisionNumber").value(number))
			.andExpect(jsonPath("$.penalties[0].measure").value("FINE"))
			.andExpect(jsonPath("$.penalties[0].fineYuan").value(30000));
		assertThat(jdbc.queryForObject("select status from institution where id = ?", String.class, clinic.getId()))
			.isEqualTo("ACTIVE");
		assertThat(jdbc.queryForList("select action from audit_event where object_type = 'Penalty' and summary like ?",
				String.class, number + "%"))
			.containsExactly("PENALTY_RECORDED");
	}

	@Test
	void anOrderToStopPractisingSuspendsTheInstitutionAndARevokedLicenceClosesIt() throws Exception {
		Institution clinic = fixtures.institution(DISTRICT);
		mvc.perform(penalty(clinic.getId(), Fixtures.unique("停业"), "SUSPENSION_ORDER"))
			.andExpect(redirectedUrl("/regulator/penalties"));
		assertThat(statusOf(clinic)).isEqualTo(InstitutionStatus.SUSPENDED);
		mvc.perform(penalty(clinic.getId(), Fixtures.unique("吊销"), "LICENCE_REVOKED"))
			.andExpect(redirectedUrl("/regulator/penalties"));
		assertThat(statusOf(clinic)).isEqualTo(InstitutionStatus.CLOSED);
		// a closed institution stays closed whatever is recorded after
		mvc.perform(penalty(clinic.getId(), Fixtures.unique("再罚"), "SUSPENSION_ORDER"))
			.andExpect(redirectedUrl("/regulator/penalties"));
		assertThat(statusOf(clinic)).isEqualTo(InstitutionStatus.CLOSED);
		assertThat(jdbc.queryForList(
				"select action from audit_event where object_type = 'Institution' and object_id = ? order by id",
				String.class, String.valueOf(clinic.getId())))
			.containsSubsequence("INSTITUTION_STATUS_CHANGED", "INSTITUTION_STATUS_CHANGED");
	}

	@Test
	void badInputIsRefusedFieldByFieldAndWhatWasTypedStays() throws Exception {
		Institution clinic = fixtures.institution(DISTRICT);
		String number = Fixtures.unique("文号");
		mvc.perform(
				penalty(clinic.getId(), number, "FINE", "2099-01-01").param("publicationUrl", "javascript:alert(1)"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("罚款须填写大于 0 的金额")))
			.andExpect(content().string(containsString("决定日期不能晚于今天")))
			.andExpect(content().string(containsString("请填写以 http:// 或 https:// 开头的网址")))
			.andExpect(content().string(containsString(number)));
		mvc.perform(penalty(clinic.getId(), number, "WARNING")).andExpect(redirectedUrl("/regulator/penalties"));
		mvc.perform(penalty(clinic.getId(), number, "WARNING"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("该文号已有记录")));
		mvc.perform(post("/regulator/penalties/new").with(csrf())
			.with(as(Fixtures.regulator(DISTRICT)))
			.param("institutionId", String.valueOf(clinic.getId()))
			.param("fineYuan", "lots"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请填写处罚决定书文号")));
		assertThat(jdbc.queryForObject("select count(*) from penalty where institution_id = ?", Long.class,
				clinic.getId()))
			.isEqualTo(1);
	}

	@Test
	void aRegulatorOfAnotherDistrictCannotRecordOrSeeAndOldPenaltiesLeaveThePublicProfile() throws Exception {
		Institution clinic = fixtures.institution(DISTRICT);
		mvc.perform(penalty(clinic.getId(), Fixtures.unique("越权"), "WARNING").with(as(Fixtures.regulator("330106"))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/regulator/penalties/new").param("institution", String.valueOf(clinic.getId()))
			.with(as(Fixtures.regulator("330106")))).andExpect(status().isNotFound());
		String old = Fixtures.unique("旧罚");
		mvc.perform(penalty(clinic.getId(), old, "WARNING", "2020-01-10"))
			.andExpect(redirectedUrl("/regulator/penalties"));
		mvc.perform(get("/institutions/" + clinic.getId())).andExpect(content().string(not(containsString(old))));
		mvc.perform(get("/regulator/penalties").with(as(Fixtures.regulator(DISTRICT))))
			.andExpect(content().string(containsString(old)));
		mvc.perform(get("/regulator/penalties").with(as(Fixtures.regulator("330106"))))
			.andExpect(content().string(not(containsString(old))));
	}

	private InstitutionStatus statusOf(Institution institution) {
		return InstitutionStatus.valueOf(
				jdbc.queryForObject("select status from institution where id = ?", String.class, institution.getId()));
	}

	private static MockHttpServletRequestBuilder penalty(long institutionId, String number, String measure) {
		return penalty(institutionId, number, measure, "2026-11-20");
	}

	private static MockHttpServletRequestBuilder penalty(long institutionId, String number, String measure,
			String decidedOn) {
		return post("/regulator/penalties/new").with(csrf())
			.with(as(Fixtures.regulator(DISTRICT)))
			.param("institutionId", String.valueOf(institutionId))
			.param("decisionNumber", number)
			.param("decidedOn", decidedOn)
			.param("measure", measure)
			.param("legalBasis", "《医疗美容服务管理办法》第二十八条")
			.param("finding", "未按规定开展医疗美容项目，超出登记的诊疗科目范围。");
	}

	private static RequestPostProcessor as(CurrentUser user) {
		return user(Fixtures.principal(user));
	}

}
