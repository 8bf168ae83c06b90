package cn.meizhi.inspection.internal;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import cn.meizhi.inspection.CorrectiveActions;
import cn.meizhi.inspection.Inspection;
import cn.meizhi.inspection.InspectionView;
import cn.meizhi.inspection.Inspections;
import cn.meizhi.inspection.Inspections.ScoreInput;
import cn.meizhi.inspection.Severity;
import cn.meizhi.shared.Attachments;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.EditConflictException;
import cn.meizhi.shared.EvidenceFiles.Upload;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.standard.EvaluationMethod;
import cn.meizhi.standard.Indicator;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The assessor's side: declaring conflicts of interest, scoring section by section with
 * the clinic's self-assessment beside each indicator and the running result updated by
 * the server on every save (htmx), submitting (lead only), and verifying corrective
 * actions (lead only).
 */
@Controller
class AssessorInspectionController {

	private final Inspections inspections;

	private final CorrectiveActions correctiveActions;

	AssessorInspectionController(Inspections inspections, CorrectiveActions correctiveActions) {
		this.inspections = inspections;
		this.correctiveActions = correctiveActions;
	}

	@org.springframework.web.bind.annotation.ModelAttribute("severities")
	Severity[] severities() {
		return Severity.values();
	}

	@GetMapping("/assessor/inspections/{id}/declaration")
	String initDeclaration(CurrentUser user, @PathVariable long id, Model model) {
		Inspection inspection = inspections.forDeclaration(user, id);
		if (inspection.activeMember(user.id()).map(InspectionMember::isCleared).orElse(false)) {
			return "redirect:/assessor/inspections/" + id;
		}
		model.addAttribute("inspection", inspection);
		model.addAttribute("institution", inspections.institutionOf(inspection));
		return "inspection/declaration";
	}

	@PostMapping("/assessor/inspections/{id}/declaration")
	String processDeclaration(CurrentUser user, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean noConflict,
			@RequestParam(defaultValue = "false") boolean conflict, @RequestParam(defaultValue = "") String note,
			Model model, RedirectAttributes redirect) {
		if (noConflict == conflict) {
			model.addAttribute("declarationError", "inspection.declaration.choose");
			model.addAttribute("note", note);
			return initDeclaration(user, id, model);
		}
		try {
			inspections.declare(user, id, conflict, note);
		}
		catch (FormRejectedException ex) {
			redirect.addFlashAttribute("error", ex.reasons().get(0).code());
			return "redirect:/assessor";
		}
		if (conflict) {
			redirect.addFlashAttribute("message", "inspection.declaration.conflictRecorded");
			return "redirect:/assessor";
		}
		return "redirect:/assessor/inspections/" + id;
	}

	@GetMapping("/assessor/inspections/{id}")
	String overview(CurrentUser user, @PathVariable long id, Model model) {
		InspectionView view = inspections.assessorView(user, id);
		model.addAttribute("view", view);
		model.addAttribute("notYet", inspections.today().isBefore(view.inspection().getScheduledOn()));
		return "inspection/overview";
	}

	@GetMapping("/assessor/inspections/{id}/sections/{code}")
	String section(CurrentUser user, @PathVariable long id, @PathVariable String code, Model model) {
		InspectionView view = inspections.assessorView(user, id);
		if (view.section(code) == null) {
			throw new NotFoundException("Section", code);
		}
		model.addAttribute("view", view);
		model.addAttribute("section", view.section(code));
		return "inspection/section";
	}

