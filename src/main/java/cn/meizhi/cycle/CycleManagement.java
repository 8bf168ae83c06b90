package cn.meizhi.cycle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.meizhi.cycle.internal.CycleRepository;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionSummary;
import cn.meizhi.region.Regions;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FieldChange;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.Formats;
import cn.meizhi.shared.Jurisdiction;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.shared.Role;
import cn.meizhi.standard.StandardManagement;
import cn.meizhi.standard.StandardVersion;
import cn.meizhi.standard.VersionStatus;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluation cycles of a regulator's jurisdiction: creation, status, windows and
 * enrolment. A cycle outside the caller's jurisdiction answers 404.
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

	/**
	 * Today in the registry's time zone: windows are calendar days there. Reads no data:
	 * no transaction.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
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
				form.getInspectionStarts(), form.getInspectionEnds(), form.getNoticeDays(), user.username(), now);
		if (form.isEnrolAll()) {
			institutions.activeInstitutionIds(Jurisdiction.of(form.getJurisdictionCode()))
				.forEach(id -> cycle.enrol(id, now));
		}
		cycles.saveAndFlush(cycle);
		publish(user, CycleEvent.CycleCreated::new, cycle, new FieldChange.Diff()
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
		publish(user, CycleEvent.CycleStatusChanged::new, cycle,
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
		publish(user, CycleEvent.CycleWindowChanged::new, cycle,
				new FieldChange.Diff().add("selfAssessmentCloses", before, closes).changes());
	}

	/**
	 * Sets how many days ratings approved from now on stay on public notice before they
	 * take effect.
	 */
	@Transactional
	public void changeNoticePeriod(CurrentUser user, long id, Integer days) {
		EvaluationCycle cycle = get(user, id);
		if (days == null) {
			throw FormRejectedException.of("noticeDays", "NotNull");
		}
		int before = cycle.getNoticeDays();
		cycle.changeNoticeDays(days);
		cycles.flush();
		publish(user, CycleEvent.CycleWindowChanged::new, cycle,
				new FieldChange.Diff().add("noticeDays", before, days).changes());
	}

	/**
	 * What an enrolment did: who was enrolled, and each institution or code that was not,
	 * with why. One bad code never costs the others their enrolment. Serializable: it
	 * travels to the cycle's page as a flash attribute, in the session (PostgreSQL).
	 *
	 * @param enrolled names of the institutions enrolled now
	 * @param alreadyEnrolled names of those that already were
	 * @param unknownCodes credit codes of no institution
	 * @param outside names of institutions outside the cycle's jurisdiction
	 * @param notPractising names of institutions whose licence is suspended or closed:
	 * not enrolled
	 */
	public record EnrolmentOutcome(List<String> enrolled, List<String> alreadyEnrolled, List<String> unknownCodes,
			List<String> outside, List<String> notPractising) implements java.io.Serializable {

		public boolean anyRefused() {
			return !unknownCodes.isEmpty() || !outside.isEmpty() || !notPractising.isEmpty();
		}

	}

	/**
	 * Enrols institutions picked from the register (by id) and named by credit code (one
	 * per line or separated by commas). Institutions that may practise and lie in the
	 * cycle's jurisdiction are enrolled; the others (unknown codes, outside the
	 * jurisdiction, licence suspended or closed) are listed, so the regulator sees every
	 * one that was not.
	 */
	@Transactional
	public EnrolmentOutcome enrol(CurrentUser user, long id, java.util.Collection<Long> institutionIds,
			String creditCodes) {
		EvaluationCycle cycle = get(user, id);
		Set<String> codes = new LinkedHashSet<>();
		for (String code : (creditCodes == null ? "" : creditCodes).split("[\\s,，;；]+")) {
			if (!code.isBlank()) {
				codes.add(code.strip().toUpperCase(java.util.Locale.ROOT));
			}
		}
		Set<Long> ids = new LinkedHashSet<>(institutionIds == null ? List.of() : institutionIds);
		if (codes.isEmpty() && ids.isEmpty()) {
			throw FormRejectedException.of("creditCodes", "cycle.enrol.empty");
		}
		java.util.Map<Long, InstitutionSummary> named = new java.util.LinkedHashMap<>();
		institutions.summaries(ids).values().forEach(i -> named.put(i.id(), i));
		List<InstitutionSummary> byCode = institutions.findByCreditCodes(codes);
		byCode.forEach(i -> named.put(i.id(), i));
		List<String> unknown = new ArrayList<>(codes);
		byCode.forEach(i -> unknown.remove(i.creditCode()));
		Jurisdiction scope = Jurisdiction.of(cycle.getJurisdictionCode());
		List<String> enrolled = new ArrayList<>();
		List<String> already = new ArrayList<>();
		List<String> outside = new ArrayList<>();
		List<String> notPractising = new ArrayList<>();
		Instant now = clock.instant();
		for (InstitutionSummary institution : named.values()) {
			if (!scope.covers(institution.regionCode())) {
				outside.add(institution.name());
			}
			else if (institution.status() != cn.meizhi.institution.InstitutionStatus.ACTIVE) {
				notPractising.add(institution.name());
			}
			else if (cycle.enrolls(institution.id())) {
				already.add(institution.name());
			}
			else {
				cycle.enrol(institution.id(), now);
				enrolled.add(institution.name());
			}
		}
		if (!enrolled.isEmpty()) {
			cycles.flush();
			publish(user, CycleEvent.InstitutionsEnrolled::new, cycle,
					new FieldChange.Diff().add("enrolled", null, String.join("、", enrolled)).changes());
		}
		return new EnrolmentOutcome(List.copyOf(enrolled), List.copyOf(already), List.copyOf(unknown),
				List.copyOf(outside), List.copyOf(notPractising));
	}

	/**
	 * Enrols institutions named by credit code (see
	 * {@link #enrol(CurrentUser, long, java.util.Collection, String)}).
	 */
	@Transactional
	public EnrolmentOutcome enrol(CurrentUser user, long id, String creditCodes) {
		return enrol(user, id, List.of(), creditCodes);
	}

	@Transactional
	public void withdraw(CurrentUser user, long id, long institutionId, String reason) {
		EvaluationCycle cycle = get(user, id);
		cycle.withdraw(institutionId, reason, clock.instant());
		cycles.flush();
		String name = institutions.findSummary(institutionId).map(InstitutionSummary::name).orElse("#" + institutionId);
		publish(user, CycleEvent.InstitutionWithdrawn::new, cycle,
				new FieldChange.Diff().add("withdrawn", null, name).add("reason", null, reason.strip()).changes());
	}

	private void publish(CurrentUser user, CycleEvent.Fact fact, EvaluationCycle cycle, List<FieldChange> changes) {
		events.publishEvent(fact.of(cycle.getId(), cycle.getName(), cycle.getJurisdictionCode(), changes, user.actor(),
				clock.instant()));
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
