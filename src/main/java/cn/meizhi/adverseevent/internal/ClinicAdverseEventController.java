package cn.meizhi.adverseevent.internal;

import cn.meizhi.adverseevent.AdverseEventForm;
import cn.meizhi.adverseevent.AdverseEvents;
import cn.meizhi.adverseevent.EventSeverity;
import cn.meizhi.adverseevent.PatientOutcome;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The clinic reports adverse events of its institution and reads back its reports. */
@Controller
@RequestMapping("/clinic/adverse-events")
class ClinicAdverseEventController {

	private final AdverseEvents events;

	ClinicAdverseEventController(AdverseEvents events) {
		this.events = events;
	}

	@GetMapping
	String list(CurrentUser user, Model model) {
		model.addAttribute("events", events.reportsOf(user));
		return "adverseevent/clinicList";
	}

	@GetMapping("/new")
	String initForm(Model model) {
		model.addAttribute("form", new AdverseEventForm());
		return showForm(model);
	}

	@PostMapping("/new")
	String processForm(CurrentUser user, @ModelAttribute("form") AdverseEventForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		for (FormRejectedException.Reason reason : events.check(form).reasons()) {
			// a field the binder could not read keeps its own message
			if (reason.field() == null || !result.hasFieldErrors(reason.field())) {
				new FormRejectedException(java.util.List.of(reason)).rejectInto(result);
			}
		}
		if (!result.hasErrors()) {
			var event = events.report(user, form);
			redirect.addFlashAttribute("message",
					event.getSeverity().isSevere() ? "adverseEvent.reportedSevere" : "adverseEvent.reported");
			return "redirect:/clinic/adverse-events";
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return showForm(model);
	}

	private String showForm(Model model) {
		model.addAttribute("severities", EventSeverity.values());
		model.addAttribute("outcomes", PatientOutcome.values());
		model.addAttribute("levels", java.util.List.of(1, 2, 3, 4));
		return "adverseevent/form";
	}

}
