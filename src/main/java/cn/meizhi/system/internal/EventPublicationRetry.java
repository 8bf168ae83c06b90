package cn.meizhi.system.internal;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives a failed after-commit listener another go: every publication in the registry
 * marked FAILED (the listener threw, or a node died before or while running it and the
 * publication went stale) and older than {@code meizhi.events.retry-after} is handed to
 * its listener again. Runs once across nodes (ShedLock).
 */
@Component
public class EventPublicationRetry {

	private final FailedEventPublications failed;

	private final Duration retryAfter;

	EventPublicationRetry(FailedEventPublications failed, @Value("${meizhi.events.retry-after}") Duration retryAfter) {
		this.failed = failed;
		this.retryAfter = retryAfter;
	}

	@Scheduled(fixedDelayString = "${meizhi.events.retry-schedule}",
			initialDelayString = "${meizhi.events.retry-schedule}")
	@SchedulerLock(name = "event-publication-retry", lockAtMostFor = "PT5M")
	public void retryFailed() {
		retryFailedOlderThan(retryAfter);
	}

	/** Resubmits the failed publications at least this old. */
	public void retryFailedOlderThan(Duration minAge) {
		failed.resubmit(ResubmissionOptions.defaults().withMinAge(minAge));
	}

}
