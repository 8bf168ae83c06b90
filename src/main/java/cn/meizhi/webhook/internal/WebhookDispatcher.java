package cn.meizhi.webhook.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lombok.extern.slf4j.Slf4j;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the due deliveries, oldest first, on one node at a time (a ShedLock lock held at
 * most two minutes, {@code meizhi.webhooks.lock-at-most-for}, so a node that dies holding
 * it delays the others that long; every five seconds,
 * {@code meizhi.webhooks.dispatch-delay}). Each attempt is a POST of the JSON with its
 * signature, outside any transaction; its outcome is recorded right after in a short one.
 * An endpoint that fails puts off its other deliveries with it, so a dead endpoint costs
 * one request per backoff step, not one per delivery. A node that dies between sending
 * and recording leaves the delivery pending: it is sent again, with the same event id,
 * which is what receivers de-duplicate on.
 */
@Slf4j
@Component
public class WebhookDispatcher {

	private final WebhookDeliveryRepository deliveries;

	private final WebhookSubscriberRepository subscribers;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final HttpClient http;

	private final Duration timeout;

	private final Duration giveUpAfter;

	private final int batch;

	private final Duration budget;

	WebhookDispatcher(WebhookDeliveryRepository deliveries, WebhookSubscriberRepository subscribers,
			PlatformTransactionManager transactionManager, Clock clock,
			@Value("${meizhi.webhooks.timeout:PT10S}") Duration timeout,
			@Value("${meizhi.webhooks.give-up-after:PT24H}") Duration giveUpAfter,
			@Value("${meizhi.webhooks.batch:100}") int batch,
			@Value("${meizhi.webhooks.lock-at-most-for:PT2M}") Duration lockAtMostFor) {
		this.deliveries = deliveries;
		this.subscribers = subscribers;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.timeout = timeout;
		this.giveUpAfter = giveUpAfter;
		this.batch = batch;
		// a run starts no attempt after half its lock's lifetime: with the attempt's own
		// timeout it ends before another node may take the lock
		this.budget = lockAtMostFor.dividedBy(2);
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/**
	 * Sends what is due; answers how many attempts were made, or null when another node
	 * held the lock.
	 */
	@Scheduled(fixedDelayString = "${meizhi.webhooks.dispatch-delay:PT5S}")
	@SchedulerLock(name = "webhook-dispatch", lockAtMostFor = "${meizhi.webhooks.lock-at-most-for:PT2M}")
	public Integer dispatch() {
		Instant started = clock.instant();
		List<WebhookDelivery> due = transactions
			.execute(status -> deliveries.findDue(clock.instant(), PageRequest.of(0, batch)));
		if (due == null || due.isEmpty()) {
			return 0;
		}
		Map<Long, WebhookSubscriber> bySubscriber = new HashMap<>();
		subscribers.findAllById(due.stream().map(WebhookDelivery::getSubscriberId).distinct().toList())
			.forEach(s -> bySubscriber.put(s.getId(), s));
		Set<Long> failing = new HashSet<>();
		int attempts = 0;
		for (WebhookDelivery delivery : due) {
			WebhookSubscriber subscriber = bySubscriber.get(delivery.getSubscriberId());
			if (subscriber == null || !subscriber.isActive() || failing.contains(subscriber.getId())) {
				continue;
			}
			if (Duration.between(started, clock.instant()).compareTo(budget) > 0) {
				// the rest waits for the next run, before this node's lock could lapse
				break;
			}
			Attempt attempt = send(subscriber, delivery);
			attempts++;
			Instant now = clock.instant();
			Instant next = transactions.execute(status -> {
				WebhookDelivery fresh = deliveries.findById(delivery.getId()).orElseThrow();
				if (attempt.ok()) {
					fresh.delivered(attempt.status(), now);
					return null;
				}
				fresh.failed(attempt.status(), attempt.error(), now, giveUpAfter);
				return fresh.getStatus() == WebhookDelivery.Status.PENDING ? fresh.getNextAttemptAt() : null;
			});
			if (!attempt.ok()) {
				failing.add(subscriber.getId());
				if (next != null) {
					transactions.executeWithoutResult(status -> deliveries.findDue(now, PageRequest.of(0, batch))
						.stream()
						.filter(d -> d.getSubscriberId().equals(subscriber.getId()))
						.forEach(d -> d.deferTo(next)));
				}
				log.info("Webhook delivery {} to {} failed (attempt {}): {}", delivery.getId(), subscriber.getName(),
						delivery.getAttempts() + 1, attempt.error());
			}
		}
		return attempts;
	}

	private record Attempt(boolean ok, Integer status, String error) {
	}

	private Attempt send(WebhookSubscriber subscriber, WebhookDelivery delivery) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(subscriber.getEndpointUrl()))
				.timeout(timeout)
				.header("Content-Type", "application/json; charset=utf-8")
				.header("User-Agent", "Meizhi-Webhooks/1")
				.header("X-Meizhi-Event-Id", delivery.getEventId().toString())
				.header("X-Meizhi-Event-Type", delivery.getEventType())
				.header("X-Meizhi-Delivery", String.valueOf(delivery.getId()))
				.header("X-Meizhi-Signature",
						WebhookSignature.header(subscriber.getSecret(), clock.instant().getEpochSecond(),
								delivery.getPayload()))
				.POST(HttpRequest.BodyPublishers.ofString(delivery.getPayload()))
				.build();
			HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
			int status = response.statusCode();
			return status >= 200 && status < 300 ? new Attempt(true, status, null)
					: new Attempt(false, status, "HTTP " + status);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Attempt(false, null, "interrupted");
		}
		catch (Exception ex) {
			return new Attempt(false, null,
					ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
		}
	}

}
