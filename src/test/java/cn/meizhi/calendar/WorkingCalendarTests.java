package cn.meizhi.calendar;

import java.time.LocalDate;

import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Working days as the State Council's 2026 arrangement has them, and the administrator's
 * page that keeps the calendar. Each test marks days of a year far from the others'.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WorkingCalendarTests {

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void weekendsHolidaysAndWorkedWeekendDaysOf2026() {
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 30))).isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse(); // 国庆节
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 3))).isFalse(); // a
																				// Saturday
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue(); // a
																				// Saturday
																				// worked
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue(); // 春节调休
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 23))).isFalse();
		// Friday 25 September (中秋节) + 1 working day: Sat 26 and Sun 27 off, Sept 28 works
		assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 9, 24), 1)).isEqualTo(LocalDate.of(2026, 9, 28));
		assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 9, 29), 5)).isEqualTo(LocalDate.of(2026, 10, 12));
		assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 9, 29), 0)).isEqualTo(LocalDate.of(2026, 9, 29));
		assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 29), LocalDate.of(2026, 10, 12))).isEqualTo(5);
		assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 9, 29))).isZero();
		assertThatThrownBy(() -> calendar.plusWorkingDays(LocalDate.of(2026, 9, 29), -1))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void anAdministratorMarksAndUnmarksDaysAndTheTrailRecordsIt() {
		LocalDate monday = LocalDate.of(2031, 3, 3);
		assertThat(calendar.plusWorkingDays(LocalDate.of(2031, 2, 28), 1)).isEqualTo(monday);
		calendar.mark(Fixtures.admin(), monday, DayKind.HOLIDAY, "测试假日");
		assertThat(calendar.plusWorkingDays(LocalDate.of(2031, 2, 28), 1)).isEqualTo(monday.plusDays(1));
		calendar.mark(Fixtures.admin(), LocalDate.of(2031, 3, 1), DayKind.WORKDAY, "测试调休");
		assertThat(calendar.plusWorkingDays(LocalDate.of(2031, 2, 28), 1)).isEqualTo(LocalDate.of(2031, 3, 1));
		assertThat(calendar.markedDays(2031)).extracting(WorkingCalendar.MarkedDay::name)
			.containsExactly("测试调休", "测试假日");
		calendar.unmark(Fixtures.admin(), monday);
		calendar.unmark(Fixtures.admin(), LocalDate.of(2031, 3, 1));
		assertThat(calendar.hasMarks(2031)).isFalse();
		assertThat(jdbc.queryForList(
				"select action from audit_event where object_type = 'WorkingCalendar' and object_id like '2031-%' order by id",
				String.class))
			.containsExactly("CALENDAR_DAY_MARKED", "CALENDAR_DAY_MARKED", "CALENDAR_DAY_UNMARKED",
					"CALENDAR_DAY_UNMARKED");
	}

	@Test
	void marksThatWouldChangeNothingAreRefusedAndOnlyAnAdministratorMarks() {
		assertThatThrownBy(() -> calendar.mark(Fixtures.admin(), LocalDate.of(2032, 3, 6), DayKind.HOLIDAY, "周六"))
			.isInstanceOfSatisfying(FormRejectedException.class,
					ex -> assertThat(ex.reasons().get(0).code()).isEqualTo("calendar.holidayOnWeekend"));
		assertThatThrownBy(() -> calendar.mark(Fixtures.admin(), LocalDate.of(2032, 3, 8), DayKind.WORKDAY, "周一"))
			.isInstanceOfSatisfying(FormRejectedException.class,
					ex -> assertThat(ex.reasons().get(0).code()).isEqualTo("calendar.workdayOnWeekday"));
		assertThatThrownBy(() -> calendar.mark(Fixtures.admin(), LocalDate.of(2032, 3, 8), DayKind.HOLIDAY, " "))
			.isInstanceOf(FormRejectedException.class);
		assertThatThrownBy(
				() -> calendar.mark(Fixtures.regulator("330000"), LocalDate.of(2032, 3, 8), DayKind.HOLIDAY, "x"))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(calendar.hasMarks(2032)).isFalse();
	}

	@Test
	void theAdministratorsPageShowsTheYearAndKeepsWhatWasTypedOnARefusal() throws Exception {
		var admin = user(Fixtures.principal(Fixtures.admin()));
		mvc.perform(get("/admin/calendar").param("year", "2026").with(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("国庆节调休")));
		mvc.perform(get("/admin/calendar").param("year", "2034").with(admin))
			.andExpect(content().string(containsString("2034 年没有登记特殊日期")));
		mvc.perform(post("/admin/calendar").with(csrf())
			.with(admin)
			.param("day", "2033-03-05")
			.param("kind", "HOLIDAY")
			.param("name", "打错的假日"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("周六、周日本来就休息")))
			.andExpect(content().string(containsString("打错的假日")));
		mvc.perform(post("/admin/calendar").with(csrf())
			.with(admin)
			.param("day", "2033-03-07")
			.param("kind", "HOLIDAY")
			.param("name", "测试假日")).andExpect(status().is3xxRedirection());
		assertThat(calendar.isWorkingDay(LocalDate.of(2033, 3, 7))).isFalse();
		mvc.perform(post("/admin/calendar/2033-03-07/unmark").with(csrf()).with(admin))
			.andExpect(status().is3xxRedirection());
		assertThat(calendar.isWorkingDay(LocalDate.of(2033, 3, 7))).isTrue();
		mvc.perform(get("/admin/calendar").with(user(Fixtures.principal(Fixtures.regulator("330000")))))
			.andExpect(status().isForbidden());
	}

}
