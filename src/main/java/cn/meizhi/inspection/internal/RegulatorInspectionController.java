package cn.meizhi.inspection.internal;

import java.time.LocalDate;
import java.util.List;

import cn.meizhi.cycle.CycleManagement;
import cn.meizhi.cycle.EvaluationCycle;
import cn.meizhi.inspection.Inspection;
import cn.meizhi.inspection.InspectionScheduling;
import cn.meizhi.inspection.InspectionStatus;
import cn.meizhi.inspection.Inspections;
import cn.meizhi.shared.Attachments;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The regulator schedules inspections, manages the teams and follows results and
 * corrective actions.
 */
@Controller
@RequestMapping("/regulator/inspections")
class RegulatorInspectionController {

	private final Inspections inspections;

	private final InspectionScheduling scheduling;

	private final CycleManagement cycles;

	RegulatorInspectionController(Inspections inspections, InspectionScheduling scheduling, CycleManagement cycles) {
		this.inspections = inspections;
		this.scheduling = scheduling;
		this.cycles = cycles;
	}

	@GetMapping
	String list(CurrentUser user, @RequestParam(required = false) Long cycleId,
			@RequestParam(required = false) InspectionStatus status, Model model) {
		List<Inspection> list = cycleId == null ? inspections.forJurisdiction(user)
				: inspections.forCycle(user, cycleId);
		if (status != null) {
			list = list.stream().filter(i -> i.getStatus() == status).toList();
		}
		model.addAttribute("inspections", list);
		model.addAttribute("institutions", inspections.institutionsOf(list));
		model.addAttribute("assessors", inspections.assessorsById());
		model.addAttribute("statuses", InspectionStatus.values());
		model.addAttribute("status", status);
		model.addAttribute("cycleId", cycleId);
		model.addAttribute("cycles", cycles.list(user));
		return "inspection/list";
	}

	@GetMapping("/new")
	String initScheduleForm(CurrentUser user, @RequestParam long cycleId, @RequestParam long institutionId,
			Model model) {
		EvaluationCycle cycle = cycles.get(user, cycleId);
		if (!cycle.enrolls(institutionId)) {
			throw new cn.meizhi.shared.NotFoundException("Institution", institutionId);
		}
		model.addAttribute("cycle", cycle);
		model.addAttribute("institutionId", institutionId);
		model.addAttribute("institution", inspections.institution(institutionId));
		model.addAttribute("assessors", inspections.assessors());
		if (!model.containsAttribute("scheduledOn")) {
			model.addAttribute("scheduledOn", cycle.getInspectionStarts());
		}
		return "inspection/schedule";
	}

	@PostMapping("/new")
	String processScheduleForm(CurrentUser user, @RequestParam long cycleId, @RequestParam long institutionId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate scheduledOn,
			@RequestParam(required = false) Long leadId, @RequestParam(required = false) List<Long> memberIds,
			Model model, RedirectAttributes redirect) {
		try {
			Inspection inspection = scheduling.schedule(user, cycleId, institutionId, scheduledOn, leadId, memberIds);
			redirect.addFlashAttribute("message", "inspection.scheduled");
			return "redirect:/regulator/inspections/" + inspection.getId();
		}
		catch (org.springframework.dao.DataIntegrityViolationException ex) {
			model.addAttribute("problems",
					List.of(new FormRejectedException.Reason(null, "inspection.institution.alreadyScheduled")));
			return initScheduleForm(user, cycleId, institutionId, model);
		}
		catch (FormRejectedException ex) {
			model.addAttribute("problems", ex.reasons());
			model.addAttribute("scheduledOn", scheduledOn);
			model.addAttribute("leadId", leadId);
			model.addAttribute("memberIds", memberIds == null ? List.of() : memberIds);
			return initScheduleForm(user, cycleId, institutionId, model);
		}
	}

	@GetMapping("/{id}")
	String show(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("view", inspections.regulatorView(user, id));
		model.addAttribute("allAssessors", inspections.assessors());
		return "inspection/detail";
	}

	@PostMapping("/{id}/reschedule")
	String reschedule(CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate scheduledOn,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		return act(redirect, id, "inspection.rescheduled", () -> scheduling.reschedule(user, id, scheduledOn, reason));
	}

	@PostMapping("/{id}/cancel")
	String cancel(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		return act(redirect, id, "inspection.cancelled", () -> scheduling.cancel(user, id, reason));
	}

	@PostMapping("/{id}/members")
	String addMember(CurrentUser user, @PathVariable long id, @RequestParam long assessorId,
			@RequestParam(defaultValue = "false") boolean lead, RedirectAttributes redirect) {
		return act(redirect, id, "inspection.memberAdded", () -> scheduling.addMember(user, id, assessorId, lead));
	}

	@PostMapping("/{id}/lead")
	String makeLead(CurrentUser user, @PathVariable long id, @RequestParam long assessorId,
			RedirectAttributes redirect) {
		return act(redirect, id, "inspection.leadChanged", () -> scheduling.makeLead(user, id, assessorId));
	}

	@PostMapping("/{id}/findings/{indicatorId}/visibility")
	String findingVisibility(CurrentUser user, @PathVariable long id, @PathVariable long indicatorId,
			@RequestParam(defaultValue = "false") boolean visible, RedirectAttributes redirect) {
		return act(redirect, id, visible ? "inspection.finding.madePublic" : "inspection.finding.madePrivate",
				() -> inspections.setFindingPublic(user, id, indicatorId, visible));
	}

	@GetMapping("/{id}/files/{fileId}")
	ResponseEntity<byte[]> file(CurrentUser user, @PathVariable long id, @PathVariable long fileId) {
		return Attachments.response(inspections.file(user, id, fileId));
	}

	private static String act(RedirectAttributes redirect, long id, String success, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("message", success);
		}
		catch (FormRejectedException ex) {
			redirect.addFlashAttribute("error", ex.reasons().get(0).code());
			redirect.addFlashAttribute("errorArgs", ex.reasons().get(0).arguments());
		}
		return "redirect:/regulator/inspections/" + id;
	}

}
