package cn.meizhi.calendar.internal;

import java.time.LocalDate;

import cn.meizhi.calendar.DayKind;
import cn.meizhi.calendar.WorkingCalendar;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator keeps the working calendar: a year's holidays and worked weekend
 * days.
 */
@Controller
@RequestMapping("/admin/calendar")
class AdminCalendarController {

	private final WorkingCalendar calendar;

	AdminCalendarController(WorkingCalendar calendar) {
		this.calendar = calendar;
	}

	@GetMapping
	String show(@RequestParam(required = false) Integer year, Model model) {
		int shown = year == null || year < 2000 || year > 2100 ? calendar.today().getYear() : year;
		model.addAttribute("year", shown);
		model.addAttribute("days", calendar.markedDays(shown));
		model.addAttribute("kinds", DayKind.values());
		model.addAttribute("nextYearMissing",
				shown == calendar.today().getYear() && !calendar.hasMarks(shown + 1) ? shown + 1 : null);
		return "calendar/admin";
	}

	@PostMapping
	String mark(CurrentUser admin,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam(required = false) DayKind kind, @RequestParam(defaultValue = "") String name, Model model,
			RedirectAttributes redirect) {
		try {
			calendar.mark(admin, day, kind, name);
			redirect.addFlashAttribute("message", "calendar.marked");
			return "redirect:/admin/calendar?year=" + day.getYear();
		}
		catch (FormRejectedException ex) {
			model.addAttribute("problems", ex.reasons());
			model.addAttribute("typedDay", day);
			model.addAttribute("typedKind", kind);
			model.addAttribute("typedName", name);
			return show(day == null ? null : day.getYear(), model);
		}
	}

	@PostMapping("/{day}/unmark")
	String unmark(CurrentUser admin, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			RedirectAttributes redirect) {
		calendar.unmark(admin, day);
		redirect.addFlashAttribute("message", "calendar.unmarked");
		return "redirect:/admin/calendar?year=" + day.getYear();
	}

}
