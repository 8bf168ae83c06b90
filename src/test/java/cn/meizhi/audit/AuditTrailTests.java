package cn.meizhi.audit;

import cn.meizhi.inspection.InspectionFixtures;
import cn.meizhi.institution.Institution;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionStatus;
import cn.meizhi.rating.Rating;
import cn.meizhi.rating.RatingFixtures;
import cn.meizhi.rating.Ratings;
import cn.meizhi.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class AuditTrailTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	InstitutionManagement institutions;

	@Autowired
	InspectionFixtures inspections;

	@Autowired
	RatingFixtures ratingFixtures;

	@Autowired
	Ratings ratings;

	@Test
	void theDatabaseRefusesToChangeOrDeleteAuditEntries() {
		fixtures.institution("330102");
		long id = jdbc.queryForObject("select max(id) from audit_event", Long.class);
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> jdbc.update("update audit_event set actor = 'someone else' where id = ?", id))
			.withMessageContaining("append-only");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> jdbc.update("delete from audit_event where id = ?", id))
			.withMessageContaining("append-only");
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> jdbc.execute("truncate audit_event"))
			.withMessageContaining("append-only");
	}

	@Test
	void everyRegistrationRecordsWhoWhenAndWhat() {
		Institution institution = fixtures.institution("330102");
		var row = jdbc.queryForMap("select * from audit_event where object_type = 'Institution' and object_id = ?",
				String.valueOf(institution.getId()));
		assertThat(row.get("action")).isEqualTo("INSTITUTION_REGISTERED");
		assertThat(row.get("actor")).isEqualTo("regulator-330000");
		assertThat(row.get("actor_role")).isEqualTo("REGULATOR");
		assertThat(row.get("region_code")).isEqualTo("330102");
		assertThat(row.get("summary")).isEqualTo(institution.getName());
		assertThat(row.get("occurred_at")).isNotNull();
	}

	@Test
	void regulatorsSeeTheTrailOfTheirJurisdictionAndAdminsSeeAll() throws Exception {
		Institution hangzhou = fixtures.institution("330102");
		Institution shenzhen = fixtures.institution("440303");
		mvc.perform(get("/regulator/audit").param("objectType", "Institution")
			.param("objectId", String.valueOf(shenzhen.getId()))
			.with(user(Fixtures.principal(Fixtures.regulator("330100")))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(shenzhen.getName()))));
		mvc.perform(get("/regulator/audit").param("objectType", "Institution")
			.param("objectId", String.valueOf(hangzhou.getId()))
			.with(user(Fixtures.principal(Fixtures.regulator("330100")))))
			.andExpect(content().string(containsString(hangzhou.getName())))
			.andExpect(content().string(containsString("登记机构")));
		mvc.perform(get("/admin/audit").param("objectId", String.valueOf(shenzhen.getId()))
			.with(user(Fixtures.principal(Fixtures.admin()))))
			.andExpect(content().string(containsString(shenzhen.getName())));
	}

	@Test
	void theTrailSpeaksTheReadersLanguageActionsObjectsValuesReasonsAndPeopleByName() throws Exception {
		Institution institution = fixtures.institution("330102");
		institutions.changeStatus(Fixtures.regulator("330100"), institution.getId(), InstitutionStatus.SUSPENDED,
				"停业整顿");
		Rating rating = ratingFixtures.published(inspections.submitted());
		ratings.suspend(ratingFixtures.regulator(), rating.getId(), "投诉调查中");
		mvc.perform(post("/login").with(csrf())
			.param("username", "nobody-" + institution.getId())
			.param("password", "wrong"));

		String page = trail("objectType", "Institution", "objectId", String.valueOf(institution.getId()))
				+ trail("objectType", "Rating", "objectId", String.valueOf(rating.getId()))
				+ trail("action", "LOGIN_FAILED");
		assertThat(page).contains("变更执业状态", "正常执业", "暂停执业", "停业整顿")
			.contains("暂停评定", "星级评定", "已发布", "已暂停", "投诉调查中")
			.contains("登录失败", "用户名或密码错误", "未登录，尝试的用户名")
			.contains("Regulator 330100")
			.doesNotContain("BadCredentialsException", "Institution #", "UserAccount", ">PUBLISHED<", ">SUSPENDED<");
		String english = trail("action", "LOGIN_FAILED", "lang", "en") + trail("objectType", "Rating", "lang", "en");
		assertThat(english).contains("wrong user name or password", "Rating");
	}

	private String trail(String... parameters) throws Exception {
		var request = get("/admin/audit").with(user(Fixtures.principal(Fixtures.admin())));
		for (int i = 0; i < parameters.length; i += 2) {
			request.param(parameters[i], parameters[i + 1]);
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void badFiltersAnswer400NotAServerError() throws Exception {
		mvc.perform(get("/regulator/audit").param("from", "yesterday")
			.with(user(Fixtures.principal(Fixtures.regulator("330100"))))).andExpect(status().isBadRequest());
	}

}
