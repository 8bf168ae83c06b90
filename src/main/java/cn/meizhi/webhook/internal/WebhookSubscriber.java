package cn.meizhi.webhook.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import cn.meizhi.webhook.WebhookEventType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * An organisation that receives the public changes at an endpoint of its own, signed with
 * a secret it shares with the portal.
 */
@Entity
@Table(name = "webhook_subscriber")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class WebhookSubscriber {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long lockVersion;

	private String name;

	private String endpointUrl;

	private String secret;

	/** The event types, by enum name, separated by spaces. */
	private String eventTypes;

	private boolean active;

	private String contact;

	private Instant createdAt;

	private String createdBy;

	public WebhookSubscriber(String name, String endpointUrl, String secret, Set<WebhookEventType> eventTypes,
			String contact, String createdBy, Instant now) {
		this.name = name;
		this.endpointUrl = endpointUrl;
		this.secret = secret;
		this.eventTypes = eventTypes.stream().map(Enum::name).sorted().collect(Collectors.joining(" "));
		this.contact = contact;
		this.active = true;
		this.createdBy = createdBy;
		this.createdAt = now;
	}

	public Set<WebhookEventType> eventTypeSet() {
		Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
		Arrays.stream(eventTypes.split(" "))
			.filter(s -> !s.isBlank())
			.map(WebhookEventType::valueOf)
			.forEach(types::add);
		return types;
	}

	public boolean wants(WebhookEventType type) {
		return active && eventTypeSet().contains(type);
	}

	public void setActive(boolean active) {
		this.active = active;
	}

}
