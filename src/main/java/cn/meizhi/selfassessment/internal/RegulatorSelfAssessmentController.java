package cn.meizhi.selfassessment.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.meizhi.cycle.CycleManagement;
import cn.meizhi.cycle.EvaluationCycle;
import cn.meizhi.selfassessment.SelfAssessments;
import cn.meizhi.selfassessment.SelfAssessments.State;
import cn.meizhi.selfassessment.internal.CycleProgress.Row;
import cn.meizhi.shared.Attachments;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.standard.StandardManagement;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The regulator's side of self-assessments: a cycle's progress, each self-assessment
 * read-only, returning a submitted one with a reason, evidence downloads and exports.
 */
@Controller
class RegulatorSelfAssessmentController {

	private final SelfAssessments selfAssessments;

	private final CycleProgress progress;

	private final CycleManagement cycles;

	private final StandardManagement standards;

	RegulatorSelfAssessmentController(SelfAssessments selfAssessments, CycleProgress progress, CycleManagement cycles,
			StandardManagement standards) {
		this.selfAssessments = selfAssessments;
		this.progress = progress;
		this.cycles = cycles;
		this.standards = standards;
	}

	@GetMapping("/regulator/cycles/{id}")
	String cycle(CurrentUser user, @PathVariable long id, @RequestParam(required = false) State state, Model model) {
		EvaluationCycle cycle = cycles.get(user, id);
		List<Row> rows = progress.rows(user, id);
		model.addAttribute("cycle", cycle);
		model.addAttribute("version", standards.publicVersion(cycle.getStandardVersionId()));
		model.addAttribute("counts", progress.counts(rows));
		model.addAttribute("enrolled", rows.stream().filter(r -> r.state() != State.WITHDRAWN).count());
		model.addAttribute("rows", state == null ? rows : rows.stream().filter(r -> r.state() == state).toList());
		model.addAttribute("state", state);
		model.addAttribute("states", State.values());
		model.addAttribute("today", cycles.today());
		return "selfassessment/cycle";
	}

	@GetMapping("/regulator/cycles/{id}/self-assessments.csv")
	void exportList(CurrentUser user, @PathVariable long id, HttpServletResponse response) throws IOException {
		Writer writer = csv(response, "cycle-" + id + "-self-assessments.csv");
		progress.writeList(user, id, writer);
		writer.flush();
	}

	@GetMapping("/regulator/cycles/{id}/scores.csv")
	void exportScores(CurrentUser user, @PathVariable long id, HttpServletResponse response) throws IOException {
		Writer writer = csv(response, "cycle-" + id + "-self-scores.csv");
		progress.writeScores(user, id, writer);
		writer.flush();
	}

	@GetMapping("/regulator/self-assessments/{id}")
	String review(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("view", selfAssessments.view(user, id));
		return "selfassessment/review";
	}

	@PostMapping("/regulator/self-assessments/{id}/return")
	String returnToInstitution(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		try {
			selfAssessments.returnToInstitution(user, id, reason);
			redirect.addFlashAttribute("message", "selfAssessment.returned");
		}
		catch (FormRejectedException ex) {
			redirect.addFlashAttribute("error", ex.reasons().get(0).code());
			redirect.addFlashAttribute("typedReason", reason);
		}
		return "redirect:/regulator/self-assessments/" + id;
	}

	@GetMapping("/regulator/self-assessments/{id}/evidence/{fileId}")
	ResponseEntity<byte[]> evidence(CurrentUser user, @PathVariable long id, @PathVariable long fileId) {
		return Attachments.response(selfAssessments.evidence(user, id, fileId));
	}

	private static Writer csv(HttpServletResponse response, String name) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
		return new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
	}

}
