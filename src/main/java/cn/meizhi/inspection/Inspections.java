package cn.meizhi.inspection;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.meizhi.account.AccountManagement;
import cn.meizhi.account.AccountManagement.AssessorSummary;
import cn.meizhi.cycle.CycleManagement;
import cn.meizhi.cycle.EvaluationCycle;
import cn.meizhi.evidence.EvidenceStore;
import cn.meizhi.inspection.internal.CorrectiveActionRepository;
import cn.meizhi.inspection.internal.InspectionFile;
import cn.meizhi.inspection.internal.InspectionFileRepository;
import cn.meizhi.inspection.internal.InspectionMember;
import cn.meizhi.inspection.internal.InspectionRepository;
import cn.meizhi.inspection.internal.InspectionScore;
import cn.meizhi.inspection.internal.InspectionScoreRepository;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionSummary;
import cn.meizhi.selfassessment.Answer;
import cn.meizhi.selfassessment.SelfAssessments;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.EditConflictException;
import cn.meizhi.shared.EvidenceFiles;
import cn.meizhi.shared.EvidenceFiles.Download;
import cn.meizhi.shared.EvidenceFiles.Upload;
import cn.meizhi.shared.FieldChange;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.shared.Role;
import cn.meizhi.standard.EvaluationMethod;
import cn.meizhi.standard.Indicator;
import cn.meizhi.standard.RatingEngine;
import cn.meizhi.standard.RatingOutcome;
import cn.meizhi.standard.Score;
import cn.meizhi.standard.ScoringModel;
import cn.meizhi.standard.StandardManagement;
import cn.meizhi.standard.StandardVersion;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * On-site inspections and corrective actions, with their object-level rules in one place:
 * regulators act inside their jurisdiction; an assessor sees only inspections whose team
 * they are on, and nothing of one before declaring no conflict of interest; only the lead
 * submits and verifies; a clinic sees only its own institution's inspections (results
 * once submitted) and corrective actions. Anything else answers 404.
 */
@Service
@Transactional(readOnly = true)
public class Inspections {

	/** What an assessor enters for one indicator. */
	public record ScoreInput(String value, Set<EvaluationMethod> methods, String finding, Severity severity,
			Long expectedVersion, List<Upload> uploads) {

		public ScoreInput(String value, Set<EvaluationMethod> methods, String finding, Severity severity,
				Long expectedVersion) {
			this(value, methods, finding, severity, expectedVersion, List.of());
		}

	}

	/** A file that was not kept, and why. */
	public record FileProblem(String fileName, String code, Object... arguments) {
	}

	/** Thrown when an assessor must first declare (no) conflict of interest. */
	public static class DeclarationRequired extends RuntimeException {

		private final long inspectionId;

		DeclarationRequired(long inspectionId) {
			super("Declare conflicts of interest first");
			this.inspectionId = inspectionId;
		}

		public long inspectionId() {
			return inspectionId;
		}

	}

	private final InspectionRepository inspections;

	private final InspectionScoreRepository scores;

	private final CorrectiveActionRepository actions;

	private final InspectionFileRepository files;

	private final EvidenceStore evidenceStore;

	private final CycleManagement cycles;

	private final InstitutionManagement institutions;

	private final StandardManagement standards;

	private final SelfAssessments selfAssessments;

	private final AccountManagement accounts;

	private final RatingEngine engine;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final JdbcClient jdbc;

	Inspections(InspectionRepository inspections, InspectionScoreRepository scores, CorrectiveActionRepository actions,
			InspectionFileRepository files, EvidenceStore evidenceStore, CycleManagement cycles,
			InstitutionManagement institutions, StandardManagement standards, SelfAssessments selfAssessments,
			AccountManagement accounts, RatingEngine engine, ApplicationEventPublisher events, Clock clock,
			JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.inspections = inspections;
		this.scores = scores;
		this.actions = actions;
		this.files = files;
		this.evidenceStore = evidenceStore;
		this.cycles = cycles;
		this.institutions = institutions;
		this.standards = standards;
		this.selfAssessments = selfAssessments;
		this.accounts = accounts;
		this.engine = engine;
		this.events = events;
		this.clock = clock;
	}