	/**
	 * Saves one indicator. With htmx the card and the running totals come back as
	 * fragments; without JavaScript the page is redirected back to the section.
	 */
	@PostMapping("/assessor/inspections/{id}/scores/{indicatorId}")
	String score(CurrentUser user, @PathVariable long id, @PathVariable long indicatorId,
			@RequestParam(defaultValue = "") String value,
			@RequestParam(required = false) Set<EvaluationMethod> methods,
			@RequestParam(defaultValue = "") String finding, @RequestParam(required = false) Severity severity,
			@RequestParam(required = false) Long version,
			@RequestParam(name = "files",
					required = false) java.util.List<org.springframework.web.multipart.MultipartFile> files,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect)
			throws java.io.IOException {
		InspectionView view = inspections.assessorView(user, id);
		Indicator indicator = view.indicator(indicatorId);
		if (indicator == null) {
			throw new NotFoundException("Indicator", indicatorId);
		}
		java.util.List<Upload> uploads = new java.util.ArrayList<>();
		for (var file : files == null ? java.util.List.<org.springframework.web.multipart.MultipartFile>of() : files) {
			if (!file.isEmpty() || (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank())) {
				uploads.add(new Upload(file.getOriginalFilename(), file.getBytes()));
			}
		}
		var input = new ScoreInput(value, methods == null ? EnumSet.noneOf(EvaluationMethod.class) : methods, finding,
				severity, version, uploads);
		java.util.List<Inspections.FileProblem> fileProblems = new java.util.ArrayList<>();
		try {
			view = inspections.saveScore(user, id, indicatorId, input, fileProblems);
			model.addAttribute("saved", true);
			if (!fileProblems.isEmpty()) {
				model.addAttribute("fileProblems", fileProblems);
			}
		}
		catch (FormRejectedException ex) {
			model.addAttribute("problems", ex.reasons());
			model.addAttribute("typed", input);
		}
		catch (EditConflictException | ObjectOptimisticLockingFailureException ex) {
			view = inspections.assessorView(user, id);
			model.addAttribute("conflict", true);
			model.addAttribute("typed", input);
		}
		if (htmx == null) {
			if (model.containsAttribute("problems") || model.containsAttribute("conflict")) {
				redirect.addFlashAttribute("error",
						model.containsAttribute("conflict") ? "inspection.score.conflict" : "inspection.score.refused");
			}
			else {
				redirect.addFlashAttribute("message", "inspection.score.saved");
			}
			return "redirect:/assessor/inspections/" + id + "/sections/" + indicator.getSection().getCode()
					+ "#indicator-" + indicatorId;
		}
		model.addAttribute("view", view);
		model.addAttribute("indicator", indicator);
		return "inspection/scored";
	}

	@PostMapping("/assessor/inspections/{id}/submit")
	String submit(CurrentUser user, @PathVariable long id, Model model, RedirectAttributes redirect) {
		try {
			inspections.submit(user, id);
			redirect.addFlashAttribute("message", "inspection.submitted");
			return "redirect:/assessor/inspections/" + id;
		}
		catch (FormRejectedException ex) {
			model.addAttribute("view", inspections.assessorView(user, id));
			model.addAttribute("submitProblems", ex.reasons());
			return "inspection/overview";
		}
	}

	@PostMapping("/assessor/actions/{actionId}/verify")
	String verify(CurrentUser user, @PathVariable long actionId, @RequestParam long inspectionId,
			RedirectAttributes redirect) {
		return act(redirect, inspectionId, "action.closedMessage", () -> correctiveActions.verify(user, actionId));
	}

	@PostMapping("/assessor/actions/{actionId}/reopen")
	String reopen(CurrentUser user, @PathVariable long actionId, @RequestParam long inspectionId,
			@RequestParam(defaultValue = "") String comment, RedirectAttributes redirect) {
		return act(redirect, inspectionId, "action.reopenedMessage",
				() -> correctiveActions.reopen(user, actionId, comment));
	}

	@PostMapping("/assessor/actions/{actionId}/due")
	String changeDue(CurrentUser user, @PathVariable long actionId, @RequestParam long inspectionId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			RedirectAttributes redirect) {
		return act(redirect, inspectionId, "action.dueChanged",
				() -> correctiveActions.changeDue(user, actionId, dueOn));
	}

	@GetMapping("/assessor/inspections/{id}/self-evidence/{fileId}")
	ResponseEntity<byte[]> selfEvidence(CurrentUser user, @PathVariable long id, @PathVariable long fileId) {
		return Attachments.response(inspections.selfEvidence(user, id, fileId));
	}

	@GetMapping("/assessor/inspections/{id}/files/{fileId}")
	ResponseEntity<byte[]> file(CurrentUser user, @PathVariable long id, @PathVariable long fileId) {
		return Attachments.response(inspections.file(user, id, fileId));
	}

	private static String act(RedirectAttributes redirect, long inspectionId, String success, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("message", success);
		}
		catch (FormRejectedException ex) {
			redirect.addFlashAttribute("error", ex.reasons().get(0).code());
		}
		return "redirect:/assessor/inspections/" + inspectionId + "#actions";
	}

}
