package cn.meizhi.calendar;

import java.time.Instant;
import java.time.LocalDate;

import cn.meizhi.shared.Actor;
import cn.meizhi.shared.AuditableEvent;

/**
 * The working calendar changed: one record per fact. Deadlines already counted may move;
 * the modules that count them listen.
 */
public sealed interface CalendarEvent extends AuditableEvent {

	LocalDate day();

	@Override
	default String objectType() {
		return "WorkingCalendar";
	}

	@Override
	default String objectId() {
		return day().toString();
	}

	@Override
	default String regionCode() {
		return null;
	}

	@Override
	default boolean changesPublicData() {
		return false;
	}

	/** A day was marked as a holiday or a worked weekend day. */
	record CalendarDayMarked(LocalDate day, DayKind kind, String summary, Actor actor,
			Instant occurredAt) implements CalendarEvent {

		@Override
		public String action() {
			return "CALENDAR_DAY_MARKED";
		}

	}

	/** A day's mark was removed: it is an ordinary day of the week again. */
	record CalendarDayUnmarked(LocalDate day, String summary, Actor actor,
			Instant occurredAt) implements CalendarEvent {

		@Override
		public String action() {
			return "CALENDAR_DAY_UNMARKED";
		}

	}

}
