package cn.meizhi.complaint.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import cn.meizhi.complaint.ComplaintCategory;
import cn.meizhi.complaint.ComplaintForm;
import cn.meizhi.complaint.Complaints;
import cn.meizhi.shared.EvidenceFiles;
import cn.meizhi.shared.EvidenceFiles.Upload;
import cn.meizhi.shared.FormRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public's side of complaints, without an account: file one (from an institution's
 * profile, or by finding the institution by name), and follow it with the tracking number
 * and the secret code. The pages carry a form, so they have a session for its CSRF token
 * and are never stored by a cache ({@code no-store}: the receipt shows the code once).
 */
@Controller
class PublicComplaintController {

	/**
	 * The field a person leaves empty because they do not see it; a form-filling robot
	 * fills it.
	 */
	static final String HONEYPOT = "website";

	private final Complaints complaints;

	private final ComplaintAbuseGuard guard;

	PublicComplaintController(Complaints complaints, ComplaintAbuseGuard guard) {
		this.complaints = complaints;
		this.guard = guard;
	}

	@GetMapping("/complaints/new")
	String initForm(@RequestParam(name = "institution", required = false) Long institutionId,
			@RequestParam(required = false) String q, Model model) {
		var form = new ComplaintForm();
		form.setInstitutionId(institutionId);
		model.addAttribute("form", form);
		return showForm(form, q, model);
	}

	@PostMapping("/complaints/new")
	String processForm(@ModelAttribute("form") ComplaintForm form, BindingResult result,
			@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestParam(name = HONEYPOT, defaultValue = "") String honeypot, Model model, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		noStore(response);
		if (!honeypot.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			result.reject("complaint.refused");
			return showForm(form, null, model);
		}
		List<Upload> uploads = new ArrayList<>();
		for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
			if (file.getOriginalFilename() != null && !file.getOriginalFilename().isEmpty()) {
				uploads.add(new Upload(file.getOriginalFilename(), file.getBytes()));
			}
		}
		FormRejectedException.Collector problems = complaints.check(form, uploads);
		if (result.hasErrors() || !problems.isEmpty()) {
			// a field the binder could not read keeps its own message; the service's
			// reasons go to
			// the others
			for (FormRejectedException.Reason reason : problems.reasons()) {
				if (reason.field() == null) {
					result.reject(reason.code(), reason.arguments(), null);
				}
				else if (reason.field().equals("files")) {
					model.addAttribute("fileProblems",
							problems.reasons().stream().filter(r -> "files".equals(r.field())).toList());
				}
				else if (!result.hasFieldErrors(reason.field())) {
					result.rejectValue(reason.field(), reason.code(), reason.arguments(), null);
				}
			}
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("filesLost", !uploads.isEmpty());
			return showForm(form, null, model);
		}
		if (!guard.mayFile(request.getRemoteAddr())) {
			response.setStatus(429);
			result.reject("complaint.tooMany");
			return showForm(form, null, model);
		}
		model.addAttribute("receipt", complaints.file(form, uploads));
		return "complaint/filed";
	}

	private String showForm(ComplaintForm form, String q, Model model) {
		model.addAttribute("institution", complaints.institution(form.getInstitutionId()).orElse(null));
		model.addAttribute("q", q);
		model.addAttribute("matches", q == null || q.isBlank() ? List.of() : complaints.lookup(q));
		model.addAttribute("categories", ComplaintCategory.values());
		model.addAttribute("maxFiles", Complaints.MAX_FILES);
		model.addAttribute("maxMegabytes", EvidenceFiles.MAX_BYTES / (1024 * 1024));
		model.addAttribute("maxText", Complaints.MAX_TEXT);
		model.addAttribute("today", complaints.today());
		return "complaint/new";
	}

	@GetMapping("/complaints/track")
	String initTrack(HttpServletResponse response) {
		noStore(response);
		return "complaint/track";
	}

	@PostMapping("/complaints/track")
	String track(@RequestParam(defaultValue = "") String number, @RequestParam(defaultValue = "") String code,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		noStore(response);
		model.addAttribute("number", number);
		if (!guard.mayTrack(request.getRemoteAddr())) {
			response.setStatus(429);
			model.addAttribute("problem", "complaint.track.tooMany");
			return "complaint/track";
		}
		return complaints.track(number, code).map(tracking -> {
			model.addAttribute("tracking", tracking);
			return "complaint/tracking";
		}).orElseGet(() -> {
			// the same answer for an unknown number and a wrong code
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("problem", "complaint.track.notFound");
			return "complaint/track";
		});
	}

	private static void noStore(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

}
