package cn.meizhi.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error pages as a browser gets them from the real server: friendly, in the user's
 * language, never the Whitelabel page or a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorPagesTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void unknownStaticResourcesGetTheFriendly404PageInChineseByDefault() throws Exception {
		HttpResponse<String> response = get("/css/missing.css");
		assertThat(response.statusCode()).isEqualTo(HttpStatus.NOT_FOUND.value());
		assertThat(response.body()).contains("页面不存在").doesNotContain("Whitelabel").doesNotContain("Exception");
	}

	@Test
	void everyErrorStatusSpeaksWordsInBothLanguagesNeverRawMessageKeys() throws Exception {
		for (String lang : new String[] { "zh-CN", "en" }) {
			for (String path : new String[] { "/css/missing.css", "/institutions/987654321", "/institutions?minStars=9",
					"/api/public/institutions/987654321", "/verify/MZ-000000-0000-000000" }) {
				HttpResponse<String> response = get(path + (path.contains("?") ? "&" : "?") + "lang=" + lang,
						"text/html");
				assertThat(response.statusCode()).as(path).isGreaterThanOrEqualTo(400);
				assertThat(response.body()).as(path + " in " + lang).doesNotContain("??").doesNotContain("Whitelabel");
				if (path.startsWith("/institutions?")) {
					// a bad filter is a problem with the request, in the title too, not
					// "the system has a problem"
					assertThat(response.body())
						.contains(lang.equals("en") ? "<title>The request could not be handled" : "<title>请求无法处理")
						.doesNotContain("<title>系统出现问题");
				}
			}
		}
	}

	@Test
	void andInEnglishOnRequest() throws Exception {
		HttpResponse<String> response = get("/css/missing.css?lang=en");
		assertThat(response.body()).contains("Page not found").contains("lang=\"en\"");
	}

	@Test
	void healthIsPublicAndSaysOnlyUp() throws Exception {
		HttpResponse<String> response = get("/actuator/health", "*/*");
		assertThat(response.statusCode()).isEqualTo(200);
		// the status and the names of the probe groups, nothing about the database or the
		// disk
		assertThat(response.body()).contains("\"status\":\"UP\"")
			.doesNotContain("components")
			.doesNotContain("details");
		HttpResponse<String> readiness = get("/actuator/health/readiness", "*/*");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
		assertThat(get("/actuator/env").statusCode()).isNotEqualTo(200);
		assertThat(get("/actuator/info").statusCode()).isNotEqualTo(200);
	}

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Test
	void healthSaysOutOfServiceWhileTheNodeIsNotReady() throws Exception {
		AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
		try {
			assertThat(get("/actuator/health", "*/*").statusCode()).isEqualTo(503);
			assertThat(get("/actuator/health/readiness", "*/*").statusCode()).isEqualTo(503);
		}
		finally {
			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
		}
		assertThat(get("/actuator/health", "*/*").statusCode()).isEqualTo(200);
	}

	@Test
	void pagesCarryStrictSecurityHeaders() throws Exception {
		HttpResponse<String> response = get("/login");
		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'")
				.doesNotContain("unsafe-inline")
				.contains("frame-ancestors 'none'"));
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
		assertThat(response.body()).doesNotContain("<script>").doesNotContain(" style=\"").doesNotContain("onclick");
	}

	@Test
	void assetsAreServedByTheAppItself() throws Exception {
		HttpResponse<String> page = get("/login");
		assertThat(page.body()).doesNotContain("cdn.").doesNotContain("https://");
		assertThat(get("/webjars/bootstrap/5.3.8/dist/css/bootstrap.min.css").statusCode()).isEqualTo(200);
		assertThat(get("/webjars/bootstrap/5.3.8/dist/js/bootstrap.bundle.min.js").statusCode()).isEqualTo(200);
		assertThat(get("/css/meizhi.css").statusCode()).isEqualTo(200);
		assertThat(get("/js/meizhi.js").statusCode()).isEqualTo(200);
	}

	@Test
	void anonymousPublicPagesCreateNoSession() throws Exception {
		assertThat(get("/").headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(get("/?lang=en").headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return get(path, "text/html");
	}

	private HttpResponse<String> get(String path, String accept) throws Exception {
		return http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
