package cn.meizhi.system.internal;

import java.util.HashSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.RequestPath;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Whether a request names a page the portal has (a controller method answers its path),
 * asked by Spring MVC's own handler lookup. The security rules send to sign-in or answer
 * 403 only for pages that exist; an address nothing answers is a 404 "page not found" for
 * everyone, signed in or not, instead of a misleading "you have no permission". A method
 * or media type the page does not take still counts as the page existing.
 */
final class ExistingPage implements RequestMatcher {

	private final ObjectProvider<RequestMappingHandlerMapping> pages;

	ExistingPage(ObjectProvider<RequestMappingHandlerMapping> pages) {
		this.pages = pages;
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		Object parsed = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
		Set<String> attributes = new HashSet<>();
		request.getAttributeNames().asIterator().forEachRemaining(attributes::add);
		try {
			ServletRequestPathUtils.parseAndCache(request);
			return pages.getObject().getHandler(request) != null;
		}
		catch (Exception ex) {
			// a page that exists but not for this method, media type or parameters
			return true;
		}
		finally {
			// leave the request as it came: the dispatcher looks the handler up again
			for (String name : java.util.Collections.list(request.getAttributeNames())) {
				if (!attributes.contains(name)) {
					request.removeAttribute(name);
				}
			}
			if (parsed != null) {
				request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, (RequestPath) parsed);
			}
		}
	}

}
