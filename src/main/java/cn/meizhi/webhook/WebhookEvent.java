package cn.meizhi.webhook;

import java.time.Instant;
import java.util.List;

import cn.meizhi.shared.Actor;
import cn.meizhi.shared.AuditableEvent;
import cn.meizhi.shared.FieldChange;

/**
 * What an administrator did to a webhook subscriber, for the audit trail: one record per
 * fact. Nothing the public sees changes.
 */
public sealed interface WebhookEvent extends AuditableEvent {

	long subscriberId();

	@Override
	default String objectType() {
		return "WebhookSubscriber";
	}

	@Override
	default String objectId() {
		return String.valueOf(subscriberId());
	}

	@Override
	default String regionCode() {
		return null;
	}

	@Override
	default boolean changesPublicData() {
		return false;
	}

	/** A subscriber was registered, with its endpoint and the changes it wants. */
	record SubscriberRegistered(long subscriberId, String summary, List<FieldChange> changes, Actor actor,
			Instant occurredAt) implements WebhookEvent {

		@Override
		public String action() {
			return "WEBHOOK_SUBSCRIBER_REGISTERED";
		}

	}

	/** A subscriber was switched off or on. */
	record SubscriberSwitched(long subscriberId, String summary, List<FieldChange> changes, Actor actor,
			Instant occurredAt) implements WebhookEvent {

		@Override
		public String action() {
			return "WEBHOOK_SUBSCRIBER_SWITCHED";
		}

	}

	/** A delivery given up was sent again. */
	record DeliverySentAgain(long subscriberId, String summary, List<FieldChange> changes, Actor actor,
			Instant occurredAt) implements WebhookEvent {

		@Override
		public String action() {
			return "WEBHOOK_DELIVERY_SENT_AGAIN";
		}

	}

}
