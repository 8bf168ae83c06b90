package cn.meizhi.adverseevent.internal;

import cn.meizhi.adverseevent.AdverseEvent;
import cn.meizhi.adverseevent.AdverseEvents;
import cn.meizhi.adverseevent.EventSeverity;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The regulator's view of the adverse events reported in the jurisdiction: by report,
 * institution and procedure; the review of one report.
 */
@Controller
@RequestMapping("/regulator/adverse-events")
class RegulatorAdverseEventController {

	private final AdverseEvents events;

	RegulatorAdverseEventController(AdverseEvents events) {
		this.events = events;
	}

	@GetMapping
	String list(CurrentUser user, @RequestParam(required = false) EventSeverity severity,
			@RequestParam(required = false) Long institution, @RequestParam(defaultValue = "0") int page, Model model) {
		var list = events.list(user, severity, institution, page);
		model.addAttribute("events", list);
		model.addAttribute("names", events.institutionNames(list.getContent()));
		model.addAttribute("severities", EventSeverity.values());
		model.addAttribute("severity", severity);
		model.addAttribute("institution", institution);
		model.addAttribute("byInstitution", events.byInstitution(user));
		model.addAttribute("byProcedure", events.byProcedure(user));
		return "adverseevent/list";
	}

	@GetMapping("/{id}")
	String show(CurrentUser user, @PathVariable long id, Model model) {
		AdverseEvent event = events.get(user, id);
		model.addAttribute("event", event);
		model.addAttribute("institutionName",
				events.institutionNames(java.util.List.of(event)).getOrDefault(event.getInstitutionId(), ""));
		return "adverseevent/detail";
	}

	@PostMapping("/{id}/review")
	String review(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String note,
			@RequestParam(defaultValue = "false") boolean flagInspection, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			events.review(user, id, note, flagInspection);
			redirect.addFlashAttribute("message", "adverseEvent.reviewed");
			return "redirect:/regulator/adverse-events/" + id;
		}
		catch (FormRejectedException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problems", ex.reasons());
			model.addAttribute("typedNote", note);
			model.addAttribute("typedFlag", flagInspection);
			return show(user, id, model);
		}
	}

}
