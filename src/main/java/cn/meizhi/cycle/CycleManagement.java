package cn.meizhi.cycle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionSummary;
import cn.meizhi.region.Regions;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FieldChange;
import cn.meizhi.shared.Formats;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.Jurisdiction;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.shared.Role;
import cn.meizhi.standard.StandardManagement;
import cn.meizhi.standard.StandardVersion;
import cn.meizhi.standard.VersionStatus;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluation cycles of a regulator's jurisdiction: creation, status, windows and enrolment. A cycle
 * outside the caller's jurisdiction answers 404.
 */
@Service
@Transactional(readOnly = true)
public class CycleManagement {

	private final CycleRepository cycles;

	private final InstitutionManagement institutions;

	private final StandardManagement standards;

	private final Regions regions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Formats formats;

	CycleManagement(CycleRepository cycles, InstitutionManagement institutions, StandardManagement standards,
			Regions regions, ApplicationEventPublisher events, Clock clock, Formats formats) {
		this.cycles = cycles;
		this.institutions = institutions;
		this.standards = standards;
		this.regions = regions;
		this.events = events;
		this.clock = clock;
		this.formats = formats;
	}

	/** Today in the registry's time zone: windows are calendar days there. */
	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), formats.zone());
	}

	public List<EvaluationCycle> list(CurrentUser user) {
		return cycles.findWithinPrefix(scope(user).prefix());
	}

	/** A cycle with its enrolments, if it lies inside the regulator's jurisdiction. */
	public EvaluationCycle get(CurrentUser user, long id) {
		EvaluationCycle cycle = cycles.findWithEnrolmentsById(id).orElseThrow(() -> new NotFoundException("Cycle", id));
		if (!scope(user).covers(cycle.getJurisdictionCode())) {
			throw new NotFoundException("Cycle", id);
		}
		return cycle;
	}

	/** A cycle as other modules see it, without access checks (they apply their own). */
	public Optional<EvaluationCycle> find(long id) {
		return cycles.findWithEnrolmentsById(id);
	}

	/** The cycles an institution is enrolled in, newest deadline first. */
	public List<EvaluationCycle> cyclesOf(long institutionId) {
		return cycles.findEnrolling(institutionId);
	}

	@Transactional
	public EvaluationCycle create(CurrentUser user, CycleForm form) {
		Jurisdiction own = scope(user);
		var reasons = new FormRejectedException.Collector();
		if (!regions.exists(form.getJurisdictionCode())) {
			reasons.reject("jurisdictionCode", "cycle.jurisdiction.unknown");
		}
		else if (!own.covers(form.getJurisdictionCode())) {
			reasons.reject("jurisdictionCode", "cycle.jurisdiction.outside");
		}
		Optional<StandardVersion> version = standards.publishedVersions()
			.stream()
			.filter(v -> v.getId().equals(form.getStandardVersionId()))
			.findFirst();
		if (version.isEmpty()) {
			reasons.reject("standardVersionId", "cycle.standard.notPublished");
		}
		if (form.getSelfAssessmentCloses().isBefore(form.getSelfAssessmentOpens())) {
			reasons.reject("selfAssessmentCloses", "cycle.window.closesBeforeOpens");
		}
		if (form.getInspectionEnds().isBefore(form.getInspectionStarts())) {
			reasons.reject("inspectionEnds", "cycle.window.closesBeforeOpens");
		}
		if (form.getInspectionStarts().isBefore(form.getSelfAssessmentOpens())) {
			reasons.reject("inspectionStarts", "cycle.window.inspectionBeforeSelfAssessment");
		}
		reasons.throwIfAny();
		Instant now = clock.instant();
		EvaluationCycle cycle = new EvaluationCycle(form.getName().strip(), form.getJurisdictionCode(),
				form.getStandardVersionId(), form.getSelfAssessmentOpens(), form.getSelfAssessmentCloses(),
				form.getInspectionStarts(), form.getInspectionEnds(), user.username(), now);
		if (form.isEnrolAll()) {
			institutions.activeInstitutionIds(Jurisdiction.of(form.getJurisdictionCode()))
				.forEach(id -> cycle.enrol(id, now));
		}
		cycles.saveAndFlush(cycle);
		publish(user, "CYCLE_CREATED", cycle, new FieldChange.Diff()
			.add("standardVersion", null, version.get().getStandard().getName() + " · " + version.get().getLabel())
			.add("enrolled", null, cycle.activeEnrolments().size())
			.changes());
		return cycle;
	}

	@Transactional
	public void advance(CurrentUser user, long id, CycleStatus target) {
		EvaluationCycle cycle = get(user, id);
		CycleStatus from = cycle.getStatus();
		cycle.advanceTo(target);
		cycles.flush();
		publish(user, "CYCLE_STATUS_CHANGED", cycle,
				new FieldChange.Diff().add("status", from, target).changes());
	}

	@Transactional
	public void changeSelfAssessmentClose(CurrentUser user, long id, LocalDate closes) {
		EvaluationCycle cycle = get(user, id);
		if (closes == null) {
			throw FormRejectedException.of("closes", "NotNull");
		}
		LocalDate before = cycle.getSelfAssessmentCloses();
		cycle.changeSelfAssessmentClose(closes);
		cycles.flush();
		publish(user, "CYCLE_WINDOW_CHANGED", cycle,
				new FieldChange.Diff().add("selfAssessmentCloses", before, closes).changes());
	}

	/**
	 * Enrols institutions named by credit code (one per line or separated by commas). Codes of unknown
	 * institutions or institutions outside the cycle's jurisdiction are refused, listed, and nothing is
	 * enrolled.
	 */
	@Transactional
	public int enrol(CurrentUser user, long id, String creditCodes) {
		EvaluationCycle cycle = get(user, id);
		Set<String> codes = new LinkedHashSet<>();
		for (String code : (creditCodes == null ? "" : creditCodes).split("[\\s,，;；]+")) {
			if (!code.isBlank()) {
				codes.add(code.strip().toUpperCase());
			}
		}
		if (codes.isEmpty()) {
			throw FormRejectedException.of("creditCodes", "cycle.enrol.empty");
		}
		List<InstitutionSummary> found = institutions.findByCreditCodes(codes);
		List<String> unknown = new ArrayList<>(codes);
		found.forEach(i -> unknown.remove(i.creditCode()));
		List<String> outside = found.stream()
			.filter(i -> !Jurisdiction.of(cycle.getJurisdictionCode()).covers(i.regionCode()))
			.map(InstitutionSummary::creditCode)
			.toList();
		var reasons = new FormRejectedException.Collector();
		if (!unknown.isEmpty()) {
			reasons.reject("creditCodes", "cycle.enrol.unknown", String.join("、", unknown));
		}
		if (!outside.isEmpty()) {
			reasons.reject("creditCodes", "cycle.enrol.outside", String.join("、", outside));
		}
		reasons.throwIfAny();
		Instant now = clock.instant();
		found.forEach(i -> cycle.enrol(i.id(), now));
		cycles.flush();
		publish(user, "CYCLE_INSTITUTIONS_ENROLLED", cycle, new FieldChange.Diff()
			.add("enrolled", null, String.join("、", found.stream().map(InstitutionSummary::name).toList()))
			.changes());
		return found.size();
	}

	@Transactional
	public void withdraw(CurrentUser user, long id, long institutionId, String reason) {
		EvaluationCycle cycle = get(user, id);
		cycle.withdraw(institutionId, reason, clock.instant());
		cycles.flush();
		String name = institutions.findSummary(institutionId).map(InstitutionSummary::name).orElse("#" + institutionId);
		publish(user, "CYCLE_INSTITUTION_WITHDRAWN", cycle,
				new FieldChange.Diff().add("withdrawn", null, name).add("reason", null, reason.strip()).changes());
	}

	private void publish(CurrentUser user, String action, EvaluationCycle cycle, List<FieldChange> changes) {
		events.publishEvent(new CycleChanged(action, cycle.getId(), cycle.getName(), cycle.getJurisdictionCode(),
				changes, user.actor(), clock.instant()));
	}

	private static Jurisdiction scope(CurrentUser user) {
		if (user.is(Role.REGULATOR) && user.jurisdiction() != null) {
			return user.jurisdiction();
		}
		throw new NotFoundException("Cycles", user.username());
	}

	/** Published versions a new cycle may use. */
	public List<StandardVersion> usableStandardVersions() {
		return standards.publishedVersions().stream().filter(v -> v.getStatus() == VersionStatus.PUBLISHED).toList();
	}

}
