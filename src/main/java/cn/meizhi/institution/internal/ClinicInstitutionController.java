package cn.meizhi.institution.internal;

import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.EditConflictException;
import jakarta.validation.Valid;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A clinic user's view of its own institution, and the public contact data it keeps
 * itself. Any other institution id answers 404.
 */
@Controller
@RequestMapping("/clinic/institutions/{id}")
class ClinicInstitutionController {

	static final String DETAIL_VIEW = "institution/clinicDetail";

	static final String CONTACT_VIEW = "institution/contactForm";

	private final InstitutionManagement institutions;

	ClinicInstitutionController(InstitutionManagement institutions) {
		this.institutions = institutions;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping
	String show(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("institution", institutions.get(user, id));
		return DETAIL_VIEW;
	}

	@GetMapping("/contact")
	String initContactForm(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("form", institutions.contactForm(user, id));
		model.addAttribute("institutionId", id);
		return CONTACT_VIEW;
	}

	@PostMapping("/contact")
	String processContactForm(CurrentUser user, @PathVariable long id, @Valid @ModelAttribute("form") ContactForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		model.addAttribute("institutionId", id);
		if (result.hasErrors()) {
			institutions.contactForm(user, id);
			return CONTACT_VIEW;
		}
		try {
			institutions.updateContact(user, id, form);
		}
		catch (EditConflictException | OptimisticLockingFailureException ex) {
			result.reject("conflict.institution");
			ContactForm saved = institutions.contactForm(user, id);
			model.addAttribute("saved", saved);
			form.setVersion(saved.getVersion());
			return CONTACT_VIEW;
		}
		redirect.addFlashAttribute("message", "institution.contactUpdated");
		return "redirect:/clinic/institutions/" + id;
	}

}
