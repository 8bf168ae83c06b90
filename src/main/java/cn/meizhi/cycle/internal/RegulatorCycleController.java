package cn.meizhi.cycle.internal;

import java.time.LocalDate;

import cn.meizhi.cycle.CycleForm;
import cn.meizhi.cycle.CycleManagement;
import cn.meizhi.cycle.CycleStatus;
import cn.meizhi.cycle.EvaluationCycle;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionSearch;
import cn.meizhi.institution.InstitutionStatus;
import cn.meizhi.region.Regions;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.InstitutionType;
import jakarta.validation.Valid;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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
 * A regulator's evaluation cycles: list, create, move forward, change the self-assessment
 * deadline, enrol and withdraw institutions. The cycle's own page, with its progress,
 * belongs to the self-assessment module.
 */
@Controller
@RequestMapping("/regulator/cycles")
class RegulatorCycleController {

	static final String LIST_VIEW = "cycle/list";

	static final String FORM_VIEW = "cycle/form";

	private final CycleManagement cycles;

	private final Regions regions;

	private final InstitutionManagement institutions;

	RegulatorCycleController(CycleManagement cycles, Regions regions, InstitutionManagement institutions) {
		this.cycles = cycles;
		this.regions = regions;
		this.institutions = institutions;
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

	@PostMapping("/{id}/notice-period")
	String changeNoticePeriod(CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Integer noticeDays, RedirectAttributes redirect) {
		return act(redirect, id, "cycle.notice.changed", () -> cycles.changeNoticePeriod(user, id, noticeDays));
	}

	/** How many institutions of the register the enrolment page lists at once. */
	static final int PICK_PAGE_SIZE = 50;

	/**
	 * Enrolment from the register: the institutions of the cycle's jurisdiction, filtered
	 * by district, type, status (practising by default) and name, with those already
	 * enrolled marked; tick some, the whole page, or enrol every one the filter finds.
	 */
	@GetMapping("/{id}/enrol")
	String pick(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String q,
			@RequestParam(required = false) String region, @RequestParam(required = false) InstitutionType type,
			@RequestParam(required = false) InstitutionStatus status, @RequestParam(required = false) Integer page,
			Model model) {
		EvaluationCycle cycle = cycles.get(user, id);
		InstitutionSearch search = pickSearch(cycle, q, region, type, status);
		var found = institutions.search(user, search,
				PageRequest.of(page == null ? 0 : Math.max(0, page), PICK_PAGE_SIZE, Sort.by("regionCode", "name")));
		model.addAttribute("cycle", cycle);
		model.addAttribute("search", search);
		model.addAttribute("found", found);
		model.addAttribute("regions",
				regions.districtsWithin(cn.meizhi.shared.Jurisdiction.of(cycle.getJurisdictionCode())));
		model.addAttribute("types", InstitutionType.values());
		model.addAttribute("statuses", InstitutionStatus.values());
		return "cycle/enrol";
	}

	@PostMapping("/{id}/enrolments")
	String enrol(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String creditCodes,
			@RequestParam(required = false) java.util.List<Long> institutionIds,
			@RequestParam(defaultValue = "false") boolean allMatching, @RequestParam(required = false) String q,
			@RequestParam(required = false) String region, @RequestParam(required = false) InstitutionType type,
			@RequestParam(required = false) InstitutionStatus status, RedirectAttributes redirect) {
		redirect.addFlashAttribute("typedCreditCodes", creditCodes);
		java.util.List<Long> ids = new java.util.ArrayList<>(
				institutionIds == null ? java.util.List.of() : institutionIds);
		if (allMatching) {
			EvaluationCycle cycle = cycles.get(user, id);
			institutions.listForExport(user, pickSearch(cycle, q, region, type, status))
				.forEach(institution -> ids.add(institution.getId()));
		}
		return act(redirect, id, "cycle.enrolled", () -> {
			var outcome = cycles.enrol(user, id, ids, creditCodes);
			redirect.addFlashAttribute("messageArgs", new Object[] { outcome.enrolled().size() });
			redirect.addFlashAttribute("enrolment", outcome);
			redirect.addFlashAttribute("typedCreditCodes", String.join("\n", outcome.unknownCodes()));
		});
	}

	/**
	 * The register search of the enrolment page: inside the cycle's jurisdiction,
	 * practising by default.
	 */
	private static InstitutionSearch pickSearch(EvaluationCycle cycle, String q, String region, InstitutionType type,
			InstitutionStatus status) {
		String within = region != null
				&& region.startsWith(cn.meizhi.shared.Jurisdiction.of(cycle.getJurisdictionCode()).prefix()) ? region
						: cycle.getJurisdictionCode();
		return new InstitutionSearch(q, within, type, status == null ? InstitutionStatus.ACTIVE : status);
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
