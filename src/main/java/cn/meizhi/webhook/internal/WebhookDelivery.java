package cn.meizhi.webhook.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * One change to send to one subscriber, and how its attempts went: PENDING until the
 * endpoint answers 2xx (DELIVERED) or a day of retries has passed (FAILED).
 */
@Entity
@Table(name = "webhook_delivery")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class WebhookDelivery {

	/** Where a delivery stands. */
	public enum Status {

		PENDING, DELIVERED, FAILED

	}

	/** The longest wait between two attempts. */
	static final Duration LONGEST_WAIT = Duration.ofHours(1);

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long subscriberId;

	private UUID eventId;

	private String eventType;

	private String payload;

	@Enumerated(EnumType.STRING)
	private Status status;

	private int attempts;

	private Instant nextAttemptAt;

	private Integer lastStatus;

	private String lastError;

	private Instant createdAt;

	private Instant deliveredAt;

	WebhookDelivery(long subscriberId, UUID eventId, String eventType, String payload, Instant now) {
		this.subscriberId = subscriberId;
		this.eventId = eventId;
		this.eventType = eventType;
		this.payload = payload;
		this.status = Status.PENDING;
		this.nextAttemptAt = now;
		this.createdAt = now;
	}

	void delivered(int httpStatus, Instant now) {
		this.attempts++;
		this.status = Status.DELIVERED;
		this.lastStatus = httpStatus;
		this.lastError = null;
		this.deliveredAt = now;
	}

	/**
	 * An attempt failed: the next waits twice as long as the last (1, 2, 4 … minutes, at
	 * most an hour), and after {@code giveUpAfter} from the change there is no next one.
	 */
	void failed(Integer httpStatus, String error, Instant now, Duration giveUpAfter) {
		this.attempts++;
		this.lastStatus = httpStatus;
		this.lastError = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
		Duration wait = Duration.ofMinutes(1L << Math.min(attempts - 1, 10));
		Instant next = now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
		if (next.isAfter(createdAt.plus(giveUpAfter))) {
			this.status = Status.FAILED;
		}
		else {
			this.nextAttemptAt = next;
		}
	}

	/** Another try now (the administrator's "send again" on a failed delivery). */
	public void retryNow(Instant now) {
		this.status = Status.PENDING;
		this.nextAttemptAt = now;
	}

	/** Put off with its subscriber's other deliveries after one of them failed. */
	void deferTo(Instant next) {
		this.nextAttemptAt = next;
	}

}
