package cn.meizhi.complaint.internal;

import cn.meizhi.calendar.CalendarEvent;
import cn.meizhi.complaint.Complaints;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a day of the working calendar changes, the undecided complaints' deadlines are
 * counted again, in the same transaction as the change.
 */
@Component
class DeadlineRecount {

	private final Complaints complaints;

	DeadlineRecount(Complaints complaints) {
		this.complaints = complaints;
	}

	@EventListener
	void on(CalendarEvent changed) {
		complaints.recountDeadlines();
	}

}
