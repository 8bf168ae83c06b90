package cn.meizhi.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;

import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FieldChange;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.shared.Role;
import cn.meizhi.webhook.internal.WebhookDelivery;
import cn.meizhi.webhook.internal.WebhookDeliveryRepository;
import cn.meizhi.webhook.internal.WebhookSubscriber;
import cn.meizhi.webhook.internal.WebhookSubscriberRepository;
import cn.meizhi.webhook.internal.WebhookSignature;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's side of the webhooks: registering an organisation's endpoint and
 * the changes it wants, switching it off and on, and its delivery log (each attempt's
 * outcome; a failed delivery can be sent again). Endpoints must be HTTPS unless
 * {@code meizhi.webhooks.allow-insecure-endpoints} is set (development and tests).
 */
@Service
@Transactional(readOnly = true)
public class Webhooks {

	private final WebhookSubscriberRepository subscribers;

	private final WebhookDeliveryRepository deliveries;

	private final boolean allowInsecure;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Webhooks(WebhookSubscriberRepository subscribers, WebhookDeliveryRepository deliveries,
			@Value("${meizhi.webhooks.allow-insecure-endpoints:false}") boolean allowInsecure, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.subscribers = subscribers;
		this.deliveries = deliveries;
		this.allowInsecure = allowInsecure;
		this.clock = clock;
	}

	/**
	 * A subscriber registered, with the secret its deliveries are signed with (shown
	 * once).
	 */
	public record Registered(WebhookSubscriber subscriber, String secret) {
	}

	@Transactional
	public Registered register(CurrentUser admin, SubscriberForm form) {
		requireAdmin(admin);
		var reasons = new FormRejectedException.Collector();
		String name = form.getName() == null ? "" : form.getName().strip();
		if (name.isEmpty()) {
			reasons.reject("name", "webhook.name.required");
		}
		else if (name.length() > 200) {
			reasons.reject("name", "standard.text.tooLong", 200);
		}
		String url = form.getEndpointUrl() == null ? "" : form.getEndpointUrl().strip();
		if (!acceptable(url)) {
			reasons.reject("endpointUrl", allowInsecure ? "webhook.url.invalid" : "webhook.url.https");
		}
		if (form.getEventTypes() == null || form.getEventTypes().isEmpty()) {
			reasons.reject("eventTypes", "webhook.types.required");
		}
		String contact = form.getContact() == null ? "" : form.getContact().strip();
		if (contact.length() > 200) {
			reasons.reject("contact", "standard.text.tooLong", 200);
		}
		reasons.throwIfAny();
		String secret = WebhookSignature.newSecret();
		WebhookSubscriber subscriber = subscribers.saveAndFlush(new WebhookSubscriber(name, url, secret,
				form.getEventTypes(), contact.isEmpty() ? null : contact, admin.username(), clock.instant()));
		events.publishEvent(new WebhookEvent.SubscriberRegistered(subscriber.getId(), name,
				new FieldChange.Diff().add("endpointUrl", null, url)
					.add("eventTypes", null,
							form.getEventTypes().stream().map(WebhookEventType::wireName).sorted().toList().toString())
					.changes(),
				admin.actor(), clock.instant()));
		return new Registered(subscriber, secret);
	}

	private boolean acceptable(String url) {
		if (url.isEmpty() || url.length() > 500) {
			return false;
		}
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme();
			return uri.getHost() != null && uri.getUserInfo() == null && uri.getFragment() == null
					&& ("https".equals(scheme) || (allowInsecure && "http".equals(scheme)));
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	public List<WebhookSubscriber> list(CurrentUser admin) {
		requireAdmin(admin);
		return subscribers.findAllByOrderByName();
	}

	public WebhookSubscriber subscriber(CurrentUser admin, long id) {
		requireAdmin(admin);
		return subscribers.findById(id).orElseThrow(() -> new NotFoundException("Webhook subscriber", id));
	}

	/** A subscriber's deliveries, newest first, 50 a page. */
	public Page<WebhookDelivery> deliveries(CurrentUser admin, long subscriberId, int page) {
		subscriber(admin, subscriberId);
		return deliveries.findBySubscriberIdOrderByIdDesc(subscriberId, PageRequest.of(Math.max(0, page), 50));
	}

	/**
	 * Switches a subscriber off (its pending deliveries wait) or on again (they are sent,
	 * unless a day has passed since their change).
	 */
	@Transactional
	public void setActive(CurrentUser admin, long id, boolean active) {
		WebhookSubscriber subscriber = subscriber(admin, id);
		boolean before = subscriber.isActive();
		subscriber.setActive(active);
		events.publishEvent(new WebhookEvent.SubscriberSwitched(id, subscriber.getName(),
				new FieldChange.Diff().add("active", before, active).changes(), admin.actor(), clock.instant()));
	}

	/** Sends a failed delivery again, now, with the same event id. */
	@Transactional
	public void sendAgain(CurrentUser admin, long subscriberId, long deliveryId) {
		subscriber(admin, subscriberId);
		WebhookDelivery delivery = deliveries.findById(deliveryId)
			.filter(d -> d.getSubscriberId() == subscriberId)
			.orElseThrow(() -> new NotFoundException("Webhook delivery", deliveryId));
		if (delivery.getStatus() != WebhookDelivery.Status.FAILED) {
			throw FormRejectedException.of(null, "webhook.sendAgain.notFailed");
		}
		delivery.retryNow(clock.instant());
		events.publishEvent(new WebhookEvent.DeliverySentAgain(subscriberId, delivery.getEventType(),
				new FieldChange.Diff().add("eventId", null, delivery.getEventId().toString()).changes(), admin.actor(),
				clock.instant()));
	}

	private static void requireAdmin(CurrentUser user) {
		if (!user.is(Role.ADMIN)) {
			throw new NotFoundException("Webhook subscriber", user.username());
		}
	}

}
