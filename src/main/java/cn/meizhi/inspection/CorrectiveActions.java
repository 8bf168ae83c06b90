package cn.meizhi.inspection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.meizhi.cycle.CycleManagement;
import cn.meizhi.evidence.EvidenceStore;
import cn.meizhi.inspection.internal.CorrectiveActionRepository;
import cn.meizhi.inspection.internal.InspectionFile;
import cn.meizhi.inspection.internal.InspectionFileRepository;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionSummary;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.EvidenceFiles.Upload;
import cn.meizhi.shared.FieldChange;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.shared.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The corrective actions (整改) an inspection asks of an institution: the clinic answers
 * with text and files, the lead assessor closes, reopens or moves the due date, and the
 * regulator counts the overdue ones of the jurisdiction. A clinic reaches only its own
 * institution's actions; an assessor only those of an inspection whose team they lead.
 */
@Service
@Transactional(readOnly = true)
public class CorrectiveActions {

	private final CorrectiveActionRepository actions;

	private final InspectionFileRepository files;

	private final EvidenceStore evidenceStore;

	private final Inspections inspections;

	private final InstitutionManagement institutions;

	private final CycleManagement cycles;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CorrectiveActions(CorrectiveActionRepository actions, InspectionFileRepository files, EvidenceStore evidenceStore,
			Inspections inspections, InstitutionManagement institutions, CycleManagement cycles,
			ApplicationEventPublisher events, Clock clock) {
		this.actions = actions;
		this.files = files;
		this.evidenceStore = evidenceStore;
		this.inspections = inspections;
		this.institutions = institutions;
		this.cycles = cycles;
		this.events = events;
		this.clock = clock;
	}

	/** The clinic answers a corrective action of its own institution. */
	@Transactional
	public void respond(CurrentUser clinic, long actionId, String text, List<Upload> uploads) {
		Inspections.requireRole(clinic, Role.CLINIC);
		CorrectiveAction action = actions.findById(actionId)
			.filter(a -> a.getInstitutionId().equals(clinic.institutionId()))
			.orElseThrow(() -> new NotFoundException("CorrectiveAction", actionId));
		Instant now = clock.instant();
		action.respond(text, clinic.username(), now);
		for (Upload upload : uploads) {
			store(action, upload, clinic.username(), now);
		}
		actions.flush();
		publishAction(clinic, CorrectiveActionEvent.CorrectiveActionAnswered::new, action);
	}

	/**
	 * A regulator orders a corrective action on the finding of a complaint they decided,
	 * against an institution of their jurisdiction.
	 */
	@Transactional
	public CorrectiveAction orderFromComplaint(CurrentUser regulator, long institutionId, long complaintId,
			String complaintNumber, String finding, Severity severity, LocalDate due) {
		Inspections.requireRole(regulator, Role.REGULATOR);
		InstitutionSummary institution = institutions.findSummary(institutionId)
			.filter(i -> regulator.reaches(i.regionCode()))
			.orElseThrow(() -> new NotFoundException("Institution", institutionId));
		var problems = new FormRejectedException.Collector();
		if (finding == null || finding.isBlank()) {
			problems.reject("finding", "action.finding.required");
		}
		if (due == null || !due.isAfter(cycles.today())) {
			problems.reject("actionDue", "action.due.notFuture");
		}
		problems.throwIfAny();
		CorrectiveAction action = actions
			.saveAndFlush(new CorrectiveAction(institution.id(), complaintId, complaintNumber, finding.strip(),
					severity == null ? Severity.GENERAL : severity, due, clock.instant()));
		publishAction(regulator, CorrectiveActionEvent.CorrectiveActionOrdered::new, action,
				new FieldChange.Diff().add("dueOn", null, due).changes());
		return action;
	}

	/** The corrective action ordered on a complaint, if any. */
	public java.util.Optional<CorrectiveAction> ofComplaint(long complaintId) {
		return actions.findByComplaintId(complaintId);
	}

	/**
	 * The regulator of the institution's jurisdiction closes a complaint's corrective
	 * action once answered; 404 for an inspection's action or another jurisdiction's.
	 */
	@Transactional
	public void verifyAsRegulator(CurrentUser regulator, long actionId) {
		CorrectiveAction action = regulatorsAction(regulator, actionId);
		action.verify(regulator.username(), clock.instant());
		actions.flush();
		publishAction(regulator, CorrectiveActionEvent.CorrectiveActionClosed::new, action);
	}

	/** The regulator finds the answer insufficient and reopens the action. */
	@Transactional
	public void reopenAsRegulator(CurrentUser regulator, long actionId, String comment) {
		CorrectiveAction action = regulatorsAction(regulator, actionId);
		action.reopen(comment);
		actions.flush();
		publishAction(regulator, CorrectiveActionEvent.CorrectiveActionReopened::new, action);
	}

