package cn.meizhi.inspection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.meizhi.account.AccountManagement.AssessorSummary;
import cn.meizhi.cycle.CycleManagement;
import cn.meizhi.cycle.EvaluationCycle;
import cn.meizhi.inspection.internal.InspectionRepository;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FieldChange;
import cn.meizhi.shared.FormRejectedException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The regulator schedules an on-site inspection of an enrolled institution and keeps its
 * team: the date (moved with a reason), the lead assessor and the members, or cancels it.
 * Only inside the regulator's own cycles.
 */
@Service
@Transactional(readOnly = true)
public class InspectionScheduling {

	private final InspectionRepository repository;

	private final Inspections inspections;

	private final CycleManagement cycles;

	private final Clock clock;

	InspectionScheduling(InspectionRepository repository, Inspections inspections, CycleManagement cycles,
			Clock clock) {
		this.repository = repository;
		this.inspections = inspections;
		this.cycles = cycles;
		this.clock = clock;
	}

	@Transactional
	public Inspection schedule(CurrentUser regulator, long cycleId, long institutionId, LocalDate date, Long leadId,
			List<Long> memberIds) {
		EvaluationCycle cycle = cycles.get(regulator, cycleId);
		var reasons = new FormRejectedException.Collector();
		if (!cycle.enrolls(institutionId)) {
			reasons.reject("institutionId", "inspection.institution.notEnrolled");
		}
		if (date == null) {
			reasons.reject("scheduledOn", "NotNull");
		}
		Map<Long, AssessorSummary> assessors = inspections.assessorsById();
		Set<Long> team = new LinkedHashSet<>();
		if (leadId != null) {
			team.add(leadId);
		}
		if (memberIds != null) {
			team.addAll(memberIds);
		}
		if (leadId == null) {
			reasons.reject("leadId", "inspection.lead.required");
		}
		if (!assessors.keySet().containsAll(team)) {
			reasons.reject("memberIds", "inspection.member.notAssessor");
		}
		boolean busy = repository.findByCycleIdOrderByScheduledOn(cycleId)
			.stream()
			.anyMatch(i -> i.getInstitutionId() == institutionId && i.getStatus() != InspectionStatus.CANCELLED);
		if (busy) {
			reasons.reject("institutionId", "inspection.institution.alreadyScheduled");
		}
		reasons.throwIfAny();
		Instant now = clock.instant();
		Inspection inspection = new Inspection(cycleId, institutionId, date, regulator.username(), now);
		for (Long assessorId : team) {
			inspection.addMember(assessorId, assessorId.equals(leadId));
		}
		repository.saveAndFlush(inspection);
		inspections.publish(regulator, InspectionEvent.InspectionScheduled::new, inspection,
				new FieldChange.Diff().add("scheduledOn", null, date)
					.add("team", null,
							team.stream().map(id -> assessors.get(id).displayName()).collect(Collectors.joining("、")))

					.changes());
		return inspection;
	}

	@Transactional
	public void reschedule(CurrentUser regulator, long id, LocalDate date, String reason) {
		Inspection inspection = inspections.forRegulator(regulator, id);
		if (date == null) {
			throw FormRejectedException.of("scheduledOn", "NotNull");
		}
		if (reason == null || reason.isBlank()) {
			throw FormRejectedException.of("reason", "inspection.reschedule.reasonRequired");
		}
		cn.meizhi.shared.Texts.requireMax(reason, 1000, "reason");
		LocalDate before = inspection.getScheduledOn();
		inspection.reschedule(date);
		repository.flush();
		inspections.publish(regulator, InspectionEvent.InspectionRescheduled::new, inspection,
				new FieldChange.Diff().add("scheduledOn", before, date).add("reason", null, reason.strip()).changes());
	}

	@Transactional
	public void cancel(CurrentUser regulator, long id, String reason) {
		Inspection inspection = inspections.forRegulator(regulator, id);
		inspection.cancel(reason);
		repository.flush();
		inspections.publish(regulator, InspectionEvent.InspectionCancelled::new, inspection,
				new FieldChange.Diff().add("reason", null, reason.strip()).changes());
	}

	@Transactional
	public void addMember(CurrentUser regulator, long id, long assessorId, boolean lead) {
		Inspection inspection = inspections.forRegulator(regulator, id);
		AssessorSummary assessor = Optional.ofNullable(inspections.assessorsById().get(assessorId))
			.orElseThrow(() -> FormRejectedException.of("assessorId", "inspection.member.notAssessor"));
		inspection.addMember(assessorId, lead);
		repository.flush();
		inspections.publish(regulator, InspectionEvent.InspectionMemberAdded::new, inspection,
				new FieldChange.Diff().add("member", null, assessor.displayName()).add("lead", null, lead).changes());
	}

	@Transactional
	public void makeLead(CurrentUser regulator, long id, long assessorId) {
		Inspection inspection = inspections.forRegulator(regulator, id);
		inspection.makeLead(assessorId);
		repository.flush();
		String name = Optional.ofNullable(inspections.assessorsById().get(assessorId))
			.map(AssessorSummary::displayName)
			.orElse("#" + assessorId);
		inspections.publish(regulator, InspectionEvent.InspectionLeadChanged::new, inspection,
				new FieldChange.Diff().add("lead", null, name).changes());
	}

}
