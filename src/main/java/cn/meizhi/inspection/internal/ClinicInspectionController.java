package cn.meizhi.inspection.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import cn.meizhi.inspection.CorrectiveActions;
import cn.meizhi.inspection.Inspections;
import cn.meizhi.shared.Attachments;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.EvidenceFiles.Upload;
import cn.meizhi.shared.FormRejectedException;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clinic sees its submitted inspection results and answers its corrective actions.
 */
@Controller
class ClinicInspectionController {

	private final Inspections inspections;

	private final CorrectiveActions correctiveActions;

	ClinicInspectionController(Inspections inspections, CorrectiveActions correctiveActions) {
		this.inspections = inspections;
		this.correctiveActions = correctiveActions;
	}

	@GetMapping("/clinic/inspections/{id}")
	String results(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("view", inspections.clinicView(user, id));
		return "inspection/results";
	}

	@GetMapping("/clinic/corrective-actions")
	String actions(CurrentUser user, Model model) {
		model.addAttribute("actions", correctiveActions.actionsOf(user));
		model.addAttribute("today", inspections.today());
		return "inspection/actions";
	}

	@PostMapping("/clinic/corrective-actions/{id}/respond")
	String respond(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String response,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect)
			throws IOException {
		List<Upload> uploads = new ArrayList<>();
		for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
			if (!file.isEmpty()) {
				uploads.add(new Upload(file.getOriginalFilename(), file.getBytes()));
			}
		}
		try {
			correctiveActions.respond(user, id, response, uploads);
			redirect.addFlashAttribute("message", "action.answered");
		}
		catch (FormRejectedException ex) {
			redirect.addFlashAttribute("error", ex.reasons().get(0).code());
			redirect.addFlashAttribute("errorArgs", ex.reasons().get(0).arguments());
			redirect.addFlashAttribute("typedResponse", response);
			redirect.addFlashAttribute("typedFor", id);
		}
		return "redirect:/clinic/corrective-actions#action-" + id;
	}

	@GetMapping("/clinic/inspections/{id}/files/{fileId}")
	ResponseEntity<byte[]> file(CurrentUser user, @PathVariable long id, @PathVariable long fileId) {
		return Attachments.response(inspections.file(user, id, fileId));
	}

}
