package cn.meizhi.selfassessment.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.meizhi.selfassessment.Answer;
import cn.meizhi.selfassessment.SectionAnswers;
import cn.meizhi.selfassessment.SelfAssessmentView;
import cn.meizhi.selfassessment.SelfAssessments;
import cn.meizhi.selfassessment.SelfAssessments.FileProblem;
import cn.meizhi.shared.Attachments;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.EditConflictException;
import cn.meizhi.shared.EvidenceFiles.Upload;
import cn.meizhi.shared.FormRejectedException;
import jakarta.servlet.http.HttpServletRequest;

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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clinic's self-assessment: an overview with progress, one page per section to score,
 * comment and attach evidence, and submission.
 */
@Controller
class ClinicSelfAssessmentController {

	static final String OVERVIEW_VIEW = "selfassessment/overview";

	static final String SECTION_VIEW = "selfassessment/section";

	private final SelfAssessments selfAssessments;

	ClinicSelfAssessmentController(SelfAssessments selfAssessments) {
		this.selfAssessments = selfAssessments;
	}

	@InitBinder("form")
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping("/clinic/cycles/{cycleId}/self-assessment")
	String start(CurrentUser user, @PathVariable long cycleId, RedirectAttributes redirect) {
		try {
			return "redirect:/clinic/self-assessments/" + selfAssessments.start(user, cycleId);
		}
		catch (FormRejectedException ex) {
			redirect.addFlashAttribute("error", ex.reasons().get(0).code());
			return "redirect:/clinic";
		}
	}

	@GetMapping("/clinic/self-assessments/{id}")
	String overview(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("view", selfAssessments.view(user, id));
		return OVERVIEW_VIEW;
	}

	@GetMapping("/clinic/self-assessments/{id}/sections/{code}")
	String initSectionForm(CurrentUser user, @PathVariable long id, @PathVariable String code, Model model) {
		SelfAssessmentView view = selfAssessments.view(user, id);
		if (view.section(code) == null) {
			throw new cn.meizhi.shared.NotFoundException("Section", code);
		}
		var form = new SectionAnswers();
		form.setLockVersion(view.assessment().getLockVersion());
		view.section(code).getIndicators().forEach(i -> {
			Answer answer = view.answerOf(i);
			form.getValues().put(i.getId(), answer == null ? "" : answer.getValue());
			form.getComments().put(i.getId(), answer == null ? "" : answer.getComment());
		});
		return sectionView(view, code, form, model);
	}

	@PostMapping("/clinic/self-assessments/{id}/sections/{code}")
	String processSectionForm(CurrentUser user, @PathVariable long id, @PathVariable String code,
			@ModelAttribute("form") SectionAnswers form, BindingResult result, HttpServletRequest request, Model model,
			RedirectAttributes redirect) throws IOException {
		SelfAssessmentView before = selfAssessments.view(user, id);
		if (before.section(code) == null) {
			throw new cn.meizhi.shared.NotFoundException("Section", code);
		}
		Map<Long, List<Upload>> uploads = new HashMap<>();
		MultipartHttpServletRequest multipart = org.springframework.web.util.WebUtils.getNativeRequest(request,
				MultipartHttpServletRequest.class);
		Map<String, List<MultipartFile>> files = multipart == null ? Map.of() : multipart.getMultiFileMap();
		for (Map.Entry<String, List<MultipartFile>> entry : files.entrySet()) {
			if (!entry.getKey().matches("evidence-\\d{1,18}")) {
				continue;
			}
			long indicatorId = Long.parseLong(entry.getKey().substring("evidence-".length()));
			for (MultipartFile file : entry.getValue()) {
				if (!file.isEmpty() || (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank())) {
					uploads.computeIfAbsent(indicatorId, k -> new ArrayList<>())
						.add(new Upload(file.getOriginalFilename(), file.getBytes()));
				}
			}
		}
		List<FileProblem> problems;
		try {
			problems = selfAssessments.saveSection(user, id, code, form, uploads);
		}
		catch (FormRejectedException ex) {
			ex.rejectInto(result);
			model.addAttribute("filesNotSaved", !uploads.isEmpty());
			return sectionView(before, code, form, model);
		}
		catch (EditConflictException | ObjectOptimisticLockingFailureException ex) {
			result.reject("conflict.selfAssessment");
			SelfAssessmentView current = selfAssessments.view(user, id);
			model.addAttribute("conflict", true);
			model.addAttribute("savedView", current);
			model.addAttribute("filesNotSaved", !uploads.isEmpty());
			form.setLockVersion(current.assessment().getLockVersion());
			return sectionView(current, code, form, model);
		}
		if (!problems.isEmpty()) {
			SelfAssessmentView after = selfAssessments.view(user, id);
			form.setLockVersion(after.assessment().getLockVersion());
			model.addAttribute("fileProblems", problems);
			model.addAttribute("message", "selfAssessment.savedWithFileProblems");
			return sectionView(after, code, form, model);
		}
		redirect.addFlashAttribute("message", "selfAssessment.saved");
		return "redirect:/clinic/self-assessments/" + id + "/sections/" + code;
	}

	@PostMapping("/clinic/self-assessments/{id}/evidence/{fileId}/delete")
	String deleteEvidence(CurrentUser user, @PathVariable long id, @PathVariable long fileId,
			@org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String section,
			RedirectAttributes redirect) {
		try {
			selfAssessments.deleteEvidence(user, id, fileId);
			redirect.addFlashAttribute("message", "selfAssessment.evidenceRemoved");
		}
		catch (FormRejectedException ex) {
			redirect.addFlashAttribute("error", ex.reasons().get(0).code());
		}
		return section.matches("[A-Za-z0-9.\\-]{1,20}")
				? "redirect:/clinic/self-assessments/" + id + "/sections/" + section
				: "redirect:/clinic/self-assessments/" + id;
	}

	@PostMapping("/clinic/self-assessments/{id}/submit")
	String submit(CurrentUser user, @PathVariable long id, Model model, RedirectAttributes redirect) {
		try {
			selfAssessments.submit(user, id);
			redirect.addFlashAttribute("message", "selfAssessment.submitted");
			return "redirect:/clinic/self-assessments/" + id;
		}
		catch (FormRejectedException ex) {
			model.addAttribute("view", selfAssessments.view(user, id));
			model.addAttribute("submitProblems", ex.reasons());
			return OVERVIEW_VIEW;
		}
	}

	@GetMapping("/clinic/self-assessments/{id}/evidence/{fileId}")
	ResponseEntity<byte[]> evidence(CurrentUser user, @PathVariable long id, @PathVariable long fileId) {
		return Attachments.response(selfAssessments.evidence(user, id, fileId));
	}

	private static String sectionView(SelfAssessmentView view, String code, SectionAnswers form, Model model) {
		model.addAttribute("view", view);
		model.addAttribute("section", view.section(code));
		model.addAttribute("form", form);
		return SECTION_VIEW;
	}

}
