package cn.meizhi.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.meizhi.calendar.internal.CalendarDay;
import cn.meizhi.calendar.internal.CalendarDayRepository;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.Formats;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.shared.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which days are working days: Monday to Friday, except the holidays marked in the
 * calendar, plus the weekend days marked as worked (调休). Read from the database on every
 * question, so every node counts the same deadline the moment an administrator changes a
 * day.
 */
@Service
@Transactional(readOnly = true)
public class WorkingCalendar {

	private final CalendarDayRepository days;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Formats formats;

	WorkingCalendar(CalendarDayRepository days, ApplicationEventPublisher events, Clock clock, Formats formats) {
		this.days = days;
		this.events = events;
		this.clock = clock;
		this.formats = formats;
	}

	/** Today where the portal works (its time zone). */
	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), formats.zone());
	}

	/** The day an instant falls on where the portal works. */
	public LocalDate dayOf(java.time.Instant instant) {
		return LocalDate.ofInstant(instant, formats.zone());
	}

	/** A marked day. */
	public record MarkedDay(LocalDate day, DayKind kind, String name) {
	}

	public boolean isWorkingDay(LocalDate day) {
		return isWorkingDay(day, marks(day, day));
	}

	/**
	 * The day that is {@code workingDays} working days after {@code start} (the start
	 * itself not counted): a complaint received on a Friday with 5 working days to answer
	 * is due the next Friday, or later when a holiday falls between.
	 */
	public LocalDate plusWorkingDays(LocalDate start, int workingDays) {
		if (workingDays < 0) {
			throw new IllegalArgumentException("workingDays " + workingDays);
		}
		// room enough for the longest holidays (Spring Festival, National Day) in between
		Map<LocalDate, DayKind> marks = marks(start, start.plusDays(workingDays * 2L + 30));
		LocalDate day = start;
		int counted = 0;
		while (counted < workingDays) {
			day = day.plusDays(1);
			if (isWorkingDay(day, marks)) {
				counted++;
			}
		}
		return day;
	}

	/** The working days after {@code from} up to and including {@code to}. */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		if (!to.isAfter(from)) {
			return 0;
		}
		Map<LocalDate, DayKind> marks = marks(from, to);
		int count = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			if (isWorkingDay(day, marks)) {
				count++;
			}
		}
		return count;
	}

	/** The marked days of a year, in date order. */
	public List<MarkedDay> markedDays(int year) {
		return days.findByDayBetweenOrderByDay(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
			.stream()
			.map(d -> new MarkedDay(d.getDay(), d.getKind(), d.getName()))
			.toList();
	}

	/**
	 * Whether any day of the year is marked (an unmarked year is most likely not entered
	 * yet).
	 */
	public boolean hasMarks(int year) {
		return days.existsByDayBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

	/**
	 * An administrator marks a day (or changes its mark). A holiday must fall on a
	 * weekday and a worked day on a weekend: anything else would change nothing.
	 */
	@Transactional
	public void mark(CurrentUser admin, LocalDate day, DayKind kind, String name) {
		requireAdmin(admin);
		var problems = new FormRejectedException.Collector();
		if (day == null) {
			problems.reject("day", "calendar.day.required");
		}
		if (kind == null) {
			problems.reject("kind", "calendar.kind.required");
		}
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty()) {
			problems.reject("name", "calendar.name.required");
		}
		else if (trimmed.length() > 100) {
			problems.reject("name", "calendar.name.tooLong", 100);
		}
		if (day != null && kind != null) {
			boolean weekend = isWeekend(day);
			if (kind == DayKind.HOLIDAY && weekend) {
				problems.reject("day", "calendar.holidayOnWeekend");
			}
			if (kind == DayKind.WORKDAY && !weekend) {
				problems.reject("day", "calendar.workdayOnWeekday");
			}
		}
		problems.throwIfAny();
		CalendarDay existing = days.findById(day).orElse(null);
		if (existing == null) {
			days.save(new CalendarDay(day, kind, trimmed));
		}
		else {
			existing.change(kind, trimmed);
		}
		days.flush();
		events.publishEvent(
				new CalendarEvent.CalendarDayMarked(day, kind, day + " " + trimmed, admin.actor(), clock.instant()));
	}

	/** An administrator removes a day's mark. */
	@Transactional
	public void unmark(CurrentUser admin, LocalDate day) {
		requireAdmin(admin);
		CalendarDay existing = days.findById(day).orElseThrow(() -> new NotFoundException("CalendarDay", day));
		days.delete(existing);
		days.flush();
		events.publishEvent(new CalendarEvent.CalendarDayUnmarked(day, day + " " + existing.getName(), admin.actor(),
				clock.instant()));
	}

	private Map<LocalDate, DayKind> marks(LocalDate from, LocalDate to) {
		return days.findByDayBetweenOrderByDay(from, to)
			.stream()
			.collect(Collectors.toMap(CalendarDay::getDay, CalendarDay::getKind));
	}

	private static boolean isWorkingDay(LocalDate day, Map<LocalDate, DayKind> marks) {
		DayKind mark = marks.get(day);
		if (mark != null) {
			return mark == DayKind.WORKDAY;
		}
		return !isWeekend(day);
	}

	private static boolean isWeekend(LocalDate day) {
		return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	private static void requireAdmin(CurrentUser user) {
		if (!user.is(Role.ADMIN)) {
			throw new org.springframework.security.access.AccessDeniedException("admin only");
		}
	}

}
