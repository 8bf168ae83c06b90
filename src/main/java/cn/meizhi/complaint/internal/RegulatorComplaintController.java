package cn.meizhi.complaint.internal;

import java.time.LocalDate;

import cn.meizhi.complaint.Complaint;
import cn.meizhi.complaint.ComplaintOutcome;
import cn.meizhi.complaint.Complaints;
import cn.meizhi.complaint.Complaints.QueueView;
import cn.meizhi.complaint.DecisionForm;
import cn.meizhi.complaint.FollowUp;
import cn.meizhi.shared.Attachments;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The regulator's complaint queue and the handling of one complaint: acknowledge, assign,
 * ask the institution for a statement, decide and answer.
 */
@Controller
@RequestMapping("/regulator/complaints")
class RegulatorComplaintController {

	private final Complaints complaints;

	RegulatorComplaintController(Complaints complaints) {
		this.complaints = complaints;
	}

	@GetMapping
	String queue(CurrentUser user, @RequestParam(defaultValue = "OPEN") QueueView view,
			@RequestParam(defaultValue = "0") int page, Model model) {
		var list = complaints.queue(user, view, page);
		model.addAttribute("complaints", list);
		model.addAttribute("names", complaints.institutionNames(list.getContent()));
		model.addAttribute("view", view);
		model.addAttribute("views", QueueView.values());
		model.addAttribute("overdue", complaints.overdueCount(user));
		model.addAttribute("today", complaints.today());
		return "complaint/queue";
	}

	@GetMapping("/{id}")
	String show(CurrentUser user, @PathVariable long id, Model model) {
		Complaint complaint = complaints.get(user, id);
		model.addAttribute("complaint", complaint);
		model.addAttribute("institutionName", complaints.institutionNames(java.util.List.of(complaint))
			.getOrDefault(complaint.getInstitutionId(), ""));
		model.addAttribute("files", complaints.filesOf(user, id));
		model.addAttribute("action", complaints.actionOf(complaint).orElse(null));
		model.addAttribute("severities", cn.meizhi.inspection.Severity.values());
		model.addAttribute("colleagues", complaints.colleagues(user, complaint));
		model.addAttribute("outcomes", ComplaintOutcome.values());
		model.addAttribute("followUps", FollowUp.values());
		model.addAttribute("today", complaints.today());
		if (!model.containsAttribute("decision")) {
			model.addAttribute("decision", new DecisionForm());
		}
		if (!model.containsAttribute("typedDue")) {
			model.addAttribute("typedDue", complaints.defaultStatementDue());
		}
		return "complaint/detail";
	}

	@PostMapping("/{id}/acknowledge")
	String acknowledge(CurrentUser user, @PathVariable long id, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return act(user, id, model, redirect, response, "complaint.acknowledged",
				() -> complaints.acknowledge(user, id));
	}

	@PostMapping("/{id}/assign")
	String assign(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Long assigneeId, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return act(user, id, model, redirect, response, "complaint.assigned",
				() -> complaints.assign(user, id, assigneeId));
	}

	@PostMapping("/{id}/statement")
	String requestStatement(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String question,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate due, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		model.addAttribute("typedQuestion", question);
		model.addAttribute("typedDue", due);
		return act(user, id, model, redirect, response, "complaint.statementRequested",
				() -> complaints.requestStatement(user, id, question, due));
	}

	@PostMapping("/{id}/decide")
	String decide(CurrentUser user, @PathVariable long id, @ModelAttribute("decision") DecisionForm decision,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return act(user, id, model, redirect, response, "complaint.decided",
				() -> complaints.decide(user, id, decision));
	}

	@PostMapping("/{id}/action/close")
	String closeAction(CurrentUser user, @PathVariable long id, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return act(user, id, model, redirect, response, "complaint.actionClosed",
				() -> complaints.closeAction(user, id));
	}

	@PostMapping("/{id}/action/reopen")
	String reopenAction(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String comment,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return act(user, id, model, redirect, response, "complaint.actionReopened",
				() -> complaints.reopenAction(user, id, comment));
	}

	@GetMapping("/{id}/files/{fileId}")
	ResponseEntity<byte[]> file(CurrentUser user, @PathVariable long id, @PathVariable long fileId) {
		return Attachments.response(complaints.file(user, id, fileId));
	}

	/**
	 * Does one step; on success back to the complaint with a message, on refusal the
	 * complaint again with the reasons and everything typed.
	 */
	private String act(CurrentUser user, long id, Model model, RedirectAttributes redirect,
			HttpServletResponse response, String success, Runnable step) {
		try {
			step.run();
			redirect.addFlashAttribute("message", success);
			return "redirect:/regulator/complaints/" + id;
		}
		catch (FormRejectedException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problems", ex.reasons());
			return show(user, id, model);
		}
	}

}
