package cn.meizhi.system.internal;

import java.time.Clock;
import java.time.LocalDate;

import cn.meizhi.shared.Formats;
import cn.meizhi.shared.PublicDataVersion;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * HTTP caching of the public pages and the open data that stays true. A page seen without
 * a session depends only on the public data, the day (a certificate's last day passes
 * without a write), the reader's language and the application's build; its ETag names
 * exactly these: the public data's version ({@link PublicDataVersion}, raised by every
 * public change on every node within the notification's delay), today, the language and
 * the build. {@code Cache-Control: no-cache} lets the browser and the balancer keep the
 * page and ask every time; a request whose {@code If-None-Match} still names the current
 * state gets 304 before the controller runs: no query, no rendering. A suspension changes
 * the version, so the next request renders the page anew.
 * <p>
 * Signed-in users (a session cookie) are not concerned: their pages show who they are and
 * are never stored.
 */
@Component
class PublicPageRevalidation implements HandlerInterceptor {

	private final PublicDataVersion version;

	private final Clock clock;

	private final Formats formats;

	/**
	 * The build: the same on every node running the same jar (templates and wording
	 * change with it).
	 */
	private final String build;

	PublicPageRevalidation(PublicDataVersion version, Clock clock, Formats formats,
			ObjectProvider<BuildProperties> buildProperties) {
		this.version = version;
		this.clock = clock;
		this.formats = formats;
		BuildProperties properties = buildProperties.getIfAvailable();
		// without build information (run from an IDE), the start of this process
		long built = properties != null && properties.getTime() != null ? properties.getTime().toEpochMilli()
				: clock.millis();
		this.build = Long.toString(built, 36);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod) || request.getDispatcherType() != DispatcherType.REQUEST
				|| !SecurityConfiguration.ANONYMOUS_PUBLIC_READ.matches(request)) {
			return true;
		}
		if (new ServletWebRequest(request, response).checkNotModified(etag(request))) {
			return false;
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
		// the language cookie and the session cookie change the page: a shared cache keys
		// on them
		response.addHeader(HttpHeaders.VARY, HttpHeaders.COOKIE);
		return true;
	}

	/** A weak ETag: the same content may be sent compressed or not. */
	String etag(HttpServletRequest request) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), formats.zone());
		return "W/\"" + build + "-" + version.current() + "-" + today + "-"
				+ RequestContextUtils.getLocale(request).toLanguageTag() + "\"";
	}

}
