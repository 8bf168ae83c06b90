package cn.meizhi.system.internal;

import java.net.URI;

import cn.meizhi.system.EmbeddedDatabaseAutoConfiguration;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Refuses to start outside demo mode without {@code meizhi.public-url}: certificates
 * print the portal's address as a QR code, and behind a load balancer the Host header of
 * a request is not to be trusted.
 */
@Component
class PublicUrlRequired {

	PublicUrlRequired(Environment environment) {
		String url = environment.getProperty("meizhi.public-url");
		if (!StringUtils.hasText(url)) {
			if (!EmbeddedDatabaseAutoConfiguration.demoMode(environment)) {
				throw new IllegalStateException("meizhi.public-url (environment variable MEIZHI_PUBLIC_URL) must be set"
						+ " outside demo mode, e.g. https://meizhi.example.gov.cn: certificates print it as a QR code"
						+ " and badges embed it. See README, \"Running several nodes\".");
			}
			return;
		}
		URI uri;
		try {
			uri = URI.create(url.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("meizhi.public-url is not a URL: " + url, ex);
		}
		if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
			throw new IllegalStateException("meizhi.public-url must be an http(s) address with a host, e.g."
					+ " https://meizhi.example.gov.cn (was: " + url + ")");
		}
	}

}
