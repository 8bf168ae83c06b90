package cn.meizhi.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The portal's public address ({@code meizhi.public-url}), which certificates print as a
 * QR code and badges embed. Outside demo mode it must be configured (start-up refuses
 * otherwise, see {@code cn.meizhi.system.internal.PublicUrlRequired}), so a request's
 * Host header never shapes a printed address. In demo mode without it, the address being
 * visited stands in.
 */
@Component
public class PublicUrl {

	private final String configured;

	PublicUrl(@Value("${meizhi.public-url:}") String configured) {
		this.configured = StringUtils.hasText(configured) ? configured.strip().replaceAll("/+$", "") : null;
	}

	/**
	 * The address without a trailing slash, e.g. {@code https://meizhi.example.gov.cn}.
	 */
	public String base() {
		return configured != null ? configured
				: ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

	/**
	 * The configured address, or empty when none is (demo mode): for work done outside a
	 * request (a job's webhook payload), where no request can supply one.
	 */
	public String configuredBase() {
		return configured == null ? "" : configured;
	}

}
