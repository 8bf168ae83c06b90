package cn.meizhi.qualitymeasure.internal;

import cn.meizhi.qualitymeasure.MeasureReports;
import lombok.extern.slf4j.Slf4j;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds the institutions whose quality-measure report of a period is overdue, once per
 * institution and period. Hourly ({@code meizhi.quality-measures.reminder-cron}), so a
 * failed run is retried within the hour; one node at a time (a ShedLock lock), and the
 * reminder table's key refuses a second reminder anyway.
 */
@Slf4j
@Component
public class MeasureReminderJob {

	private final MeasureReports reports;

	MeasureReminderJob(MeasureReports reports) {
		this.reports = reports;
	}

	/** Reminds who is late; answers how many, or null when another node held the lock. */
	@Scheduled(cron = "${meizhi.quality-measures.reminder-cron:0 5 * * * *}",
			zone = "${meizhi.time-zone:Asia/Shanghai}")
	@SchedulerLock(name = "quality-measure-reminders", lockAtMostFor = "PT30M")
	public Integer remindOverdue() {
		int count = reports.remindOverdue();
		if (count > 0) {
			log.info("Reminded {} institution(s) of an overdue quality-measure report", count);
		}
		return count;
	}

}
