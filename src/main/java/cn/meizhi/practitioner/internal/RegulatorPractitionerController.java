package cn.meizhi.practitioner.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import cn.meizhi.practitioner.PractitionerForm;
import cn.meizhi.practitioner.PractitionerRegister;
import cn.meizhi.practitioner.PractitionerStatus;
import cn.meizhi.practitioner.QualificationCategory;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The regulator keeps the jurisdiction's practitioner register. */
@Controller
@RequestMapping("/regulator/practitioners")
class RegulatorPractitionerController {

	private final PractitionerRegister register;

	private final cn.meizhi.practitioner.PractitionerProposals proposals;

	private final org.springframework.context.MessageSource messages;

	RegulatorPractitionerController(PractitionerRegister register,
			cn.meizhi.practitioner.PractitionerProposals proposals,
			org.springframework.context.MessageSource messages) {
		this.register = register;
		this.proposals = proposals;
		this.messages = messages;
	}

	@GetMapping
	String list(CurrentUser user, @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("practitioners", register.search(user, q, page));
		model.addAttribute("q", q);
		model.addAttribute("pending", proposals.pending(user));
		return "practitioner/list";
	}

	@GetMapping("/new")
	String initCreate(Model model) {
		model.addAttribute("form", new PractitionerForm());
		return showForm(null, model);
	}

	@PostMapping("/new")
	String create(CurrentUser user, @ModelAttribute("form") PractitionerForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return save(user, null, form, result, model, redirect, response);
	}

	@GetMapping("/{id}")
	String show(CurrentUser user, @PathVariable long id, Model model) {
		var practitioner = register.get(user, id);
		model.addAttribute("practitioner", practitioner);
		model.addAttribute("names", register.institutionNames(practitioner));
		return "practitioner/detail";
	}

	@GetMapping("/{id}/edit")
	String initEdit(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("form", register.form(user, id));
		return showForm(id, model);
	}

	@PostMapping("/{id}/edit")
	String edit(CurrentUser user, @PathVariable long id, @ModelAttribute("form") PractitionerForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		register.get(user, id);
		return save(user, id, form, result, model, redirect, response);
	}

	@PostMapping("/import")
	String importCsv(CurrentUser user, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		if (file == null || file.isEmpty()) {
			model.addAttribute("importProblems", java.util.List.of("0|-|practitioner.import.empty"));
		}
		else {
			byte[] bytes = file.getBytes();
			String text = new String(bytes, StandardCharsets.UTF_8);
			// an XLSX file is a zip ("PK"); a CSV from Excel starts with a byte-order
			// mark
			var result = bytes.length > 1 && bytes[0] == 'P' && bytes[1] == 'K'
					? register.importXlsx(user, new java.io.ByteArrayInputStream(bytes)) : register.importCsv(user,
							new java.io.StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text));
			if (result.problems().isEmpty()) {
				redirect.addFlashAttribute("message", "practitioner.imported");
				redirect.addFlashAttribute("messageArgs", new Object[] { result.saved() });
				return "redirect:/regulator/practitioners";
			}
			model.addAttribute("importProblems", result.problems());
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return list(user, null, 0, model);
	}

	@GetMapping("/proposals/{id}")
	String proposal(CurrentUser user, @PathVariable long id, Model model) {
		var proposal = proposals.get(user, id);
		model.addAttribute("proposal", proposal);
		model.addAttribute("proposed", proposals.formOf(proposal));
		model.addAttribute("current",
				proposal.getPractitionerId() == null ? null : register.form(user, proposal.getPractitionerId()));
		model.addAttribute("problems",
				register.check(user, proposals.formOf(proposal), proposal.getPractitionerId()).problems().reasons());
		return "practitioner/proposal";
	}

	@PostMapping("/proposals/{id}/confirm")
	String confirm(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		try {
			var practitioner = proposals.confirm(user, id);
			redirect.addFlashAttribute("message", "practitioner.proposal.confirmed");
			return "redirect:/regulator/practitioners/" + practitioner.getId();
		}
		catch (FormRejectedException ex) {
			redirect.addFlashAttribute("error", ex.reasons().get(0).code());
			redirect.addFlashAttribute("errorArgs", ex.reasons().get(0).arguments());
			return "redirect:/regulator/practitioners/proposals/" + id;
		}
	}

	@PostMapping("/proposals/{id}/reject")
	String reject(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		try {
			proposals.reject(user, id, reason);
			redirect.addFlashAttribute("message", "practitioner.proposal.rejected");
			return "redirect:/regulator/practitioners";
		}
		catch (FormRejectedException ex) {
			redirect.addFlashAttribute("error", ex.reasons().get(0).code());
			return "redirect:/regulator/practitioners/proposals/" + id;
		}
	}

	@GetMapping("/export.csv")
	void export(CurrentUser user, HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment().filename("meizhi-practitioners.csv").build().toString());
		response.setHeader("Cache-Control", "private, no-store");
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		register.exportCsv(user, writer);
		writer.flush();
	}

	private String save(CurrentUser user, Long id, PractitionerForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		for (FormRejectedException.Reason reason : register.check(user, form, id).problems().reasons()) {
			if (reason.field() == null || !result.hasFieldErrors(reason.field())) {
				new FormRejectedException(java.util.List.of(reason)).rejectInto(result);
			}
		}
		if (!result.hasErrors()) {
			var saved = id == null ? register.register(user, form) : register.update(user, id, form);
			redirect.addFlashAttribute("message", "practitioner.saved");
			return "redirect:/regulator/practitioners/" + saved.getId();
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return showForm(id, model);
	}

	private String showForm(Long id, Model model) {
		model.addAttribute("id", id);
		model.addAttribute("formAction",
				id == null ? "/regulator/practitioners/new" : "/regulator/practitioners/" + id + "/edit");
		model.addAttribute("backLink", "/regulator/practitioners");
		model.addAttribute("title", messages.getMessage(id == null ? "practitioner.new" : "practitioner.edit", null,
				org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		model.addAttribute("proposing", false);
		model.addAttribute("categories", QualificationCategory.values());
		model.addAttribute("statuses", PractitionerStatus.values());
		return "practitioner/form";
	}

}
