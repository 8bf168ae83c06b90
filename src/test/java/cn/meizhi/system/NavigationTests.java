package cn.meizhi.system;

import cn.meizhi.shared.CurrentUser;
import cn.meizhi.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The navigation shows each viewer the areas their role may enter, and nobody else's. */
@SpringBootTest
@AutoConfigureMockMvc
class NavigationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void thePublicSeesTheDirectoryVerificationStandardsAndSignIn() throws Exception {
		String page = page(get("/standards"));
		assertThat(page)
			.contains("href=\"/institutions\"", "href=\"/verify\"", "href=\"/standards\"", "href=\"/login\"")
			.doesNotContain("href=\"/regulator", "href=\"/admin", "href=\"/clinic", "href=\"/assessor", "/logout");
	}

	@Test
	void aRegulatorSeesTheRegulatorsAreaAndTheirNameAndRole() throws Exception {
		CurrentUser regulator = Fixtures.regulator("330100");
		String page = page(signedIn().with(user(Fixtures.principal(regulator))));
		assertThat(page)
			.contains("href=\"/regulator\"", "href=\"/regulator/institutions\"", "href=\"/regulator/ratings\"",
					"href=\"/regulator/standards\"", "href=\"/regulator/audit\"", "/logout", regulator.displayName(),
					"监管人员")
			.doesNotContain("href=\"/login\"", "href=\"/admin", "href=\"/clinic", "href=\"/assessor\"",
					"href=\"/standards\"");
	}

	@Test
	void anAdminSeesUsersAndStandardsButNotTheRegulatorsWork() throws Exception {
		String page = page(signedIn().with(user(Fixtures.principal(Fixtures.admin()))));
		assertThat(page)
			.contains("href=\"/admin\"", "href=\"/admin/users\"", "href=\"/admin/audit\"",
					"href=\"/regulator/standards\"")
			.doesNotContain("href=\"/regulator/institutions\"", "href=\"/regulator/ratings\"", "href=\"/login\"");
	}

	@Test
	void aClinicSeesItsHomeNotificationsAndThePublicStandards() throws Exception {
		String page = page(signedIn().with(user(Fixtures.principal(Fixtures.clinic(1)))));
		assertThat(page).contains("href=\"/clinic\"", "href=\"/clinic/notifications\"", "href=\"/standards\"")
			.doesNotContain("href=\"/regulator", "href=\"/admin", "href=\"/assessor\"", "href=\"/login\"");
	}

	@Test
	void anAssessorSeesTheirHomeAndThePublicStandards() throws Exception {
		String page = page(signedIn().with(user(Fixtures.principal(Fixtures.assessor()))));
		assertThat(page).contains("href=\"/assessor\"", "href=\"/standards\"")
			.doesNotContain("href=\"/regulator", "href=\"/admin", "href=\"/clinic", "href=\"/login\"");
	}

	/**
	 * A signed-in browser sends its session cookie (without one, public pages take the
	 * sessionless chain).
	 */
	private static MockHttpServletRequestBuilder signedIn() {
		return get("/standards").cookie(new jakarta.servlet.http.Cookie("SESSION", "signed-in"));
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

}