	/** Inspections of a cycle of the regulator's, or of all its cycles. */
	public List<Inspection> forCycle(CurrentUser regulator, long cycleId) {
		cycles.get(regulator, cycleId);
		return inspections.findByCycleIdOrderByScheduledOn(cycleId);
	}

	public List<Inspection> forJurisdiction(CurrentUser regulator) {
		List<Long> cycleIds = cycles.list(regulator).stream().map(EvaluationCycle::getId).toList();
		return cycleIds.isEmpty() ? List.of() : inspections.findByCycleIdIn(cycleIds);
	}

	public InspectionView regulatorView(CurrentUser regulator, long id) {
		return view(forRegulator(regulator, id), null);
	}

	public List<AssessorSummary> assessors() {
		return accounts.activeAssessors();
	}

	public Map<Long, AssessorSummary> assessorsById() {
		return accounts.activeAssessors().stream().collect(Collectors.toMap(AssessorSummary::id, a -> a));
	}

	public InstitutionSummary institution(long institutionId) {
		return institutions.findSummary(institutionId)
			.orElseThrow(() -> new NotFoundException("Institution", institutionId));
	}

	public Map<Long, InstitutionSummary> institutionsOf(List<Inspection> list) {
		return institutions.summaries(list.stream().map(Inspection::getInstitutionId).collect(Collectors.toSet()));
	}

	// ---- assessor
	// ------------------------------------------------------------------------------

	/** The inspections the assessor is on (declared or not). */
	public List<Inspection> mine(CurrentUser assessor) {
		requireRole(assessor, Role.ASSESSOR);
		return inspections.findForAssessor(assessor.id());
	}

	/** What an assessor may know before declaring: which institution and when. */
	public Inspection forDeclaration(CurrentUser assessor, long id) {
		requireRole(assessor, Role.ASSESSOR);
		return inspections.findWithMembersById(id)
			.filter(i -> i.activeMember(assessor.id()).isPresent())
			.orElseThrow(() -> new NotFoundException("Inspection", id));
	}

	public InstitutionSummary institutionOf(Inspection inspection) {
		return institutions.findSummary(inspection.getInstitutionId()).orElseThrow();
	}

	@Transactional
	public void declare(CurrentUser assessor, long id, boolean conflict, String note) {
		Inspection inspection = forDeclaration(assessor, id);
		InspectionMember member = inspection.activeMember(assessor.id()).orElseThrow();
		if (member.getDeclaredAt() != null) {
			throw FormRejectedException.of(null, "inspection.declaration.already");
		}
		member.declare(conflict, note, clock.instant());
		inspections.flush();
		publish(assessor, conflict ? InspectionEvent.ConflictDeclared::new : InspectionEvent.NoConflictDeclared::new,
				inspection,
				new FieldChange.Diff().add("note", null, note == null || note.isBlank() ? null : note.strip())
					.changes());
	}

	/** The scoring view for a cleared team member. */
	public InspectionView assessorView(CurrentUser assessor, long id) {
		return view(cleared(assessor, id), assessor);
	}

	/**
	 * Saves one indicator's score; returns the refreshed view (for the running totals).
	 */
	@Transactional
	public InspectionView saveScore(CurrentUser assessor, long id, long indicatorId, ScoreInput input) {
		return saveScore(assessor, id, indicatorId, input, new ArrayList<>());
	}

