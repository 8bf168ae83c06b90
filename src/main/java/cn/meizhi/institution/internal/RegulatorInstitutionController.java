package cn.meizhi.institution.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import cn.meizhi.institution.Department;
import cn.meizhi.institution.HospitalGrade;
import cn.meizhi.institution.Institution;
import cn.meizhi.institution.InstitutionForm;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionSearch;
import cn.meizhi.institution.InstitutionStatus;
import cn.meizhi.region.Regions;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.EditConflictException;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.InstitutionType;
import cn.meizhi.shared.Paging;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
 * The regulator's institution register: list, register, edit, status changes, CSV import
 * and export, all inside the regulator's jurisdiction.
 */
@Controller
@RequestMapping("/regulator/institutions")
class RegulatorInstitutionController {

	static final String LIST_VIEW = "institution/list";

	static final String FORM_VIEW = "institution/form";

	static final String DETAIL_VIEW = "institution/detail";

	static final String IMPORT_VIEW = "institution/import";

	private static final Set<String> SORTABLE = Set.of("name", "regionCode", "type", "status", "updatedAt");

	private final InstitutionManagement institutions;

	private final InstitutionImport imports;

	private final Regions regions;

	RegulatorInstitutionController(InstitutionManagement institutions, InstitutionImport imports, Regions regions) {
		this.institutions = institutions;
		this.imports = imports;
		this.regions = regions;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@ModelAttribute("types")
	InstitutionType[] types() {
		return InstitutionType.values();
	}

	@ModelAttribute("statuses")
	InstitutionStatus[] statuses() {
		return InstitutionStatus.values();
	}

	@ModelAttribute("grades")
	HospitalGrade[] grades() {
		return HospitalGrade.values();
	}

	@ModelAttribute("allDepartments")
	Department[] departments() {
		return Department.values();
	}

	@ModelAttribute("districts")
	Object districts(CurrentUser user) {
		return regions.districtsWithin(user.jurisdiction());
	}

	@ModelAttribute("regionsInJurisdiction")
	Object regionsInJurisdiction(CurrentUser user) {
		return regions.within(user.jurisdiction());
	}

	@GetMapping
	String list(CurrentUser user, @RequestParam(required = false) String q,
			@RequestParam(required = false) String region, @RequestParam(required = false) InstitutionType type,
			@RequestParam(required = false) InstitutionStatus status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort, Model model) {
		var search = new InstitutionSearch(q, region, type, status);
		var pageable = Paging.of(page, size, sort, SORTABLE, Sort.by("name").and(Sort.by("id")));
		var found = institutions.registerPage(user, search, pageable);
		model.addAttribute("institutions", found);
		model.addAttribute("countCapped", found.getTotalElements() >= InstitutionManagement.REGISTER_COUNT_CAP);
		model.addAttribute("search", search);
		model.addAttribute("sort", sort);
		return LIST_VIEW;
	}

	@GetMapping("/export.csv")
	void export(CurrentUser user, @RequestParam(required = false) String q,
			@RequestParam(required = false) String region, @RequestParam(required = false) InstitutionType type,
			@RequestParam(required = false) InstitutionStatus status, HttpServletResponse response) throws IOException {
		var list = institutions.listForExport(user, new InstitutionSearch(q, region, type, status));
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("institutions.csv", StandardCharsets.UTF_8)
					.build()
					.toString());
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		imports.write(writer, list);
		writer.flush();
	}

	@GetMapping("/new")
	String initCreateForm(Model model) {
		model.addAttribute("form", new InstitutionForm());
		return FORM_VIEW;
	}

	@PostMapping("/new")
	String processCreateForm(CurrentUser user, @Valid @ModelAttribute("form") InstitutionForm form,
			BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return FORM_VIEW;
		}
		try {
			Institution institution = institutions.register(user, form);
			redirect.addFlashAttribute("message", "institution.registered");
			return "redirect:/regulator/institutions/" + institution.getId();
		}
		catch (FormRejectedException ex) {
			ex.rejectInto(result);
		}
		catch (DataIntegrityViolationException ex) {
			result.reject("institution.duplicate");
		}
		return FORM_VIEW;
	}

	@GetMapping("/{id}")
	String show(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("institution", institutions.get(user, id));
		if (!model.containsAttribute("statusForm")) {
			model.addAttribute("statusForm", new StatusChangeForm());
		}
		return DETAIL_VIEW;
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("form", institutions.editForm(user, id));
		model.addAttribute("institutionId", id);
		return FORM_VIEW;
	}

	@PostMapping("/{id}/edit")
	String processUpdateForm(CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") InstitutionForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("institutionId", id);
		institutions.editForm(user, id);
		if (result.hasErrors()) {
			return FORM_VIEW;
		}
		try {
			institutions.update(user, id, form);
			redirect.addFlashAttribute("message", "institution.updated");
			return "redirect:/regulator/institutions/" + id;
		}
		catch (FormRejectedException ex) {
			ex.rejectInto(result);
		}
		catch (EditConflictException | OptimisticLockingFailureException ex) {
			InstitutionForm saved = institutions.editForm(user, id);
			result.reject("conflict.institution");
			model.addAttribute("conflicts", form.differencesFrom(saved));
			form.setVersion(saved.getVersion());
		}
		catch (DataIntegrityViolationException ex) {
			result.reject("institution.duplicate");
		}
		return FORM_VIEW;
	}

	@PostMapping("/{id}/status")
	String changeStatus(CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("statusForm") StatusChangeForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				institutions.changeStatus(user, id, form.getStatus(), form.getReason());
				redirect.addFlashAttribute("message", "institution.statusChanged");
				return "redirect:/regulator/institutions/" + id;
			}
			catch (FormRejectedException ex) {
				ex.rejectInto(result);
			}
		}
		model.addAttribute("institution", institutions.get(user, id));
		return DETAIL_VIEW;
	}

	@GetMapping("/import")
	String initImportForm() {
		return IMPORT_VIEW;
	}

	@GetMapping("/import/template.csv")
	void template(HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("institutions-template.csv", StandardCharsets.UTF_8)
					.build()
					.toString());
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		imports.writeTemplate(writer);
		writer.flush();
	}

	@PostMapping("/import")
	String processImport(CurrentUser user, @RequestParam("file") MultipartFile file, Model model,
			RedirectAttributes redirect) throws IOException {
		if (file.isEmpty()) {
			model.addAttribute("fileError", "institution.import.noFile");
			return IMPORT_VIEW;
		}
		InstitutionImport.Result result;
		try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
			result = imports.importCsv(user, reader);
		}
		if (!result.succeeded()) {
			model.addAttribute("importErrors", result.errors());
			model.addAttribute("fileName", file.getOriginalFilename());
			return IMPORT_VIEW;
		}
		redirect.addFlashAttribute("message", "institution.import.done");
		redirect.addFlashAttribute("messageArgs", new Object[] { result.imported() });
		return "redirect:/regulator/institutions";
	}

}
