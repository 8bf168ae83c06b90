package cn.meizhi.enforcement.internal;

import cn.meizhi.enforcement.Penalties;
import cn.meizhi.enforcement.PenaltyForm;
import cn.meizhi.enforcement.PenaltyMeasure;
import cn.meizhi.institution.InstitutionManagement;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The regulator's enforcement record: the jurisdiction's penalties, and recording one.
 */
@Controller
@RequestMapping("/regulator/penalties")
class PenaltyController {

	private final Penalties penalties;

	private final InstitutionManagement institutions;

	PenaltyController(Penalties penalties, InstitutionManagement institutions) {
		this.penalties = penalties;
		this.institutions = institutions;
	}

	@GetMapping
	String list(CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
		var list = penalties.list(user, page);
		model.addAttribute("penalties", list);
		model.addAttribute("names", penalties.institutionNames(list.getContent()));
		return "enforcement/list";
	}

	@GetMapping("/new")
	String initForm(CurrentUser user, @RequestParam("institution") long institutionId, Model model) {
		var form = new PenaltyForm();
		form.setInstitutionId(institutionId);
		model.addAttribute("form", form);
		return showForm(user, form, model);
	}

	@PostMapping("/new")
	String processForm(CurrentUser user, @ModelAttribute("form") PenaltyForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (form.getInstitutionId() == null) {
			throw new cn.meizhi.shared.NotFoundException("Institution", "none");
		}
		for (FormRejectedException.Reason reason : penalties.check(user, form).reasons()) {
			// a field the binder could not read keeps its own message
			if (reason.field() == null || !result.hasFieldErrors(reason.field())) {
				new FormRejectedException(java.util.List.of(reason)).rejectInto(result);
			}
		}
		if (!result.hasErrors()) {
			penalties.record(user, form);
			redirect.addFlashAttribute("message", "penalty.recorded");
			return "redirect:/regulator/penalties";
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return showForm(user, form, model);
	}

	private String showForm(CurrentUser user, PenaltyForm form, Model model) {
		var institution = institutions.get(user, form.getInstitutionId());
		model.addAttribute("institution", institution);
		model.addAttribute("earlier", penalties.ofInstitution(user, institution.getId()));
		model.addAttribute("measures", PenaltyMeasure.values());
		return "enforcement/form";
	}

}
