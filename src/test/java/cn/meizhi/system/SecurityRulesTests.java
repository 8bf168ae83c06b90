package cn.meizhi.system;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.Role;
import cn.meizhi.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every endpoint of the portal, and which roles may reach it. A new endpoint without a
 * row here fails {@link #everyEndpointHasARule()}: access rules are decided deliberately,
 * never by accident. Object-level rules (own institution, own jurisdiction) are tested
 * per feature.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityRulesTests {

	/** Anyone, signed in or not. */
	private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

	private static final Set<Role> SIGNED_IN = EnumSet.allOf(Role.class);

	private static final Map<String, Rule> RULES = new LinkedHashMap<>();

	/** Who may reach an endpoint; {@code anonymous} says whether the public may too. */
	record Rule(boolean anonymous, Set<Role> roles) {
	}

	static {
		publicEndpoint("GET /");
		publicEndpoint("GET /login");
		publicEndpoint("GET /error");
		publicEndpoint("GET /standards");
		publicEndpoint("GET /standards/{id}");
		publicEndpoint("GET /standards/{id}/export.json");
		publicEndpoint("GET /verify");
		publicEndpoint("GET /verify/{certificateNo}");
		publicEndpoint("GET /certificates/{certificateNo}");
		publicEndpoint("GET /certificates/{certificateNo}.pdf");
		publicEndpoint("GET /badge/{certificateNo}.svg");
		publicEndpoint("GET /institutions");
		publicEndpoint("GET /institutions/{id}");
		publicEndpoint("GET /api/public/institutions");
		publicEndpoint("GET /api/public/institutions/{id}");
		publicEndpoint("GET /api/public/institutions.csv");
		publicEndpoint("GET /api/public/changes");
		publicEndpoint("GET /procedures");
		publicEndpoint("GET /procedures/{code}");
		publicEndpoint("GET /institutions/{id}/procedures");
		publicEndpoint("GET /institutions/{id}/results");
		publicEndpoint("GET /check");
		publicEndpoint("GET /api/public/procedures");
		publicEndpoint("GET /api/public/check");
		publicEndpoint("GET /standards/{id}/consultation");
		publicEndpoint("POST /standards/{id}/consultation");
		publicEndpoint("GET /notices");
		publicEndpoint("GET /notices/{id}");
		publicEndpoint("POST /notices/{id}/objections");
		publicEndpoint("GET /practitioners");
		publicEndpoint("GET /quality-measures");
		publicEndpoint("GET /api/public/quality-measures");
		publicEndpoint("GET /api/public/quality-measures.csv");
		publicEndpoint("GET /api/public/practitioners");
		publicEndpoint("GET /complaints/new");
		publicEndpoint("POST /complaints/new");
		publicEndpoint("GET /complaints/track");
		publicEndpoint("POST /complaints/track");
		publicEndpoint("GET /swagger-ui.html");
		publicEndpoint("GET /v3/api-docs");
		publicEndpoint("GET /v3/api-docs.yaml");
		publicEndpoint("GET /v3/api-docs/swagger-config");
		authors("GET /regulator/standards", "POST /regulator/standards", "GET /regulator/standards/versions/{id}",
				"GET /regulator/standards/versions/{id}/preview", "POST /regulator/standards/versions/{id}/rules",
				"POST /regulator/standards/versions/{id}/sections", "GET /regulator/standards/sections/{id}/edit",
				"POST /regulator/standards/sections/{id}/edit", "POST /regulator/standards/sections/{id}/delete",
				"GET /regulator/standards/versions/{id}/indicators/new",
				"POST /regulator/standards/versions/{id}/indicators/new",
				"GET /regulator/standards/indicators/{id}/edit", "POST /regulator/standards/indicators/{id}/edit",
				"POST /regulator/standards/indicators/{id}/delete", "POST /regulator/standards/versions/{id}/publish",
				"POST /regulator/standards/versions/{id}/retire", "POST /regulator/standards/versions/{id}/drafts",
				"GET /regulator/standards/versions/{id}/export.json",
				"GET /regulator/standards/versions/{id}/export.csv", "GET /regulator/standards/import",
				"POST /regulator/standards/import", "POST /regulator/standards/versions/{id}/consultation",
				"POST /regulator/standards/versions/{id}/consultation/comments/{commentId}/answer",
				"POST /regulator/standards/versions/{id}/consultation/summary", "GET /regulator/procedures",
				"POST /regulator/procedures/import", "GET /regulator/procedures/{id}",
				"POST /regulator/procedures/{id}/publish", "POST /regulator/procedures/{id}/retire",
				"GET /regulator/procedures/{id}/export.json", "GET /regulator/quality-measures",
				"POST /regulator/quality-measures/import", "GET /regulator/quality-measures/{id}",
				"POST /regulator/quality-measures/{id}/publish", "POST /regulator/quality-measures/{id}/retire",
				"GET /regulator/quality-measures/{id}/export.json");
		signedIn("GET /home");
		signedIn("GET /account/password");
		signedIn("POST /account/password");
		only(Role.REGULATOR, "GET /regulator", "GET /regulator/institutions", "GET /regulator/institutions/export.csv",
				"GET /regulator/institutions/new", "POST /regulator/institutions/new",
				"GET /regulator/institutions/{id}", "GET /regulator/institutions/{id}/edit",
				"POST /regulator/institutions/{id}/edit", "POST /regulator/institutions/{id}/status",
				"GET /regulator/institutions/import", "POST /regulator/institutions/import",
				"GET /regulator/institutions/import/template.csv", "GET /regulator/audit", "GET /regulator/cycles",
				"GET /regulator/cycles/new", "POST /regulator/cycles/new", "POST /regulator/cycles/{id}/status",
				"POST /regulator/cycles/{id}/window", "POST /regulator/cycles/{id}/notice-period",
				"POST /regulator/cycles/{id}/enrolments", "GET /regulator/cycles/{id}/enrol",
				"GET /regulator/ratings/all", "POST /regulator/cycles/{id}/enrolments/{institutionId}/withdraw",
				"GET /regulator/cycles/{id}", "GET /regulator/cycles/{id}/self-assessments.csv",
				"GET /regulator/cycles/{id}/scores.csv", "GET /regulator/self-assessments/{id}",
				"POST /regulator/self-assessments/{id}/return",
				"GET /regulator/self-assessments/{id}/evidence/{fileId}", "GET /regulator/inspections",
				"GET /regulator/inspections/new", "POST /regulator/inspections/new", "GET /regulator/inspections/{id}",
				"POST /regulator/inspections/{id}/reschedule", "POST /regulator/inspections/{id}/cancel",
				"POST /regulator/inspections/{id}/members", "POST /regulator/inspections/{id}/lead",
				"GET /regulator/inspections/{id}/files/{fileId}",
				"POST /regulator/inspections/{id}/findings/{indicatorId}/visibility", "GET /regulator/ratings",
				"GET /regulator/ratings/{id}", "POST /regulator/ratings/{id}/approve",
				"POST /regulator/ratings/{id}/reject", "POST /regulator/ratings/{id}/appeal",
				"POST /regulator/ratings/{id}/suspend", "POST /regulator/ratings/{id}/reinstate",
				"POST /regulator/ratings/{id}/revoke", "POST /regulator/ratings/{id}/objections/{objectionId}/answer",
				"POST /regulator/ratings/expire", "GET /regulator/replies",
				"GET /regulator/ratings/{id}/appeal-files/{fileId}", "POST /regulator/replies/{id}/publish",
				"POST /regulator/replies/{id}/reject", "GET /regulator/complaints", "GET /regulator/complaints/{id}",
				"POST /regulator/complaints/{id}/acknowledge", "POST /regulator/complaints/{id}/assign",
				"POST /regulator/complaints/{id}/statement", "POST /regulator/complaints/{id}/decide",
				"GET /regulator/complaints/{id}/files/{fileId}", "POST /regulator/complaints/{id}/action/close",
				"POST /regulator/complaints/{id}/action/reopen", "GET /regulator/adverse-events",
				"GET /regulator/adverse-events/{id}", "POST /regulator/adverse-events/{id}/review",
				"GET /regulator/penalties", "GET /regulator/penalties/new", "POST /regulator/penalties/new",
				"GET /regulator/risk", "GET /regulator/practitioners", "GET /regulator/practitioners/new",
				"POST /regulator/practitioners/new", "GET /regulator/practitioners/{id}",
				"GET /regulator/practitioners/{id}/edit", "POST /regulator/practitioners/{id}/edit",
				"POST /regulator/practitioners/import", "GET /regulator/practitioners/export.csv",
				"GET /regulator/plausibility", "GET /regulator/re-reviews", "POST /regulator/re-reviews/enrol",
				"POST /regulator/re-reviews/{id}/decline", "GET /regulator/practitioners/proposals/{id}",
				"POST /regulator/practitioners/proposals/{id}/confirm",
				"POST /regulator/practitioners/proposals/{id}/reject", "GET /regulator/analytics",
				"GET /regulator/analytics.csv", "GET /regulator/quality-measures/reports",
				"GET /regulator/quality-measures/reports/{id}", "POST /regulator/quality-measures/reports/{id}/return",
				"GET /regulator/quality-measures/benchmarks", "POST /regulator/quality-measures/reports/import",
				"GET /regulator/quality-measures/reports/template.xlsx");
		only(Role.ADMIN, "GET /admin", "GET /admin/users", "GET /admin/users/new", "POST /admin/users/new",
				"GET /admin/users/{id}", "GET /admin/users/{id}/edit", "POST /admin/users/{id}/edit",
				"POST /admin/users/{id}/enabled", "POST /admin/users/{id}/password", "GET /admin/audit",
				"GET /admin/calendar", "POST /admin/calendar", "POST /admin/calendar/{day}/unmark",
				"GET /admin/webhooks", "POST /admin/webhooks", "GET /admin/webhooks/{id}",
				"POST /admin/webhooks/{id}/active", "POST /admin/webhooks/{id}/deliveries/{deliveryId}/send-again");
		only(Role.ASSESSOR, "GET /assessor", "GET /assessor/inspections/{id}/declaration",
				"POST /assessor/inspections/{id}/declaration", "GET /assessor/inspections/{id}",
				"GET /assessor/inspections/{id}/sections/{code}",
				"POST /assessor/inspections/{id}/scores/{indicatorId}", "POST /assessor/inspections/{id}/submit",
				"POST /assessor/actions/{actionId}/verify", "POST /assessor/actions/{actionId}/reopen",
				"POST /assessor/actions/{actionId}/due", "GET /assessor/inspections/{id}/files/{fileId}",
				"GET /assessor/inspections/{id}/self-evidence/{fileId}", "GET /assessor/inspections/{id}/rating",
				"POST /assessor/inspections/{id}/rating");
		only(Role.CLINIC, "GET /clinic", "GET /clinic/institutions/{id}", "GET /clinic/institutions/{id}/contact",
				"POST /clinic/institutions/{id}/contact", "GET /clinic/cycles/{cycleId}/self-assessment",
				"GET /clinic/self-assessments/{id}", "GET /clinic/self-assessments/{id}/sections/{code}",
				"POST /clinic/self-assessments/{id}/sections/{code}", "POST /clinic/self-assessments/{id}/submit",
				"POST /clinic/self-assessments/{id}/evidence/{fileId}/delete",
				"GET /clinic/self-assessments/{id}/evidence/{fileId}", "GET /clinic/inspections/{id}",
				"GET /clinic/corrective-actions", "POST /clinic/corrective-actions/{id}/respond",
				"GET /clinic/inspections/{id}/files/{fileId}", "GET /clinic/ratings", "GET /clinic/ratings/{id}",
				"POST /clinic/ratings/{id}/accept", "POST /clinic/ratings/{id}/appeal",
				"POST /clinic/ratings/{id}/reply", "GET /clinic/ratings/{id}/appeal-files/{fileId}",
				"GET /clinic/notifications", "GET /clinic/notifications/{id}", "POST /clinic/notifications/read",
				"GET /clinic/complaints", "POST /clinic/complaints/{id}/statement", "GET /clinic/adverse-events",
				"GET /clinic/adverse-events/new", "POST /clinic/adverse-events/new", "GET /clinic/practitioners",
				"GET /clinic/practitioners/propose", "POST /clinic/practitioners/propose",
				"GET /clinic/practitioners/{id}/propose", "POST /clinic/practitioners/{id}/propose",
				"GET /clinic/re-review", "POST /clinic/re-review", "GET /clinic/quality-measures",
				"GET /clinic/quality-measures/feedback", "GET /clinic/quality-measures/{period}",
				"POST /clinic/quality-measures/{period}", "POST /clinic/quality-measures/{period}/correction",
				"POST /clinic/quality-measures/{period}/upload", "GET /clinic/quality-measures/{period}/template.csv",
				"GET /clinic/quality-measures/{period}/template.xlsx");
	}

	private static void publicEndpoint(String endpoint) {
		RULES.put(endpoint, new Rule(true, EVERYONE));
	}

	private static void signedIn(String endpoint) {
		RULES.put(endpoint, new Rule(false, SIGNED_IN));
	}

	private static void authors(String... endpoints) {
		for (String endpoint : endpoints) {
			RULES.put(endpoint, new Rule(false, EnumSet.of(Role.REGULATOR, Role.ADMIN)));
		}
	}

	private static void only(Role role, String... endpoints) {
		for (String endpoint : endpoints) {
			RULES.put(endpoint, new Rule(false, EnumSet.of(role)));
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	@Autowired
	Fixtures fixtures;

	@Test
	void everyEndpointHasARule() {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfo info : handlerMapping.getHandlerMethods().keySet()) {
			Set<String> methods = new TreeSet<>();
			info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
			if (methods.isEmpty()) {
				methods.add("GET");
			}
			for (String pattern : info.getPatternValues()) {
				for (String method : methods) {
					endpoints.add(method + " " + pattern);
				}
			}
		}
		assertThat(endpoints).as("endpoints without a rule in SecurityRulesTests").isSubsetOf(RULES.keySet());
		assertThat(RULES.keySet()).as("rules for endpoints that no longer exist").isSubsetOf(endpoints);
	}

	@Test
	void everyEndpointAdmitsExactlyTheRolesOfItsRule() throws Exception {
		long institutionId = fixtures.institution("330102").getId();
		Map<Role, CurrentUser> users = Map.of(Role.ADMIN, Fixtures.admin(), Role.REGULATOR,
				Fixtures.regulator("330100"), Role.ASSESSOR, Fixtures.assessor(), Role.CLINIC,
				Fixtures.clinic(institutionId));
		List<String> wrong = new ArrayList<>();
		for (var entry : RULES.entrySet()) {
			String[] parts = entry.getKey().split(" ");
			HttpMethod method = HttpMethod.valueOf(parts[0]);
			String path = parts[1].replace("{id}", String.valueOf(institutionId))
				.replace("{institutionId}", String.valueOf(institutionId))
				.replace("{cycleId}", "1")
				.replace("{indicatorId}", "1")
				.replace("{actionId}", "1")
				.replace("{fileId}", "1")
				.replace("{code}", "S1")
				.replace("{day}", "2031-03-03")
				.replace("{commentId}", "1")
				.replace("{objectionId}", "1")
				.replace("{deliveryId}", "1")
				.replace("{period}", "2026-Q1")
				.replace("{certificateNo}", "MZ-330100-2026-000001");
			Rule rule = entry.getValue();

			MockHttpServletResponse anonymous = mvc.perform(build(method, path)).andReturn().getResponse();
			boolean anonymousAdmitted = admitted(anonymous);
			if (anonymousAdmitted != rule.anonymous()) {
				wrong.add(entry.getKey() + " anonymous: " + anonymous.getStatus() + " " + anonymous.getRedirectedUrl());
			}
			for (Role role : Role.values()) {
				MockHttpServletResponse response = mvc
					.perform(build(method, path).with(user(Fixtures.principal(users.get(role)))))
					.andReturn()
					.getResponse();
				if (admitted(response) != rule.roles().contains(role)) {
					wrong.add(entry.getKey() + " " + role + ": " + response.getStatus());
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void anAddressNoPageAnswersIsNotFoundForEveryoneSignedInOrNot() throws Exception {
		long institutionId = fixtures.institution("330102").getId();
		for (String path : List.of("/internal", "/actuator/env", "/actuator/beans", "/actuator", "/regulator-x",
				"/regulator/no-such-page", "/admin/nothing/here", "/clinic/x", "/home/x")) {
			assertThat(mvc.perform(build(HttpMethod.GET, path)).andReturn().getResponse().getStatus()).as(path)
				.isEqualTo(404);
			for (CurrentUser user : List.of(Fixtures.admin(), Fixtures.regulator("330100"), Fixtures.assessor(),
					Fixtures.clinic(institutionId))) {
				assertThat(mvc.perform(build(HttpMethod.GET, path).with(user(Fixtures.principal(user))))
					.andReturn()
					.getResponse()
					.getStatus()).as(path + " as " + user.role()).isEqualTo(404);
			}
		}
		// a page that exists but needs a role still sends to sign-in, or answers 403
		assertThat(mvc.perform(build(HttpMethod.GET, "/regulator/institutions"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).endsWith("/login");
		assertThat(mvc
			.perform(build(HttpMethod.GET, "/regulator/institutions")
				.with(user(Fixtures.principal(Fixtures.clinic(institutionId)))))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		// and a method the page does not take is not taken for a missing page
		assertThat(mvc.perform(build(HttpMethod.DELETE, "/regulator/institutions"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).endsWith("/login");
	}

	@Autowired
	org.springframework.security.web.FilterChainProxy filterChains;

	@Test
	void theAnonymousPublicReadsGoThroughAChainThatNeverTouchesTheSessionStore() {
		for (String path : List.of("/", "/institutions", "/institutions/1", "/verify/MZ-330102-2024-000001",
				"/api/public/institutions", "/standards", "/css/meizhi.css")) {
			var anonymous = new org.springframework.mock.web.MockHttpServletRequest("GET", path);
			anonymous.setServletPath(path);
			assertThat(filtersFor(anonymous)).as(path)
				.doesNotContain("SecurityContextHolderFilter", "CsrfFilter", "RequestCacheAwareFilter",
						"AnonymousAuthenticationFilter", "AuthorizationFilter",
						"SecurityContextHolderAwareRequestFilter", "SessionManagementFilter", "LogoutFilter")
				.contains("HeaderWriterFilter");
			var signedIn = new org.springframework.mock.web.MockHttpServletRequest("GET", path);
			signedIn.setServletPath(path);
			signedIn.setCookies(new jakarta.servlet.http.Cookie("SESSION", "abc"));
			assertThat(filtersFor(signedIn)).as(path + " with a session")
				.contains("SecurityContextHolderFilter", "CsrfFilter", "AuthorizationFilter");
		}
		// the sign-in page and every form post keep the main chain (their tokens live in
		// the session)
		var login = new org.springframework.mock.web.MockHttpServletRequest("GET", "/login");
		login.setServletPath("/login");
		assertThat(filtersFor(login)).contains("CsrfFilter");
		var post = new org.springframework.mock.web.MockHttpServletRequest("POST", "/institutions");
		post.setServletPath("/institutions");
		assertThat(filtersFor(post)).contains("CsrfFilter");
	}

	/**
	 * The filters of the chain Spring Security picks for a request (the first that
	 * matches).
	 */
	private List<String> filtersFor(jakarta.servlet.http.HttpServletRequest request) {
		return filterChains.getFilterChains()
			.stream()
			.filter(chain -> chain.matches(request))
			.findFirst()
			.orElseThrow()
			.getFilters()
			.stream()
			.map(filter -> filter.getClass().getSimpleName())
			.toList();
	}

	private static MockHttpServletRequestBuilder build(HttpMethod method, String path) {
		MockHttpServletRequestBuilder builder = request(method, path);
		return method == HttpMethod.GET ? builder : builder.with(csrf());
	}

	/**
	 * Security let the request through: it was neither refused nor sent to the sign-in
	 * page.
	 */
	private static boolean admitted(MockHttpServletResponse response) {
		if (response.getStatus() == 401 || response.getStatus() == 403) {
			return false;
		}
		String redirect = response.getRedirectedUrl();
		return !(response.getStatus() == 302 && redirect != null && redirect.endsWith("/login"));
	}

}
