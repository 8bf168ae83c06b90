package cn.meizhi.cycle;

import java.time.LocalDate;

import cn.meizhi.region.Regions;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;
import jakarta.validation.Valid;

import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A regulator's evaluation cycles: list, create, move forward, change the self-assessment deadline,
 * enrol and withdraw institutions. The cycle's own page, with its progress, belongs to the
 * self-assessment module.
 */
@Controller
@RequestMapping("/regulator/cycles")
class RegulatorCycleController {

	static final String LIST_VIEW = "cycle/list";

	static final String FORM_VIEW = "cycle/form";

	private final CycleManagement cycles;

	private final Regions regions;

	RegulatorCycleController(CycleManagement cycles, Regions regions) {
		this.cycles = cycles;
		this.regions = regions;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping
	String list(CurrentUser user, Model model) {
		model.addAttribute("cycles", cycles.list(user));
		model.addAttribute("today", cycles.today());
		return LIST_VIEW;
	}

	@GetMapping("/new")
	String initCreateForm(CurrentUser user, Model model) {
		var form = new CycleForm();
		form.setJurisdictionCode(user.jurisdiction().regionCode());
		model.addAttribute("form", form);
		return formView(user, model);
	}

	@PostMapping("/new")
	String processCreateForm(CurrentUser user, @Valid @ModelAttribute("form") CycleForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				EvaluationCycle cycle = cycles.create(user, form);
				redirect.addFlashAttribute("message", "cycle.created");
				redirect.addFlashAttribute("messageArgs", new Object[] { cycle.activeEnrolments().size() });
				return "redirect:/regulator/cycles/" + cycle.getId();
			}
			catch (FormRejectedException ex) {
				ex.rejectInto(result);
			}
		}
		return formView(user, model);
	}

	@PostMapping("/{id}/status")
	String advance(CurrentUser user, @PathVariable long id, @RequestParam CycleStatus status,
			RedirectAttributes redirect) {
		return act(redirect, id, "cycle.statusChanged", () -> cycles.advance(user, id, status));
	}

	@PostMapping("/{id}/window")
	String changeWindow(CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closes,
			RedirectAttributes redirect) {
		return act(redirect, id, "cycle.windowChanged", () -> cycles.changeSelfAssessmentClose(user, id, closes));
	}

	@PostMapping("/{id}/enrolments")
	String enrol(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String creditCodes,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("typedCreditCodes", creditCodes);
		return act(redirect, id, "cycle.enrolled", () -> {
			int count = cycles.enrol(user, id, creditCodes);
			redirect.addFlashAttribute("messageArgs", new Object[] { count });
			redirect.addFlashAttribute("typedCreditCodes", "");
		});
	}

	@PostMapping("/{id}/enrolments/{institutionId}/withdraw")
	String withdraw(CurrentUser user, @PathVariable long id, @PathVariable long institutionId,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		return act(redirect, id, "cycle.withdrawn", () -> cycles.withdraw(user, id, institutionId, reason));
	}

	private String formView(CurrentUser user, Model model) {
		model.addAttribute("regions", regions.within(user.jurisdiction()));
		model.addAttribute("versions", cycles.usableStandardVersions());
		return FORM_VIEW;
	}

	private static String act(RedirectAttributes redirect, long id, String success, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("message", success);
		}
		catch (FormRejectedException ex) {
			var reason = ex.reasons().get(0);
			redirect.addFlashAttribute("error", reason.code());
			redirect.addFlashAttribute("errorArgs", reason.arguments());
		}
		return "redirect:/regulator/cycles/" + id;
	}

}
