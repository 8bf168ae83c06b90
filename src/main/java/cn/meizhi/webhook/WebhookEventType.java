package cn.meizhi.webhook;

import java.util.Arrays;
import java.util.Optional;

/** What a subscriber may ask to be told, by the name the JSON carries. */
public enum WebhookEventType {

	RATING_PUBLISHED("rating.published"), RATING_SUSPENDED("rating.suspended"), RATING_REINSTATED("rating.reinstated"),
	RATING_REVOKED("rating.revoked"), RATING_EXPIRED("rating.expired"),
	INSTITUTION_LICENCE_CHANGED("institution.licence_changed");

	private final String wireName;

	WebhookEventType(String wireName) {
		this.wireName = wireName;
	}

	/** The name in the JSON's {@code type} and the {@code X-Meizhi-Event-Type} header. */
	public String wireName() {
		return wireName;
	}

	public static Optional<WebhookEventType> ofWireName(String name) {
		return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
	}

}