	private CorrectiveAction regulatorsAction(CurrentUser regulator, long actionId) {
		Inspections.requireRole(regulator, Role.REGULATOR);
		return actions.findById(actionId)
			.filter(CorrectiveAction::isFromComplaint)
			.filter(a -> institutions.findSummary(a.getInstitutionId())
				.map(i -> regulator.reaches(i.regionCode()))
				.orElse(false))
			.orElseThrow(() -> new NotFoundException("CorrectiveAction", actionId));
	}

	@Transactional
	public void verify(CurrentUser assessor, long actionId) {
		CorrectiveAction action = leadsAction(assessor, actionId);
		action.verify(assessor.username(), clock.instant());
		actions.flush();
		publishAction(assessor, CorrectiveActionEvent.CorrectiveActionClosed::new, action);
	}

	@Transactional
	public void reopen(CurrentUser assessor, long actionId, String comment) {
		CorrectiveAction action = leadsAction(assessor, actionId);
		action.reopen(comment);
		actions.flush();
		publishAction(assessor, CorrectiveActionEvent.CorrectiveActionReopened::new, action);
	}

	@Transactional
	public void changeDue(CurrentUser assessor, long actionId, LocalDate due) {
		CorrectiveAction action = leadsAction(assessor, actionId);
		LocalDate before = action.getDueOn();
		action.changeDue(due);
		actions.flush();
		publishAction(assessor, CorrectiveActionEvent.CorrectiveActionDueChanged::new, action,
				new FieldChange.Diff().add("dueOn", before, due).changes());
	}

	/** The clinic's corrective actions, oldest due first. */
	public List<CorrectiveAction> actionsOf(CurrentUser clinic) {
		Inspections.requireRole(clinic, Role.CLINIC);
		return actions.findByInstitutionIdOrderByDueOn(clinic.institutionId());
	}

	/**
	 * Corrective actions past due and not closed, inside the regulator's jurisdiction.
	 */
	public long overdueActions(CurrentUser regulator) {
		Inspections.requireRole(regulator, Role.REGULATOR);
		// the few institutions with overdue actions, then where the register has them
		var overdue = new java.util.HashMap<Long, Long>();
		actions.countOverdueByInstitution(cycles.today())
			.forEach(row -> overdue.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
		var regions = institutions.regionsOf(overdue.keySet());
		return overdue.entrySet()
			.stream()
			.filter(entry -> regulator.reaches(regions.get(entry.getKey())))
			.mapToLong(java.util.Map.Entry::getValue)
			.sum();
	}

	private CorrectiveAction leadsAction(CurrentUser assessor, long actionId) {
		Inspections.requireRole(assessor, Role.ASSESSOR);
		CorrectiveAction action = actions.findById(actionId)
			.filter(a -> !a.isFromComplaint())
			.orElseThrow(() -> new NotFoundException("CorrectiveAction", actionId));
		Inspection inspection;
		try {
			inspection = inspections.cleared(assessor, action.getInspectionId());
		}
		catch (NotFoundException | Inspections.DeclarationRequired ex) {
			throw new NotFoundException("CorrectiveAction", actionId);
		}
		if (!inspection.isLead(assessor.id())) {
			throw FormRejectedException.of(null, "action.leadOnly");
		}
		return action;
	}

	private void store(CorrectiveAction action, Upload upload, String by, Instant now) {
		if (upload.bytes().length == 0) {
			return;
		}
		evidenceStore.refusalOf(upload).ifPresent(refusal -> {
			throw FormRejectedException.of("files", refusal.messageKey(), refusal.arguments());
		});
		files.save(new InspectionFile(action.getInspectionId(), null, action.getId(), evidenceStore.store(upload), by,
				now));
	}

	private void publishAction(CurrentUser user, CorrectiveActionEvent.Fact fact, CorrectiveAction action) {
		publishAction(user, fact, action, new FieldChange.Diff().add("status", null, action.getStatus()).changes());
	}

	/**
	 * One lookup of the institution names the event and puts it in its region's trail.
	 */
	private void publishAction(CurrentUser user, CorrectiveActionEvent.Fact fact, CorrectiveAction action,
			List<FieldChange> changes) {
		long institutionId = action.getInstitutionId();
		var institution = institutions.findSummary(institutionId);
		events.publishEvent(fact.of(action.getId(),
				institution.map(InstitutionSummary::name).orElse("#" + institutionId),
				institution.map(InstitutionSummary::regionCode).orElse(null), changes, user.actor(), clock.instant()));
	}

}
