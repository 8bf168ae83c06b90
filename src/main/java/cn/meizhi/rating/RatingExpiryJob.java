package cn.meizhi.rating;

import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.Role;
import lombok.extern.slf4j.Slf4j;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night, moves ratings whose validity has ended to EXPIRED across all jurisdictions, so the
 * directory never shows a lapsed star. The transitions and audit entries name {@code system} as the
 * actor. Safe to run on several nodes: {@link Ratings#expireDue} expires each rating exactly once.
 */
@Slf4j
@Component
class RatingExpiryJob {

	/** The actor recorded for work the portal does on its own. */
	static final CurrentUser SYSTEM = new CurrentUser(0, "system", "system", Role.ADMIN, null, null);

	private final Ratings ratings;

	RatingExpiryJob(Ratings ratings) {
		this.ratings = ratings;
	}

	@Scheduled(cron = "${meizhi.ratings.expiry-cron:0 5 0 * * *}", zone = "${meizhi.time-zone:Asia/Shanghai}")
	int expireDueRatings() {
		long started = System.nanoTime();
		int count = ratings.expireDue(SYSTEM);
		if (count > 0) {
			log.info("Expired {} rating(s) whose validity has ended in {} ms", count,
					(System.nanoTime() - started) / 1_000_000);
		}
		return count;
	}

}
