package cn.meizhi.account;

import cn.meizhi.account.internal.MeizhiUserDetails;
import cn.meizhi.account.internal.UserAccount;
import cn.meizhi.institution.Institution;
import cn.meizhi.shared.Role;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class AccountAdministrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anAdminCreatesAUserWhoMustChooseTheirOwnPasswordAtFirstSignIn() throws Exception {
		String username = Fixtures.unique("reg-");
		mvc.perform(post("/admin/users/new").with(csrf())
			.with(user(Fixtures.principal(Fixtures.admin())))
			.param("username", username)
			.param("displayName", "新监管员")
			.param("role", "REGULATOR")
			.param("jurisdictionCode", "330102")
			.param("initialPassword", "temporary-pass-1")).andExpect(redirectedUrlPattern("/admin/users/*"));
		assertThat(
				jdbc.queryForObject("select count(*) from audit_event where action = 'ACCOUNT_CREATED' and summary = ?",
						Long.class, username))
			.isOne();

		jakarta.servlet.http.Cookie session = mvc.perform(formLogin().user(username).password("temporary-pass-1"))
			.andExpect(redirectedUrl("/home"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		mvc.perform(get("/regulator/institutions").cookie(session)).andExpect(redirectedUrl("/account/password"));
		mvc.perform(post("/account/password").with(csrf())
			.cookie(session)
			.param("currentPassword", "temporary-pass-1")
			.param("newPassword", "short")
			.param("confirmation", "short"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "newPassword", "account.password.tooShort"))
			.andExpect(content().string(not(containsString("temporary-pass-1"))));
		mvc.perform(post("/account/password").with(csrf())
			.cookie(session)
			.param("currentPassword", "temporary-pass-1")
			.param("newPassword", "my own long password")
			.param("confirmation", "my own long password")).andExpect(redirectedUrl("/home"));
		mvc.perform(get("/regulator/institutions").cookie(session)).andExpect(status().isOk());
		mvc.perform(formLogin().user(username).password("my own long password")).andExpect(redirectedUrl("/home"));
	}

	@Test
	void refusesBindingsThatDoNotFitTheRole() throws Exception {
		mvc.perform(post("/admin/users/new").with(csrf())
			.with(user(Fixtures.principal(Fixtures.admin())))
			.param("username", Fixtures.unique("reg-"))
			.param("displayName", "无辖区")
			.param("role", "REGULATOR")
			.param("initialPassword", "temporary-pass-1"))
			.andExpect(model().attributeHasFieldErrorCode("form", "jurisdictionCode", "account.jurisdiction.required"));
		mvc.perform(post("/admin/users/new").with(csrf())
			.with(user(Fixtures.principal(Fixtures.admin())))
			.param("username", Fixtures.unique("clinic-"))
			.param("displayName", "无机构")
			.param("role", "CLINIC")
			.param("institutionCreditCode", "91330100716105852F")
			.param("initialPassword", "abc"))
			.andExpect(
					model().attributeHasFieldErrorCode("form", "institutionCreditCode", "account.institution.unknown"))
			.andExpect(model().attributeHasFieldErrorCode("form", "initialPassword", "account.password.tooShort"));
		mvc.perform(post("/admin/users/new").with(csrf())
			.with(user(Fixtures.principal(Fixtures.admin())))
			.param("username", "Bad Name!")
			.param("displayName", "x")
			.param("role", "ASSESSOR")).andExpect(model().attributeHasFieldErrors("form", "username"));
	}

	@Test
	void aClinicUserIsBoundToTheInstitutionNamedByItsCreditCode() throws Exception {
		Institution institution = fixtures.institution("330102");
		String username = Fixtures.unique("clinic-");
		mvc.perform(post("/admin/users/new").with(csrf())
			.with(user(Fixtures.principal(Fixtures.admin())))
			.param("username", username)
			.param("displayName", "质控专员")
			.param("role", "CLINIC")
			.param("jurisdictionCode", "330102")
			.param("institutionCreditCode", institution.getCreditCode().toLowerCase())
			.param("initialPassword", "temporary-pass-1")).andExpect(status().is3xxRedirection());
		var row = jdbc.queryForMap("select institution_id, jurisdiction_code from user_account where username = ?",
				username);
		assertThat(row.get("institution_id")).isEqualTo(institution.getId());
		assertThat(row.get("jurisdiction_code")).isNull();
	}

	@Test
	void disablingAndResettingAreAuditedAndTakeEffect() throws Exception {
		UserAccount account = fixtures.account(Role.ASSESSOR, null, null);
		var admin = user(Fixtures.principal(Fixtures.admin()));
		mvc.perform(
				post("/admin/users/" + account.getId() + "/enabled").with(csrf()).with(admin).param("enabled", "false"))
			.andExpect(redirectedUrl("/admin/users/" + account.getId()));
		mvc.perform(formLogin().user(account.getUsername()).password(Fixtures.PASSWORD))
			.andExpect(redirectedUrl("/login?disabled"));
		mvc.perform(
				post("/admin/users/" + account.getId() + "/enabled").with(csrf()).with(admin).param("enabled", "true"));
		mvc.perform(post("/admin/users/" + account.getId() + "/password").with(csrf())
			.with(admin)
			.param("temporaryPassword", "reset-by-admin-1"));
		mvc.perform(formLogin().user(account.getUsername()).password(Fixtures.PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
		jakarta.servlet.http.Cookie session = mvc
			.perform(formLogin().user(account.getUsername()).password("reset-by-admin-1"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		mvc.perform(get("/assessor").cookie(session)).andExpect(redirectedUrl("/account/password"));
		assertThat(jdbc.queryForList(
				"select action from audit_event where object_type = 'UserAccount' and object_id = ?" + " order by id",
				String.class, String.valueOf(account.getId())))
			.contains("ACCOUNT_DISABLED", "ACCOUNT_ENABLED", "PASSWORD_RESET");
	}

	@Test
	void anAdminCannotDisableThemselvesOrDropTheirOwnAdminRole() throws Exception {
		UserAccount admin = fixtures.account(Role.ADMIN, null, null);
		var self = user(MeizhiUserDetails.of(admin.toCurrentUser()));
		mvc.perform(
				post("/admin/users/" + admin.getId() + "/enabled").with(csrf()).with(self).param("enabled", "false"));
		assertThat(jdbc.queryForObject("select enabled from user_account where id = ?", Boolean.class, admin.getId()))
			.isTrue();
		mvc.perform(post("/admin/users/" + admin.getId() + "/edit").with(csrf())
			.with(self)
			.param("version", String.valueOf(admin.getVersion()))
			.param("username", admin.getUsername())
			.param("displayName", "x")
			.param("role", "ASSESSOR"))
			.andExpect(model().attributeHasFieldErrorCode("form", "role", "account.role.ownAdmin"));
	}

	@Test
	void theEditFormNeitherAsksForAPasswordNorLetsTheUsernameChange() throws Exception {
		UserAccount account = fixtures.account(Role.ASSESSOR, null, null);
		String html = mvc
			.perform(get("/admin/users/" + account.getId() + "/edit").with(user(Fixtures.principal(Fixtures.admin()))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).doesNotContain("initialPassword").contains(account.getUsername());
		assertThat(html.split("name=\"username\"", -1)).hasSize(2);
	}

	@Test
	void anAdminsChangeEndsTheUsersOpenSessions() throws Exception {
		UserAccount account = fixtures.account(Role.REGULATOR, "330100", null);
		jakarta.servlet.http.Cookie session = mvc
			.perform(formLogin().user(account.getUsername()).password(Fixtures.PASSWORD))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		mvc.perform(get("/regulator/institutions").cookie(session)).andExpect(status().isOk());
		mvc.perform(post("/admin/users/" + account.getId() + "/edit").with(csrf())
			.with(user(Fixtures.principal(Fixtures.admin())))
			.param("version",
					String.valueOf(jdbc.queryForObject("select version from user_account where id = ?", Long.class,
							account.getId())))
			.param("username", account.getUsername())
			.param("displayName", account.getDisplayName())
			.param("role", "REGULATOR")
			.param("jurisdictionCode", "330102")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/regulator/institutions").cookie(session)).andExpect(redirectedUrl("/login?expired"));
		jakarta.servlet.http.Cookie again = mvc
			.perform(formLogin().user(account.getUsername()).password(Fixtures.PASSWORD))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		mvc.perform(get("/regulator/institutions").cookie(again)).andExpect(status().isOk());
		mvc.perform(post("/admin/users/" + account.getId() + "/enabled").with(csrf())
			.with(user(Fixtures.principal(Fixtures.admin())))
			.param("enabled", "false"));
		mvc.perform(get("/regulator/institutions").cookie(again)).andExpect(redirectedUrl("/login?expired"));
	}

	@Test
	void nonAdminsCannotReachAccountsEvenByGuessingIds() throws Exception {
		UserAccount account = fixtures.account(Role.ASSESSOR, null, null);
		mvc.perform(get("/admin/users/" + account.getId()).with(user(Fixtures.principal(Fixtures.regulator("330100")))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin/users/999999").with(user(Fixtures.principal(Fixtures.admin()))))
			.andExpect(status().isNotFound());
	}

}
