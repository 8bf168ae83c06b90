package cn.meizhi.webhook.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.meizhi.institution.InstitutionEvents.InstitutionStatusChanged;
import cn.meizhi.rating.PublicRating;
import cn.meizhi.rating.RatingEvent;
import cn.meizhi.rating.RatingRegister;
import cn.meizhi.rating.RatingsExpired;
import cn.meizhi.shared.PublicUrl;
import cn.meizhi.webhook.WebhookEventType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a delivery for each subscriber that wants a change, in the change's own
 * transaction (like the audit trail): a change that rolls back sends nothing, and a
 * committed one is in the table before anyone could lose it. Each change gets one id, the
 * same for every subscriber and every attempt.
 */
@Component
class WebhookOutbox {

	private final WebhookSubscriberRepository subscribers;

	private final WebhookDeliveryRepository deliveries;

	private final RatingRegister ratings;

	private final PublicUrl publicUrl;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The rating facts a subscriber can ask for. */
	private static final Map<Class<? extends RatingEvent>, WebhookEventType> TYPES = Map.of(
			RatingEvent.RatingPublished.class, WebhookEventType.RATING_PUBLISHED, RatingEvent.RatingSuspended.class,
			WebhookEventType.RATING_SUSPENDED, RatingEvent.RatingReinstated.class, WebhookEventType.RATING_REINSTATED,
			RatingEvent.RatingRevoked.class, WebhookEventType.RATING_REVOKED, RatingEvent.RatingExpired.class,
			WebhookEventType.RATING_EXPIRED);

	private final Clock clock;

	WebhookOutbox(WebhookSubscriberRepository subscribers, WebhookDeliveryRepository deliveries, RatingRegister ratings,
			PublicUrl publicUrl, Clock clock) {
		this.subscribers = subscribers;
		this.deliveries = deliveries;
		this.ratings = ratings;
		this.publicUrl = publicUrl;
		this.clock = clock;
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRED)
	public void on(RatingEvent event) {
		WebhookEventType type = TYPES.get(event.getClass());
		if (type != null) {
			ratingChanges(type, List.of(event));
		}
	}

	/** The night's expiries: the subscribers and the ratings read once for all. */
	@EventListener
	@Transactional(propagation = Propagation.REQUIRED)
	public void on(RatingsExpired expired) {
		ratingChanges(WebhookEventType.RATING_EXPIRED, expired.events());
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRED)
	public void on(InstitutionStatusChanged changed) {
		List<WebhookSubscriber> wanting = wanting(WebhookEventType.INSTITUTION_LICENCE_CHANGED);
		if (wanting.isEmpty()) {
			return;
		}
		Map<String, Object> institution = institution(changed.institutionId(), changed.name(), changed.regionCode());
		institution.put("licenceStatus", changed.to().name());
		institution.put("previousLicenceStatus", changed.from().name());
		Map<String, Object> body = envelope(WebhookEventType.INSTITUTION_LICENCE_CHANGED, changed.occurredAt());
		body.put("institution", institution);
		enqueue(wanting, WebhookEventType.INSTITUTION_LICENCE_CHANGED, body);
	}

	private void ratingChanges(WebhookEventType type, List<? extends RatingEvent> events) {
		List<WebhookSubscriber> wanting = wanting(type);
		if (wanting.isEmpty()) {
			return;
		}
		Map<Long, PublicRating> current = ratings.publicRatings(events.stream().map(RatingEvent::ratingId).toList());
		String base = publicUrl.configuredBase();
		for (RatingEvent event : events) {
			Map<String, Object> body = envelope(type, event.occurredAt());
			body.put("institution", institution(event.institutionId(), event.summary(), event.regionCode()));
			Map<String, Object> rating = new LinkedHashMap<>();
			rating.put("id", event.ratingId());
			PublicRating facts = current.get(event.ratingId());
			if (facts != null) {
				rating.put("status", facts.getStatus().name());
				rating.put("stars", facts.getStars());
				rating.put("certificateNo", facts.getCertificateNo());
				rating.put("validFrom", String.valueOf(facts.getValidFrom()));
				rating.put("validUntil", String.valueOf(facts.getValidUntil()));
				rating.put("verifyUrl", base + "/verify/" + facts.getCertificateNo());
			}
			body.put("rating", rating);
			enqueue(wanting, type, body);
		}
	}

	private List<WebhookSubscriber> wanting(WebhookEventType type) {
		return subscribers.findByActiveTrue().stream().filter(s -> s.wants(type)).toList();
	}

	private Map<String, Object> envelope(WebhookEventType type, Instant occurredAt) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", UUID.randomUUID().toString());
		body.put("type", type.wireName());
		body.put("occurredAt", occurredAt.toString());
		return body;
	}

	private Map<String, Object> institution(long id, String name, String regionCode) {
		Map<String, Object> institution = new LinkedHashMap<>();
		institution.put("id", id);
		institution.put("name", name);
		institution.put("regionCode", regionCode);
		institution.put("profileUrl", publicUrl.configuredBase() + "/institutions/" + id);
		return institution;
	}

	private void enqueue(List<WebhookSubscriber> wanting, WebhookEventType type, Map<String, Object> body) {
		String payload = JSON.writeValueAsString(body);
		UUID eventId = UUID.fromString((String) body.get("id"));
		Instant now = clock.instant();
		for (WebhookSubscriber subscriber : wanting) {
			deliveries.save(new WebhookDelivery(subscriber.getId(), eventId, type.wireName(), payload, now));
		}
	}

}
