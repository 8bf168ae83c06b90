package cn.meizhi.account;

import java.time.Duration;
import java.time.Instant;

import cn.meizhi.account.internal.UserAccount;
import cn.meizhi.shared.Role;
import cn.meizhi.support.Fixtures;
import cn.meizhi.support.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class LoginLockoutTests {

	@TestConfiguration
	static class Clocks {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.parse("2026-03-01T02:00:00Z"));
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void fiveFailedSignInsLockTheAccountForFifteenMinutes() throws Exception {
		UserAccount account = fixtures.account(Role.REGULATOR, "330100", null);
		for (int i = 0; i < 5; i++) {
			mvc.perform(formLogin().user(account.getUsername()).password("wrong password " + i))
				.andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(formLogin().user(account.getUsername()).password(Fixtures.PASSWORD))
			.andExpect(redirectedUrl("/login?locked"));
		assertThat(actions(account)).containsSubsequence("LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED",
				"LOGIN_FAILED", "ACCOUNT_LOCKED");
		assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'LOGIN_FAILED' and summary = ?"
				+ " and client_ip is not null", Long.class, account.getUsername()))
			.isGreaterThanOrEqualTo(5);

		clock.advance(Duration.ofMinutes(14));
		mvc.perform(formLogin().user(account.getUsername()).password(Fixtures.PASSWORD))
			.andExpect(redirectedUrl("/login?locked"));
		clock.advance(Duration.ofMinutes(2));
		mvc.perform(formLogin().user(account.getUsername()).password(Fixtures.PASSWORD))
			.andExpect(redirectedUrl("/home"));
		assertThat(actions(account)).endsWith("LOGIN_SUCCEEDED");
	}

	@Test
	void aSuccessfulSignInResetsTheCount() throws Exception {
		UserAccount account = fixtures.account(Role.ASSESSOR, null, null);
		for (int i = 0; i < 4; i++) {
			mvc.perform(formLogin().user(account.getUsername()).password("wrong"));
		}
		mvc.perform(formLogin().user(account.getUsername()).password(Fixtures.PASSWORD))
			.andExpect(redirectedUrl("/home"));
		for (int i = 0; i < 4; i++) {
			mvc.perform(formLogin().user(account.getUsername()).password("wrong"));
		}
		mvc.perform(formLogin().user(account.getUsername()).password(Fixtures.PASSWORD))
			.andExpect(redirectedUrl("/home"));
	}

	@Test
	void unknownUsernamesAreAuditedWithoutRevealingAnything() throws Exception {
		String nobody = Fixtures.unique("nobody-");
		mvc.perform(formLogin().user(nobody).password("whatever")).andExpect(redirectedUrl("/login?error"));
		assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'LOGIN_FAILED' and summary = ?",
				Long.class, nobody))
			.isOne();
	}

	@Test
	void signInChangesTheSessionIdAndSignOutNeedsAPostWithToken() throws Exception {
		UserAccount account = fixtures.account(Role.ASSESSOR, null, null);
		// sessions live in PostgreSQL (Spring Session) and are named by the SESSION
		// cookie
		jakarta.servlet.http.Cookie before = mvc.perform(get("/login")).andReturn().getResponse().getCookie("SESSION");
		assertThat(before).as("the sign-in form's token lives in a session").isNotNull();
		jakarta.servlet.http.Cookie session = mvc
			.perform(post("/login").cookie(before)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("username", account.getUsername())
				.param("password", Fixtures.PASSWORD))
			.andExpect(redirectedUrl("/home"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session.getValue()).isNotEqualTo(before.getValue());
		mvc.perform(get("/assessor").cookie(before)).andExpect(status().is3xxRedirection());
		// GET /logout is no page (signing out is a POST with the form token)
		mvc.perform(get("/logout").cookie(session)).andExpect(status().isNotFound());
		mvc.perform(post("/logout").cookie(session)).andExpect(status().isForbidden());
		mvc.perform(get("/assessor").cookie(session)).andExpect(status().isOk());
	}

	private java.util.List<String> actions(UserAccount account) {
		return jdbc.queryForList("select action from audit_event where summary = ? order by id", String.class,
				account.getUsername());
	}

}
