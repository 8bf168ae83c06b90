package cn.meizhi.rating.internal;

import cn.meizhi.rating.Ratings;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.Role;
import lombok.extern.slf4j.Slf4j;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves ratings whose validity has ended to EXPIRED across all jurisdictions, so the
 * directory never shows a lapsed star. The transitions and audit entries name
 * {@code system} as the actor. It fires every ten minutes
 * ({@code meizhi.ratings.expiry-cron}): the first firing after midnight does the night's
 * work, and a run that failed (a database outage, a node killed) is retried ten minutes
 * later, not the next night. It runs on one node at a time (a ShedLock lock), and
 * {@link Ratings#expireDue} expires each rating exactly once in any case.
 */
@Slf4j
@Component
public class RatingExpiryJob {

	/** The actor recorded for work the portal does on its own. */
	static final CurrentUser SYSTEM = new CurrentUser(0, "system", "system", Role.ADMIN, null, null);

	private final Ratings ratings;

	RatingExpiryJob(Ratings ratings) {
		this.ratings = ratings;
	}

	/**
	 * Expires what is due; answers how many, or null when another node held the job's
	 * lock.
	 */
	@Scheduled(cron = "${meizhi.ratings.expiry-cron:0 */10 * * * *}", zone = "${meizhi.time-zone:Asia/Shanghai}")
	@SchedulerLock(name = "rating-expiry", lockAtMostFor = "PT30M")
	public Integer expireDueRatings() {
		long started = System.nanoTime();
		int count = ratings.expireDue(SYSTEM);
		if (count > 0) {
			log.info("Expired {} rating(s) whose validity has ended in {} ms", count,
					(System.nanoTime() - started) / 1_000_000);
		}
		return count;
	}

}
