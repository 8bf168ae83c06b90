package cn.meizhi.rating.internal;

import cn.meizhi.rating.Ratings;
import lombok.extern.slf4j.Slf4j;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the ratings whose public notice (公示) has ended with no objection left
 * unanswered, as {@code system}. It fires every ten minutes
 * ({@code meizhi.ratings.notice-cron}), so a rating takes effect within minutes of its
 * notice's end and a failed run is retried ten minutes later; one node at a time runs it
 * (a ShedLock lock), and each rating's version refuses a second publication anyway.
 */
@Slf4j
@Component
public class RatingNoticeJob {

	private final Ratings ratings;

	RatingNoticeJob(Ratings ratings) {
		this.ratings = ratings;
	}

	/**
	 * Publishes what is due; answers how many, or null when another node held the lock.
	 */
	@Scheduled(cron = "${meizhi.ratings.notice-cron:0 */10 * * * *}", zone = "${meizhi.time-zone:Asia/Shanghai}")
	@SchedulerLock(name = "rating-notice", lockAtMostFor = "PT30M")
	public Integer publishEndedNotices() {
		int count = ratings.publishEndedNotices(RatingExpiryJob.SYSTEM);
		if (count > 0) {
			log.info("Published {} rating(s) whose public notice ended", count);
		}
		return count;
	}

}
