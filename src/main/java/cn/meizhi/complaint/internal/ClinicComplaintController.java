package cn.meizhi.complaint.internal;

import cn.meizhi.complaint.Complaints;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The statements a regulator asked of the clinic's institution about complaints, and the
 * clinic's answers. The clinic reads what happened, never who complained.
 */
@Controller
class ClinicComplaintController {

	private final Complaints complaints;

	ClinicComplaintController(Complaints complaints) {
		this.complaints = complaints;
	}

	@GetMapping("/clinic/complaints")
	String statements(CurrentUser user, Model model) {
		model.addAttribute("complaints", complaints.statementsAskedOf(user));
		model.addAttribute("today", complaints.today());
		return "complaint/statements";
	}

	@PostMapping("/clinic/complaints/{id}/statement")
	String giveStatement(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String statement,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			complaints.giveStatement(user, id, statement);
			redirect.addFlashAttribute("message", "complaint.statementGiven");
			return "redirect:/clinic/complaints#complaint-" + id;
		}
		catch (FormRejectedException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problems", ex.reasons());
			model.addAttribute("typedFor", id);
			model.addAttribute("typedStatement", statement);
			return statements(user, model);
		}
	}

}
