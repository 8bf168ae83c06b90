package cn.meizhi.practitioner.internal;

import cn.meizhi.practitioner.PractitionerForm;
import cn.meizhi.practitioner.PractitionerProposals;
import cn.meizhi.practitioner.PractitionerStatus;
import cn.meizhi.practitioner.QualificationCategory;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clinic's 主诊医师: who is registered at its institution, and its proposals of new ones
 * or of changes, which the regulator confirms.
 */
@Controller
@RequestMapping("/clinic/practitioners")
class ClinicPractitionerController {

	private final PractitionerProposals proposals;

	private final MessageSource messages;

	ClinicPractitionerController(PractitionerProposals proposals, MessageSource messages) {
		this.proposals = proposals;
		this.messages = messages;
	}

	@GetMapping
	String staff(CurrentUser user, Model model) {
		model.addAttribute("staff", proposals.staffOf(user));
		model.addAttribute("proposals", proposals.proposalsOf(user));
		return "practitioner/clinic";
	}

	@GetMapping("/propose")
	String initNew(Model model) {
		model.addAttribute("form", new PractitionerForm());
		return showForm(null, model);
	}

	@PostMapping("/propose")
	String proposeNew(CurrentUser user, @ModelAttribute("form") PractitionerForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return propose(user, null, form, result, model, redirect, response);
	}

	@GetMapping("/{id}/propose")
	String initChange(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("form", proposals.formFor(user, id));
		return showForm(id, model);
	}

	@PostMapping("/{id}/propose")
	String proposeChange(CurrentUser user, @PathVariable long id, @ModelAttribute("form") PractitionerForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return propose(user, id, form, result, model, redirect, response);
	}

	private String propose(CurrentUser user, Long id, PractitionerForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		for (FormRejectedException.Reason reason : proposals.check(user, form, id).reasons()) {
			if (reason.field() == null || !result.hasFieldErrors(reason.field())) {
				new FormRejectedException(java.util.List.of(reason)).rejectInto(result);
			}
		}
		if (!result.hasErrors()) {
			proposals.propose(user, form, id);
			redirect.addFlashAttribute("message", "practitioner.proposal.made");
			return "redirect:/clinic/practitioners";
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return showForm(id, model);
	}

	private String showForm(Long id, Model model) {
		model.addAttribute("id", id);
		model.addAttribute("formAction",
				id == null ? "/clinic/practitioners/propose" : "/clinic/practitioners/" + id + "/propose");
		model.addAttribute("backLink", "/clinic/practitioners");
		model.addAttribute("title",
				messages.getMessage(id == null ? "practitioner.proposal.new" : "practitioner.proposal.change", null,
						LocaleContextHolder.getLocale()));
		model.addAttribute("proposing", true);
		model.addAttribute("categories", QualificationCategory.values());
		model.addAttribute("statuses", PractitionerStatus.values());
		return "practitioner/form";
	}

}
