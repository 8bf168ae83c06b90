package cn.meizhi.standard.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.EditConflictException;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.InstitutionType;
import cn.meizhi.standard.EvaluationMethod;
import cn.meizhi.standard.Indicator;
import cn.meizhi.standard.StandardAuthoring;
import cn.meizhi.standard.StandardManagement;
import cn.meizhi.standard.StandardSection;
import cn.meizhi.standard.StandardVersion;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Authoring evaluation standards: regulators and admins create standards, edit drafts
 * (rules, sections, indicators), preview the rules, publish, retire, derive new drafts,
 * export and import.
 */
@Controller
@RequestMapping("/regulator/standards")
class RegulatorStandardController {

	private final cn.meizhi.standard.Consultations consultations;

	static final String LIST_VIEW = "standard/list";

	static final String VERSION_VIEW = "standard/version";

	static final String SECTION_VIEW = "standard/sectionForm";

	static final String INDICATOR_VIEW = "standard/indicatorForm";

	static final String IMPORT_VIEW = "standard/import";

	private final StandardManagement standards;

	private final StandardAuthoring authoring;

	RegulatorStandardController(StandardManagement standards, StandardAuthoring authoring,
			cn.meizhi.standard.Consultations consultations) {
		this.consultations = consultations;
		this.authoring = authoring;
		this.standards = standards;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@ModelAttribute("methods")
	EvaluationMethod[] methods() {
		return EvaluationMethod.values();
	}

	@ModelAttribute("institutionTypes")
	InstitutionType[] institutionTypes() {
		return InstitutionType.values();
	}

	@GetMapping
	String list(CurrentUser user, Model model) {
		model.addAttribute("versions", standards.allVersions(user));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new StandardForm());
		}
		return LIST_VIEW;
	}

	@PostMapping
	String create(CurrentUser user, @Valid @ModelAttribute("form") StandardForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				StandardVersion draft = authoring.createStandard(user, form);
				redirect.addFlashAttribute("message", "standard.created");
				return "redirect:/regulator/standards/versions/" + draft.getId();
			}
			catch (FormRejectedException ex) {
				ex.rejectInto(result);
			}
		}
		model.addAttribute("versions", standards.allVersions(user));
		return LIST_VIEW;
	}

	@GetMapping("/versions/{id}")
	String show(CurrentUser user, @PathVariable long id, Model model) {
		StandardVersion version = standards.version(user, id);
		model.addAttribute("version", version);
		model.addAttribute("consultation", consultations.of(id).orElse(null));
		model.addAttribute("consultationComments", consultations.comments(user, id));
		if (version.isDraft()) {
			if (!model.containsAttribute("rulesForm")) {
				model.addAttribute("rulesForm", RulesForm.of(version));
			}
			if (!model.containsAttribute("sectionForm")) {
				var sectionForm = new SectionForm();
				sectionForm.setPosition(version.getSections().size() + 1);
				model.addAttribute("sectionForm", sectionForm);
			}
		}
		return VERSION_VIEW;
	}

	/**
	 * The draft preview: which stars a total (and section percentages) would give, and
	 * why.
	 */
	@GetMapping("/versions/{id}/preview")
	String preview(CurrentUser user, @PathVariable long id, @RequestParam(required = false) BigDecimal total,
			@RequestParam(defaultValue = "false") boolean coreFailed, @RequestParam Map<String, String> parameters,
			Model model) {
		show(user, id, model);
		if (total == null || total.signum() < 0 || total.compareTo(BigDecimal.valueOf(100)) > 0) {
			model.addAttribute("previewError", "standard.preview.totalRange");
			return VERSION_VIEW;
		}
		Map<String, BigDecimal> sectionPercents = new LinkedHashMap<>();
		parameters.forEach((name, value) -> {
			if (name.startsWith("section.") && !value.isBlank()) {
				try {
					sectionPercents.put(name.substring("section.".length()), new BigDecimal(value.strip()));
				}
				catch (NumberFormatException ex) {
					model.addAttribute("previewError", "standard.preview.percentFormat");
				}
			}
		});
		if (model.containsAttribute("previewError")) {
			return VERSION_VIEW;
		}
		model.addAttribute("preview", standards.preview(user, id, total, sectionPercents, coreFailed));
		model.addAttribute("previewTotal", total);
		model.addAttribute("previewCoreFailed", coreFailed);
		model.addAttribute("previewSections", sectionPercents);
		return VERSION_VIEW;
	}

	@PostMapping("/versions/{id}/rules")
	String updateRules(CurrentUser user, @PathVariable long id, @Valid @ModelAttribute("rulesForm") RulesForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				authoring.updateRules(user, id, form);
				redirect.addFlashAttribute("message", "standard.rules.saved");
				return "redirect:/regulator/standards/versions/" + id + "#rules";
			}
			catch (FormRejectedException ex) {
				ex.rejectInto(result);
			}
			catch (EditConflictException | ObjectOptimisticLockingFailureException ex) {
				result.reject("conflict.standard");
				form.setLockVersion(standards.version(user, id).getLockVersion());
			}
		}
		return show(user, id, model);
	}

	@PostMapping("/versions/{id}/sections")
	String addSection(CurrentUser user, @PathVariable long id, @Valid @ModelAttribute("sectionForm") SectionForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				authoring.addSection(user, id, form);
				redirect.addFlashAttribute("message", "standard.section.added");
				return "redirect:/regulator/standards/versions/" + id + "#sections";
			}
			catch (FormRejectedException ex) {
				ex.rejectInto(result);
			}
		}
		return show(user, id, model);
	}

	@GetMapping("/sections/{id}/edit")
	String initSectionForm(CurrentUser user, @PathVariable long id, Model model) {
		StandardSection section = standards.section(user, id);
		model.addAttribute("section", section);
		model.addAttribute("form", SectionForm.of(section));
		return SECTION_VIEW;
	}

	@PostMapping("/sections/{id}/edit")
	String processSectionForm(CurrentUser user, @PathVariable long id, @Valid @ModelAttribute("form") SectionForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		StandardSection section = standards.section(user, id);
		model.addAttribute("section", section);
		if (!result.hasErrors()) {
			try {
				authoring.updateSection(user, id, form);
				redirect.addFlashAttribute("message", "standard.section.saved");
				return "redirect:/regulator/standards/versions/" + section.getVersion().getId() + "#sections";
			}
			catch (FormRejectedException ex) {
				ex.rejectInto(result);
			}
		}
		return SECTION_VIEW;
	}

	@PostMapping("/sections/{id}/delete")
	String deleteSection(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		long versionId = standards.section(user, id).getVersion().getId();
		authoring.deleteSection(user, id);
		redirect.addFlashAttribute("message", "standard.section.removed");
		return "redirect:/regulator/standards/versions/" + versionId + "#sections";
	}

	@GetMapping("/versions/{id}/indicators/new")
	String initIndicatorForm(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Long sectionId,
			Model model) {
		StandardVersion version = standards.version(user, id);
		var form = new IndicatorForm();
		form.setSectionId(sectionId);
		form.setPosition(version.getIndicatorCount() + 1);
		model.addAttribute("version", version);
		model.addAttribute("form", form);
		return INDICATOR_VIEW;
	}

	@PostMapping("/versions/{id}/indicators/new")
	String processNewIndicator(CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") IndicatorForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("version", standards.version(user, id));
		if (!result.hasErrors()) {
			try {
				Indicator indicator = authoring.addIndicator(user, id, form);
				redirect.addFlashAttribute("message", "standard.indicator.added");
				return "redirect:/regulator/standards/versions/" + id + "#indicator-" + indicator.getId();
			}
			catch (FormRejectedException ex) {
				ex.rejectInto(result);
			}
		}
		return INDICATOR_VIEW;
	}

	@GetMapping("/indicators/{id}/edit")
	String initIndicatorEdit(CurrentUser user, @PathVariable long id, Model model) {
		IndicatorForm form = standards.indicatorForm(user, id);
		model.addAttribute("version", standards.version(user, standards.versionOfIndicator(id)));
		model.addAttribute("form", form);
		model.addAttribute("indicatorId", id);
		return INDICATOR_VIEW;
	}

	@PostMapping("/indicators/{id}/edit")
	String processIndicatorEdit(CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") IndicatorForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		standards.indicatorForm(user, id);
		long versionId = standards.versionOfIndicator(id);
		model.addAttribute("version", standards.version(user, versionId));
		model.addAttribute("indicatorId", id);
		if (!result.hasErrors()) {
			try {
				authoring.updateIndicator(user, id, form);
				redirect.addFlashAttribute("message", "standard.indicator.saved");
				return "redirect:/regulator/standards/versions/" + versionId + "#indicator-" + id;
			}
			catch (FormRejectedException ex) {
				ex.rejectInto(result);
			}
		}
		return INDICATOR_VIEW;
	}

	@PostMapping("/indicators/{id}/delete")
	String deleteIndicator(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		standards.indicatorForm(user, id);
		long versionId = standards.versionOfIndicator(id);
		authoring.deleteIndicator(user, id);
		redirect.addFlashAttribute("message", "standard.indicator.removed");
		return "redirect:/regulator/standards/versions/" + versionId + "#sections";
	}

	@PostMapping("/versions/{id}/publish")
	String publish(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		return lifecycle(redirect, id, "standard.published", () -> authoring.publish(user, id));
	}

	@PostMapping("/versions/{id}/retire")
	String retire(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		return lifecycle(redirect, id, "standard.retired", () -> authoring.retire(user, id));
	}

	@PostMapping("/versions/{id}/drafts")
	String newDraft(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String label,
			RedirectAttributes redirect) {
		try {
			StandardVersion draft = authoring.newDraft(user, id, label);
			redirect.addFlashAttribute("message", "standard.draftCreated");
			return "redirect:/regulator/standards/versions/" + draft.getId();
		}
		catch (FormRejectedException ex) {
			redirect.addFlashAttribute("error", ex.reasons().get(0).code());
			return "redirect:/regulator/standards/versions/" + id;
		}
	}

	@GetMapping("/versions/{id}/export.json")
	ResponseEntity<String> exportJson(CurrentUser user, @PathVariable long id) {
		return ResponseEntity.ok()
			.contentType(new MediaType("application", "json", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("standard-" + id + ".json").build().toString())
			.body(standards.exportJson(id, user));
	}

	@GetMapping("/versions/{id}/export.csv")
	void exportCsv(CurrentUser user, @PathVariable long id, HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("standard-" + id + ".csv").build().toString());
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		standards.exportCsv(id, user, writer);
		writer.flush();
	}

	@GetMapping("/import")
	String initImport() {
		return IMPORT_VIEW;
	}

	@PostMapping("/import")
	String processImport(CurrentUser user, @RequestParam("file") MultipartFile file, Model model,
			RedirectAttributes redirect) throws IOException {
		if (file.isEmpty()) {
			model.addAttribute("fileError", "standard.import.noFile");
			return IMPORT_VIEW;
		}
		StandardAuthoring.ImportResult result;
		try (var input = file.getInputStream()) {
			result = authoring.importJson(user, input);
		}
		if (!result.succeeded()) {
			model.addAttribute("problems", result.problems());
			model.addAttribute("fileName", file.getOriginalFilename());
			return IMPORT_VIEW;
		}
		redirect.addFlashAttribute("message", "standard.imported");
		return "redirect:/regulator/standards/versions/" + result.version().getId();
	}

	private static String lifecycle(RedirectAttributes redirect, long id, String success, Runnable step) {
		try {
			step.run();
			redirect.addFlashAttribute("message", success);
		}
		catch (FormRejectedException ex) {
			redirect.addFlashAttribute("error", ex.reasons().get(0).code());
		}
		return "redirect:/regulator/standards/versions/" + id;
	}

}
