package cn.meizhi.system;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Looking a handler up among the mappings of the URL's first segment finds exactly what Spring's lookup
 * over every mapping finds: the same method, the same path variables, the same error, for a URL made from
 * every mapping of the portal and for URLs that match nothing, with every method.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FirstSegmentHandlerMappingTests {

	private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(:[^}]*)?}|\\*\\*?");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Test
	void findsWhatTheLookupOverEveryMappingFinds() throws Exception {
		assertThat(mapping).isInstanceOf(FirstSegmentHandlerMapping.class);
		FirstSegmentHandlerMapping routes = (FirstSegmentHandlerMapping) mapping;
		Set<String> paths = new LinkedHashSet<>(List.of("/institutions/new", "/institutions/abc", "/institutions/12/",
				"/nowhere/12", "/verify/", "/verify/MZ-330106-2025-000001/extra", "/%69nstitutions/12",
				"/institutions;v=1/12", "/api/public/institutions/12", "/"));
		for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
			for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
				paths.add(concrete(pattern));
			}
		}
		int found = 0;
		for (String path : paths) {
			for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
				for (String accept : List.of("text/html", "application/json")) {
					Result ours = lookUp(path, method, accept, routes, true);
					Result spring = lookUp(path, method, accept, routes, false);
					assertThat(ours).as(method + " " + path + " " + accept).isEqualTo(spring);
					found += ours.method() != null ? 1 : 0;
				}
			}
		}
		assertThat(found).as("lookups that found a handler").isGreaterThan(200);
	}

	@Test
	void testsOnlyTheMappingsOfTheFirstSegment() {
		FirstSegmentHandlerMapping routes = (FirstSegmentHandlerMapping) mapping;
		int all = mapping.getHandlerMethods().size();
		assertThat(routes.candidates("/institutions/12")).isPositive().isLessThan(all / 4);
		assertThat(routes.candidates("/verify/MZ-330106-2025-000001")).isPositive().isLessThan(all / 4);
		assertThat(routes.candidates("/institutions")).as("no variables: Spring's map").isEqualTo(-1);
		assertThat(routes.candidates("/%69nstitutions/12")).as("encoded: Spring's lookup").isEqualTo(-1);
	}

	private static Result lookUp(String path, String method, String accept, FirstSegmentHandlerMapping routes,
			boolean bySegment) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.addHeader("Accept", accept);
		ServletRequestPathUtils.parseAndCache(request);
		String lookupPath = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value();
		try {
			HandlerMethod handler = bySegment ? routes.lookupHandlerMethod(lookupPath, request)
					: routes.lookupAmongAll(lookupPath, request);
			return new Result(handler == null ? null : handler.getMethod().toString(),
					Objects.toString(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)),
					Objects.toString(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)), null);
		}
		catch (Exception ex) {
			return new Result(null, null, null, ex.getClass().getName());
		}
	}

	/** A URL the pattern matches: variables filled in with plausible values. */
	private static String concrete(String pattern) {
		Matcher matcher = VARIABLE.matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1) == null ? "" : matcher.group(1);
			String value = name.equals("certificateNo") ? "MZ-330106-2025-000001"
					: name.toLowerCase().endsWith("id") ? "12" : matcher.group(0).startsWith("*") ? "a/b" : "x";
			matcher.appendReplacement(path, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(path);
		return path.isEmpty() ? "/" : path.toString();
	}

	private record Result(String method, String variables, String pattern, String error) {
	}

}
