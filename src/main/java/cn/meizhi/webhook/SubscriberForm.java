package cn.meizhi.webhook;

import java.util.EnumSet;
import java.util.Set;

import lombok.Getter;
import lombok.Setter;

/** A new subscriber, as the administrator types it. */
@Getter
@Setter
public class SubscriberForm {

	private String name = "";

	private String endpointUrl = "";

	private Set<WebhookEventType> eventTypes = EnumSet.noneOf(WebhookEventType.class);

	private String contact = "";

}
