package cn.meizhi.system;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Finds the controller method of a URL with a path variable ({@code /institutions/123},
 * {@code /verify/MZ-…}) among the mappings whose first path segment is the URL's, instead of testing every
 * mapping of the portal: Spring MVC looks up URLs without variables in a map, but for the others it tests
 * each of the ~140 mappings (method, headers, produces, pattern, each through the request's wrappers) on
 * every request, which cost a profile page ~8 % of its time. The answer is the same: a mapping whose first
 * segment is a different literal cannot match. URLs it cannot sort this way (a URL without variables, a
 * CORS pre-flight, an encoded or matrix first segment, no match, an ambiguous match) go through Spring's own
 * lookup, which also writes the errors.
 */
class FirstSegmentHandlerMapping extends RequestMappingHandlerMapping {

	private volatile Routes routes;

	@Override
	public void afterPropertiesSet() {
		super.afterPropertiesSet();
		routes = null;
	}

	@Override
	public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
		super.registerMapping(mapping, handler, method);
		routes = null;
	}

	@Override
	public void unregisterMapping(RequestMappingInfo mapping) {
		super.unregisterMapping(mapping);
		routes = null;
	}

	@Override
	protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
			throws Exception {
		Routes current = routes;
		if (current == null) {
			current = new Routes(getHandlerMethods());
			routes = current;
		}
		List<RequestMappingInfo> candidates = current.candidates(lookupPath);
		if (candidates == null || CorsUtils.isPreFlightRequest(request)) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		RequestMappingInfo best = null;
		RequestMappingInfo bestMapping = null;
		List<RequestMappingInfo> matched = new ArrayList<>(2);
		List<RequestMappingInfo> matchedMappings = new ArrayList<>(2);
		for (RequestMappingInfo mapping : candidates) {
			RequestMappingInfo match = getMatchingMapping(mapping, request);
			if (match != null) {
				matched.add(match);
				matchedMappings.add(mapping);
			}
		}
		if (matched.isEmpty()) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		var comparator = getMappingComparator(request);
		for (int i = 0; i < matched.size(); i++) {
			if (best == null || comparator.compare(matched.get(i), best) < 0) {
				best = matched.get(i);
				bestMapping = matchedMappings.get(i);
			}
		}
		for (RequestMappingInfo other : matched) {
			if (other != best && comparator.compare(other, best) == 0) {
				return super.lookupHandlerMethod(lookupPath, request); // ambiguous: Spring says so
			}
		}
		HandlerMethod handler = current.handlers().get(bestMapping);
		request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
		handleMatch(best, lookupPath, request);
		return handler;
	}

	/** How many mappings a path is tested against, or -1 when Spring's lookup answers it. */
	int candidates(String lookupPath) {
		List<RequestMappingInfo> candidates = new Routes(getHandlerMethods()).candidates(lookupPath);
		return candidates == null ? -1 : candidates.size();
	}

	/** Spring's own lookup, for comparison in tests. */
	HandlerMethod lookupAmongAll(String lookupPath, HttpServletRequest request) throws Exception {
		return super.lookupHandlerMethod(lookupPath, request);
	}

	/**
	 * The mappings by the literal first segment of their patterns; those whose first segment is a variable
	 * or a wildcard are in every list.
	 */
	private record Routes(Map<RequestMappingInfo, HandlerMethod> handlers, Set<String> directPaths,
			Map<String, List<RequestMappingInfo>> bySegment, List<RequestMappingInfo> anySegment) {

		Routes(Map<RequestMappingInfo, HandlerMethod> handlers) {
			this(handlers, new HashSet<>(), new HashMap<>(), new ArrayList<>());
			Map<String, Set<RequestMappingInfo>> segments = new HashMap<>();
			handlers.keySet().forEach(mapping -> {
				directPaths.addAll(mapping.getDirectPaths());
				PathPatternsRequestCondition patterns = mapping.getPathPatternsCondition();
				Set<String> values = patterns == null ? Set.of() : patterns.getPatternValues();
				for (String pattern : values.isEmpty() ? Set.of("") : values) {
					String segment = firstSegment(pattern);
					if (segment == null || segment.isEmpty() || segment.contains("{") || segment.contains("*")
							|| segment.contains("?")) {
						anySegment.add(mapping);
					}
					else {
						segments.computeIfAbsent(segment, s -> new LinkedHashSet<>()).add(mapping);
					}
				}
			});
			segments.forEach((segment, mappings) -> {
				Set<RequestMappingInfo> all = new LinkedHashSet<>(mappings);
				all.addAll(anySegment);
				bySegment.put(segment, List.copyOf(all));
			});
		}

		/** The mappings that may match this path, or null when Spring's lookup should answer. */
		List<RequestMappingInfo> candidates(String lookupPath) {
			if (directPaths.contains(lookupPath)) {
				return null;
			}
			String segment = firstSegment(lookupPath);
			if (segment == null || segment.isEmpty() || segment.indexOf('%') >= 0 || segment.indexOf(';') >= 0) {
				return null;
			}
			return bySegment.getOrDefault(segment, anySegment);
		}

		private static String firstSegment(String path) {
			if (!path.startsWith("/")) {
				return null;
			}
			int end = path.indexOf('/', 1);
			return end < 0 ? path.substring(1) : path.substring(1, end);
		}

	}

}
