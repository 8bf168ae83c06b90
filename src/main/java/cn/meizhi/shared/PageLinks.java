package cn.meizhi.shared;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Links that keep the current filters while changing the page or the sort order. Templates call it
 * as {@code ${@links.page(2)}}. Links are relative to the host: a request's Host header never shapes a page.
 */
@Component("links")
public class PageLinks {

	public String page(int page) {
		return ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("page", page)
			.build()
			.encode()
			.toUriString()
			.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
	}

	/** Sorts by a property, toggling the direction when already sorted by it. */
	public String sort(String property, String currentSort) {
		String direction = (property + ",asc").equals(currentSort) ? "desc" : "asc";
		return ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("sort", property + "," + direction)
			.replaceQueryParam("page")
			.build()
			.encode()
			.toUriString()
			.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
	}

	/** The current URL with another query parameter value (e.g. {@code format=csv}). */
	public String with(String name, String value) {
		return ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam(name, value)
			.replaceQueryParam("page")
			.build()
			.encode()
			.toUriString()
			.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
	}

}
