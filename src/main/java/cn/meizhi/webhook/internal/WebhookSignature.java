package cn.meizhi.webhook.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a delivery is signed: {@code X-Meizhi-Signature: t=<unix seconds>,v1=<hex>}, where
 * the hex is HMAC-SHA256 with the subscriber's secret over {@code <t>.<body>}. The time
 * is inside the signature, so a receiver refuses a replayed delivery by its age (five
 * minutes is usual) without keeping state.
 */
public final class WebhookSignature {

	private static final SecureRandom RANDOM = new SecureRandom();

	private WebhookSignature() {
	}

	/** The header's value for a body sent at this second. */
	public static String header(String secret, long epochSecond, String body) {
		return "t=" + epochSecond + ",v1=" + hmac(secret, epochSecond + "." + body);
	}

	static String hmac(String secret, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	/** A new subscriber's secret: 32 random bytes, URL-safe Base64, with a prefix. */
	public static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
