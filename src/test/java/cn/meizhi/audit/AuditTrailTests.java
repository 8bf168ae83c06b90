package cn.meizhi.audit;

import java.time.LocalDate;

import cn.meizhi.inspection.InspectionFixtures;
import cn.meizhi.institution.Institution;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionStatus;
import cn.meizhi.rating.Rating;
import cn.meizhi.rating.RatingFixtures;
import cn.meizhi.rating.Ratings;
import cn.meizhi.audit.internal.AuditEntry;
import cn.meizhi.audit.internal.AuditTrail;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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

	@Autowired
	AuditTrail trail;

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
	void theTrailListsNewestFirstFiltersAndCountsUpToItsCap() throws Exception {
		String actor = Fixtures.unique("bulk-");
		// a thousand and one entries of one clinic account in one district, a minute
		// apart,
		// on 31 December 2025 (Beijing time), the first the newest
		jdbc.update("""
				insert into audit_event (occurred_at, actor, actor_role, action, object_type, object_id, region_code,
				                         summary)
				select timestamptz '2026-01-01 00:00+08' - n * interval '1 minute', ?, 'CLINIC',
				       case when n % 2 = 0 then 'SELF_ASSESSMENT_SAVED' else 'SELF_ASSESSMENT_SUBMITTED' end,
				       'SelfAssessment', n::text, '500156', 'entry ' || n
				from generate_series(1, 1001) n""", actor);
		CurrentUser wulong = Fixtures.regulator("500156");
		PageRequest newestFirst = PageRequest.of(0, 50, Sort.by(Sort.Direction.DESC, "occurredAt", "id"));
		var page = trail.search(wulong, new AuditTrail.Filter(null, actor, null, null, null, null), newestFirst);
		assertThat(page.getTotalElements()).isEqualTo(AuditTrail.COUNT_CAP);
		assertThat(page.getContent()).extracting(AuditEntry::getSummary).startsWith("entry 1", "entry 2", "entry 3");
		var lastPage = trail.search(wulong, new AuditTrail.Filter(null, actor, null, null, null, null),
				newestFirst.withPage(20));
		assertThat(lastPage.getContent()).extracting(AuditEntry::getSummary).containsExactly("entry 1001");
		assertThat(lastPage.getTotalElements()).isEqualTo(1001);
		// each filter narrows: the action, the object, the days
		assertThat(trail
			.search(wulong, new AuditTrail.Filter("SELF_ASSESSMENT_SUBMITTED", actor, null, null, null, null),
					newestFirst)
			.getTotalElements()).isEqualTo(501);
		assertThat(
				trail.search(wulong, new AuditTrail.Filter(null, actor, "SelfAssessment", "7", null, null), newestFirst)
					.getContent())
			.extracting(AuditEntry::getSummary)
			.containsExactly("entry 7");
		LocalDate newYearsEve = LocalDate.of(2025, 12, 31);
		assertThat(trail
			.search(wulong, new AuditTrail.Filter(null, actor, null, null, newYearsEve, newYearsEve), newestFirst)
			.getTotalElements()).isEqualTo(AuditTrail.COUNT_CAP);
		assertThat(trail
			.search(wulong, new AuditTrail.Filter(null, actor, null, null, null, newYearsEve.minusDays(1)), newestFirst)
			.getTotalElements()).isZero();
		// sorted by action, the newest first among equals
		var byAction = trail.search(wulong, new AuditTrail.Filter(null, actor, null, null, null, null),
				PageRequest.of(0, 2, Sort.by("action")));
		assertThat(byAction.getContent()).extracting(AuditEntry::getSummary).containsExactly("entry 2", "entry 4");
		// another jurisdiction reads none of it
		assertThat(trail
			.search(Fixtures.regulator("330100"), new AuditTrail.Filter(null, actor, null, null, null, null),
					newestFirst)
			.getTotalElements()).isZero();
		mvc.perform(get("/regulator/audit").param("actor", actor).with(user(Fixtures.principal(wulong))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("至少 1,000 条记录")));
		mvc.perform(get("/regulator/audit").param("actor", actor)
			.param("action", "SELF_ASSESSMENT_SAVED")
			.with(user(Fixtures.principal(wulong)))).andExpect(content().string(containsString("共 500 条记录")));
	}

	@Test
	void badFiltersAnswer400NotAServerError() throws Exception {
		mvc.perform(get("/regulator/audit").param("from", "yesterday")
			.with(user(Fixtures.principal(Fixtures.regulator("330100"))))).andExpect(status().isBadRequest());
	}

}