	/**
	 * Saves one indicator's score and its photos or documents; files that break the
	 * upload rules are listed in {@code fileProblems} while the score and the other files
	 * are kept.
	 */
	@Transactional
	public InspectionView saveScore(CurrentUser assessor, long id, long indicatorId, ScoreInput input,
			List<FileProblem> fileProblems) {
		inspections.lockShared(id);
		Inspection inspection = cleared(assessor, id);
		inspection.requireScorable(cycles.today());
		EvaluationCycle cycle = cycles.find(inspection.getCycleId()).orElseThrow();
		StandardVersion version = standards.publicVersion(cycle.getStandardVersionId());
		Indicator indicator = version.indicators()
			.filter(i -> i.getId() == indicatorId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Indicator", indicatorId));
		InstitutionSummary institution = institutionOf(inspection);
		if (!indicator.appliesTo(institution.type(), institution.surgeryLevel())) {
			throw FormRejectedException.of(null, "inspection.score.notApplicableToInstitution");
		}
		InspectionScore row = scores.findByInspectionIdAndIndicatorId(id, indicatorId)
			.orElseGet(() -> new InspectionScore(id, indicatorId));
		long expected = input.expectedVersion() == null ? -1 : input.expectedVersion();
		if (row.getId() != null && expected != row.getVersion()) {
			throw new EditConflictException("InspectionScore", indicatorId);
		}
		var reasons = new FormRejectedException.Collector();
		Score score = parse(indicator, input.value(), reasons);
		boolean belowMax = score != null && !score.notApplicable()
				&& score.value().compareTo(indicator.getMaxScore()) < 0;
		if (belowMax && (input.finding() == null || input.finding().isBlank())) {
			reasons.reject("finding", "inspection.finding.required");
		}
		if (input.finding() != null && !input.finding().isBlank() && input.severity() == null) {
			reasons.reject("severity", "inspection.severity.required");
		}
		if (input.finding() != null && input.finding().length() > 2000) {
			reasons.reject("finding", "standard.text.tooLong", 2000);
		}
		reasons.throwIfAny();
		Instant now = clock.instant();
		row.set(score, input.methods() == null ? EnumSet.noneOf(EvaluationMethod.class) : input.methods(),
				belowMax ? input.finding() : input.finding(), input.severity(), assessor.username(), now);
		scores.saveAndFlush(row);
		for (Upload upload : input.uploads() == null ? List.<Upload>of() : input.uploads()) {
			storeChecked(id, indicatorId, upload, assessor.username(), now, fileProblems);
		}
		inspection.started();
		inspections.flush();
		publish(assessor, InspectionEvent.InspectionScored::new, inspection, new FieldChange.Diff()
			.add(indicator.getCode(), null,
					row.getValue() + (row.getFinding() == null ? "" : "｜" + row.getSeverity() + "｜" + row.getFinding()))
			.changes());
		return view(inspection, assessor);
	}

	/**
	 * The lead submits a complete inspection; each finding becomes a corrective action.
	 */
	@Transactional
	public void submit(CurrentUser assessor, long id) {
		inspections.lockExclusive(id);
		Inspection inspection = cleared(assessor, id);
		if (!inspection.isLead(assessor.id())) {
			throw FormRejectedException.of(null, "inspection.submit.leadOnly");
		}
		inspection.requireScorable(cycles.today());
		InspectionView view = view(inspection, assessor);
		if (!view.missing().isEmpty()) {
			var reasons = new FormRejectedException.Collector();
			view.missing().forEach(i -> reasons.reject(null, "inspection.submit.missing", i.getCode()));
			reasons.throwIfAny();
		}
		Instant now = clock.instant();
		inspection.submit(assessor.username(), now, cycles.today());
		LocalDate due = cycles.today().plusDays(view.version().getRules().getCorrectiveActionDueDays());
		int created = 0;
		Set<Long> haveActions = actions.findByInspectionIdOrderById(id)
			.stream()
			.map(CorrectiveAction::getIndicatorId)
			.collect(Collectors.toSet());
		for (InspectionScore score : view.scores().values()) {
			if (score.getFinding() != null && view.applies(view.indicator(score.getIndicatorId()))
					&& !haveActions.contains(score.getIndicatorId())) {
				actions.save(new CorrectiveAction(id, inspection.getInstitutionId(), score.getIndicatorId(),
						score.getFinding(), score.getSeverity() == null ? Severity.GENERAL : score.getSeverity(), due,
						now));
				created++;
			}
		}
		inspections.flush();
		publish(assessor, InspectionEvent.InspectionSubmitted::new, inspection,
				new FieldChange.Diff().add("total", null, view.outcome().total())
					.add("stars", null, view.outcome().stars())
					.add("correctiveActions", null, created)
					.changes());
	}

	// ---- for ratings
	// ---------------------------------------------------------------------------

	/** The submitted inspection a lead proposes a rating from; only its lead may. */
	public InspectionView submittedForLead(CurrentUser assessor, long id) {
		Inspection inspection = cleared(assessor, id);
		if (!inspection.isLead(assessor.id())) {
			throw FormRejectedException.of(null, "rating.propose.leadOnly");
		}
		if (inspection.getStatus() != InspectionStatus.SUBMITTED) {
			throw FormRejectedException.of(null, "rating.propose.notSubmitted");
		}
		return view(inspection, assessor);
	}

	/** How long a rating judged by this standard version stays valid. */
	public int submittedValidityMonths(long standardVersionId) {
		return standards.publicVersion(standardVersionId).getRules().getValidityMonths();
	}

	/**
	 * Everyone who was ever on the inspection's team: none of them may approve its
	 * rating.
	 */
	public Set<Long> teamOf(long inspectionId) {
		return inspections.findWithMembersById(inspectionId)
			.map(i -> i.getMembers().stream().map(InspectionMember::getAssessorId).collect(Collectors.toSet()))
			.orElse(Set.of());
	}

	/** An upheld appeal reopens a submitted inspection for the team (a re-inspection). */
	@Transactional
	public void reopenForReinspection(CurrentUser regulator, long id, String reason) {
		Inspection inspection = forRegulator(regulator, id);
		inspection.reopen();
		inspections.flush();
		publish(regulator, InspectionEvent.InspectionReopened::new, inspection,
				new FieldChange.Diff().add("reason", null, reason).changes());
	}

	/**
	 * The clinic's inspections: the scheduled ones (date only) and the submitted ones
	 * (results).
	 */
	public List<Inspection> inspectionsOf(CurrentUser clinic) {
		requireRole(clinic, Role.CLINIC);
		return inspections.findByInstitutionIdOrderByScheduledOnDesc(clinic.institutionId())
			.stream()
			.filter(i -> i.getStatus() != InspectionStatus.CANCELLED)
			.toList();
	}

	/**
	 * An inspection's submitted results for the institution inspected, or null while the
	 * team is working on it (e.g. after an appeal reopened it): the clinic never sees
	 * scores in progress.
	 */
	public InspectionView clinicResultsOrReopened(CurrentUser clinic, long id) {
		requireRole(clinic, Role.CLINIC);
		Inspection inspection = inspections.findWithMembersById(id)
			.filter(i -> i.getInstitutionId().equals(clinic.institutionId()))
			.orElseThrow(() -> new NotFoundException("Inspection", id));
		return inspection.getStatus() == InspectionStatus.SUBMITTED ? view(inspection, null) : null;
	}

	/** A submitted inspection's results, for the institution inspected. */
	public InspectionView clinicView(CurrentUser clinic, long id) {
		requireRole(clinic, Role.CLINIC);
		Inspection inspection = inspections.findWithMembersById(id)
			.filter(i -> i.getInstitutionId().equals(clinic.institutionId()))
			.filter(i -> i.getStatus() == InspectionStatus.SUBMITTED)
			.orElseThrow(() -> new NotFoundException("Inspection", id));
		return view(inspection, null);
	}

	public LocalDate today() {
		return cycles.today();
	}

	public Download file(CurrentUser user, long inspectionId, long fileId) {
		Inspection inspection = switch (user.role()) {
			case REGULATOR -> forRegulator(user, inspectionId);
			case ASSESSOR -> cleared(user, inspectionId);
			case CLINIC -> inspections.findById(inspectionId)
				.filter(i -> i.getInstitutionId().equals(user.institutionId()))
				.orElseThrow(() -> new NotFoundException("Inspection", inspectionId));
			default -> throw new NotFoundException("Inspection", inspectionId);
		};
		InspectionFile file = files.findById(fileId)
			.filter(f -> f.getInspectionId() == inspectionId)
			.orElseThrow(() -> new NotFoundException("File", fileId));
		// a clinic sees the team's files only with the submitted result; its own answers'
		// files always
		if (user.is(Role.CLINIC) && file.getCorrectiveActionId() == null
				&& inspection.getStatus() != InspectionStatus.SUBMITTED) {
			throw new NotFoundException("File", fileId);
		}
		return new Download(file.getFileName(), file.getContentType(),
				evidenceStore.content(file.getStoredEvidenceId()));
	}

	// ---- helpers
	// -------------------------------------------------------------------------------

	/**
	 * The section totals and stars of a submitted inspection under the standard version
	 * its rating was judged by, as the public sees them next to a published rating: no
	 * findings, no files, no self-assessment. 404 for an inspection not submitted.
	 */
	/**
	 * Each indicator's result of a submitted inspection, as the public reads it, in the
	 * standard's order; the indicators that do not apply to the institution are left out.
	 * A finding's text is there only when the regulator made it public.
	 */
	public List<IndicatorResult> publicIndicatorResults(long inspectionId, long standardVersionId,
			InstitutionSummary known) {
		record Row(long institutionId, Long indicatorId, BigDecimal score, boolean notApplicable, String finding,
				boolean findingPublic) {
		}
		List<Row> rows = jdbc.sql("""
				select i.institution_id, s.indicator_id, s.score, coalesce(s.not_applicable, false) as not_applicable,
				       s.finding, coalesce(s.finding_public, false) as finding_public
				from inspection i left join inspection_score s on s.inspection_id = i.id
				where i.id = :id and i.status = 'SUBMITTED'
				""")
			.param("id", inspectionId)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getObject(2, Long.class), rs.getBigDecimal(3), rs.getBoolean(4),
					rs.getString(5), rs.getBoolean(6)))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		long institutionId = rows.get(0).institutionId();
		InstitutionSummary institution = known != null && known.id() == institutionId ? known
				: institutions.findSummary(institutionId).orElseThrow();
		Map<Long, Row> byIndicator = new HashMap<>();
		rows.stream().filter(r -> r.indicatorId() != null).forEach(r -> byIndicator.put(r.indicatorId(), r));
		return standards.publicVersion(standardVersionId)
			.indicators()
			.filter(i -> i.appliesTo(institution.type(), institution.surgeryLevel()))
			.map(i -> {
				Row row = byIndicator.get(i.getId());
				Score score = row == null || (!row.notApplicable() && row.score() == null) ? null
						: row.notApplicable() ? Score.NOT_APPLICABLE : Score.of(row.score());
				return new IndicatorResult(i.getSection().getCode(), i.getCode(), i.getTitle(), i.getTitleEn(),
						i.isCore(), IndicatorResult.Result.of(score, i.getMaxScore()),
						row != null && row.findingPublic() ? row.finding() : null);
			})
			.toList();
	}

	/**
	 * The regulator of the jurisdiction makes a finding of a submitted inspection public,
	 * or private again: the public profile shows its text beside the indicator's result.
	 */
	@Transactional
	public void setFindingPublic(CurrentUser regulator, long inspectionId, long indicatorId, boolean visible) {
		Inspection inspection = forRegulator(regulator, inspectionId);
		if (inspection.getStatus() != InspectionStatus.SUBMITTED) {
			throw FormRejectedException.of(null, "inspection.finding.notSubmitted");
		}
		InspectionScore score = scores.findByInspectionId(inspectionId)
			.stream()
			.filter(s -> s.getIndicatorId() == indicatorId && s.getFinding() != null && !s.getFinding().isBlank())
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Finding", indicatorId));
		score.setFindingPublic(visible);
		scores.flush();
		publish(regulator, InspectionEvent.FindingVisibilityChanged::new, inspection,
				new FieldChange.Diff().add("findingPublic", !visible, visible).changes());
	}

	public RatingOutcome publicOutcome(long inspectionId, long standardVersionId) {
		return publicOutcome(inspectionId, standardVersionId, null);
	}

	/**
	 * {@link #publicOutcome(long, long)} for a caller that has the institution at hand
	 * (its public profile): one statement fewer.
	 */
	public RatingOutcome publicOutcome(long inspectionId, long standardVersionId, InstitutionSummary known) {
		// one statement, no entities: a profile page asks this on every visit
		record Row(long institutionId, Long indicatorId, BigDecimal score, boolean notApplicable) {
		}
		List<Row> rows = jdbc.sql("""
				select i.institution_id, s.indicator_id, s.score, coalesce(s.not_applicable, false) as not_applicable
				from inspection i left join inspection_score s on s.inspection_id = i.id
				where i.id = :id and i.status = 'SUBMITTED'
				""")
			.param("id", inspectionId)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getObject(2, Long.class), rs.getBigDecimal(3),
					rs.getBoolean(4)))
			.list();
		if (rows.isEmpty()) {
			throw new NotFoundException("Inspection", inspectionId);
		}
		long institutionId = rows.get(0).institutionId();
		InstitutionSummary institution = known != null && known.id() == institutionId ? known
				: institutions.findSummary(institutionId).orElseThrow();
		StandardVersion version = standards.publicVersion(standardVersionId);
		Map<Long, Score> byIndicator = new HashMap<>();
		rows.stream()
			.filter(r -> r.indicatorId() != null && (r.notApplicable() || r.score() != null))
			.forEach(r -> byIndicator.put(r.indicatorId(),
					r.notApplicable() ? Score.NOT_APPLICABLE : Score.of(r.score())));
		Map<String, Score> engineScores = new HashMap<>();
		version.indicators().forEach(i -> {
			Score score = byIndicator.get(i.getId());
			if (score != null && i.appliesTo(institution.type(), institution.surgeryLevel())) {
				engineScores.put(i.getCode(), score);
			}
		});
		return engine.evaluate(ScoringModel.of(version, institution.type(), institution.surgeryLevel()), engineScores);
	}

	private InspectionView view(Inspection inspection, CurrentUser assessor) {
		EvaluationCycle cycle = cycles.find(inspection.getCycleId()).orElseThrow();
		InstitutionSummary institution = institutionOf(inspection);
		StandardVersion version = standards.publicVersion(cycle.getStandardVersionId());
		Map<Long, InspectionScore> byIndicator = new HashMap<>();
		scores.findByInspectionId(inspection.getId()).forEach(s -> byIndicator.put(s.getIndicatorId(), s));
		Map<Long, Answer> selfAnswers = selfAssessments.submittedAnswers(cycle.getId(), institution.id());
		var selfEvidence = selfAssessments.submittedEvidence(cycle.getId(), institution.id());
		List<InspectionFile> allFiles = files.findByInspectionIdOrderByUploadedAt(inspection.getId());
		Map<Long, List<InspectionFile>> byFile = allFiles.stream()
			.filter(f -> f.getIndicatorId() != null)
			.collect(Collectors.groupingBy(InspectionFile::getIndicatorId));
		// what the institution sent with its answers to corrective actions, for the lead
		// who verifies them
		Map<Long, List<InspectionFile>> byAction = allFiles.stream()
			.filter(f -> f.getCorrectiveActionId() != null)
			.collect(Collectors.groupingBy(InspectionFile::getCorrectiveActionId));
		Map<Long, Boolean> applicable = new HashMap<>();
		Map<String, Score> engineScores = new HashMap<>();
		List<Indicator> missing = new ArrayList<>();
		version.indicators().forEach(i -> {
			boolean relevant = i.appliesTo(institution.type(), institution.surgeryLevel());
			applicable.put(i.getId(), relevant);
			InspectionScore s = byIndicator.get(i.getId());
			if (relevant && s != null && s.isScored()) {
				engineScores.put(i.getCode(), s.toScore());
			}
			else if (relevant) {
				missing.add(i);
			}
		});
		RatingOutcome outcome = engine
			.evaluate(ScoringModel.of(version, institution.type(), institution.surgeryLevel()), engineScores);
		boolean scorable = assessor != null && inspection.getStatus().scorable();
		boolean lead = assessor != null && inspection.isLead(assessor.id());
		return new InspectionView(inspection, cycle, institution, version, assessorsById(), byIndicator, selfAnswers,
				selfEvidence, byFile, byAction, applicable, outcome, missing,
				actions.findByInspectionIdOrderById(inspection.getId()), scorable, lead, cycles.today());
	}

	Inspection forRegulator(CurrentUser regulator, long id) {
		requireRole(regulator, Role.REGULATOR);
		Inspection inspection = inspections.findWithMembersById(id)
			.orElseThrow(() -> new NotFoundException("Inspection", id));
		InstitutionSummary institution = institutionOf(inspection);
		if (!regulator.reaches(institution.regionCode())) {
			throw new NotFoundException("Inspection", id);
		}
		return inspection;
	}

	Inspection cleared(CurrentUser assessor, long id) {
		Inspection inspection = forDeclaration(assessor, id);
		InspectionMember member = inspection.activeMember(assessor.id()).orElseThrow();
		if (!member.isCleared()) {
			throw new DeclarationRequired(id);
		}
		return inspection;
	}

	private void storeChecked(long inspectionId, long indicatorId, Upload upload, String by, Instant now,
			List<FileProblem> problems) {
		String name = upload.originalName() == null ? "" : upload.originalName();
		Optional<EvidenceStore.Refusal> refusal = evidenceStore.refusalOf(upload);
		if (refusal.isPresent()) {
			problems.add(new FileProblem(name, refusal.get().messageKey(), refusal.get().arguments()));
			return;
		}
		if (files.countByInspectionIdAndIndicatorId(inspectionId,
				indicatorId) >= EvidenceFiles.MAX_FILES_PER_INDICATOR) {
			problems.add(new FileProblem(name, "evidence.tooMany", EvidenceFiles.MAX_FILES_PER_INDICATOR));
			return;
		}
		files.save(new InspectionFile(inspectionId, indicatorId, null, evidenceStore.store(upload), by, now));
	}

	/**
	 * A file of the institution's submitted self-assessment, for a cleared member of the
	 * team.
	 */
	public Download selfEvidence(CurrentUser assessor, long id, long fileId) {
		Inspection inspection = cleared(assessor, id);
		var download = selfAssessments.submittedEvidenceFile(inspection.getCycleId(), inspection.getInstitutionId(),
				fileId);
		return new Download(download.fileName(), download.contentType(), download.content());
	}

	private static Score parse(Indicator indicator, String value, FormRejectedException.Collector reasons) {
		String text = value == null ? "" : value.strip();
		if (text.isEmpty()) {
			reasons.reject("value", "inspection.score.required");
			return null;
		}
		if ("NA".equals(text)) {
			if (!indicator.isNotApplicableAllowed()) {
				reasons.reject("value", "selfAssessment.value.naNotAllowed", indicator.getCode());
				return null;
			}
			return Score.NOT_APPLICABLE;
		}
		BigDecimal score;
		try {
			score = new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			reasons.reject("value", "selfAssessment.value.notANumber", indicator.getCode());
			return null;
		}
		if (score.signum() < 0 || score.compareTo(indicator.getMaxScore()) > 0) {
			reasons.reject("value", "selfAssessment.value.range", indicator.getCode(),
					indicator.getMaxScore().stripTrailingZeros().toPlainString());
			return null;
		}
		if (score.remainder(indicator.getScoreStep()).signum() != 0) {
			reasons.reject("value", "selfAssessment.value.offStep", indicator.getCode(),
					indicator.getScoreStep().stripTrailingZeros().toPlainString());
			return null;
		}
		return Score.of(score);
	}

	static void requireRole(CurrentUser user, Role role) {
		if (!user.is(role)) {
			throw new NotFoundException("Inspection", user.username());
		}
	}

	void publish(CurrentUser user, InspectionEvent.Fact fact, Inspection inspection, List<FieldChange> changes) {
		long institutionId = inspection.getInstitutionId();
		var institution = institutions.findSummary(institutionId);
		events.publishEvent(fact.of(inspection.getId(),
				institution.map(InstitutionSummary::name).orElse("#" + institutionId),
				institution.map(InstitutionSummary::regionCode).orElse(null), changes, user.actor(), clock.instant()));
	}

}
