package cn.meizhi.shared;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Links that keep the current filters while changing the page or the sort order.
 * Templates call it as {@code ${@links.page(2)}}. Links are relative to the host (a
 * request's Host header never shapes a page), and built from the request's decoded
 * parameters, so each value is encoded exactly once: a search for 美容 stays 美容 on the next
 * page and in the other language.
 */
@Component("links")
public class PageLinks {

	public String page(int page) {
		return current().replaceQueryParam("page", page).build().encode().toUriString();
	}

	/** Sorts by a property, toggling the direction when already sorted by it. */
	public String sort(String property, String currentSort) {
		String direction = (property + ",asc").equals(currentSort) ? "desc" : "asc";
		return current().replaceQueryParam("sort", property + "," + direction)
			.replaceQueryParam("page")
			.build()
			.encode()
			.toUriString();
	}

	/** The current URL with another query parameter value (e.g. {@code format=csv}). */
	public String with(String name, String value) {
		return current().replaceQueryParam(name, value).replaceQueryParam("page").build().encode().toUriString();
	}

	/**
	 * The current request's path and query, decoded. Only the query: a form's fields
	 * posted in the body (a password, a token) never become part of a link.
	 */
	private static UriComponentsBuilder current() {
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getRequest();
		UriComponentsBuilder builder = UriComponentsBuilder
			.fromPath(UriUtils.decode(request.getRequestURI(), StandardCharsets.UTF_8));
		String query = request.getQueryString();
		if (query != null) {
			for (String pair : query.split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				int equals = pair.indexOf('=');
				String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
				String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
				builder.queryParam(name, value);
			}
		}
		return builder;
	}

}
