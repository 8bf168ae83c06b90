package cn.meizhi.selfassessment;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.meizhi.cycle.CycleManagement;
import cn.meizhi.cycle.CycleStatus;
import cn.meizhi.cycle.EvaluationCycle;
import cn.meizhi.evidence.EvidenceStore;
import cn.meizhi.evidence.EvidenceStore.StoredEvidence;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionSummary;
import cn.meizhi.selfassessment.internal.EvidenceFileRepository;
import cn.meizhi.selfassessment.internal.HistoryEntry;
import cn.meizhi.selfassessment.internal.HistoryEntry.Kind;
import cn.meizhi.selfassessment.internal.HistoryRepository;
import cn.meizhi.selfassessment.internal.SelfAssessmentRepository;
import cn.meizhi.selfassessment.internal.SelfAssessmentStatus;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.EditConflictException;
import cn.meizhi.shared.EvidenceFiles;
import cn.meizhi.shared.EvidenceFiles.Download;
import cn.meizhi.shared.EvidenceFiles.Upload;
import cn.meizhi.shared.FieldChange;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.shared.Role;
import cn.meizhi.standard.Indicator;
import cn.meizhi.standard.RatingEngine;
import cn.meizhi.standard.RatingOutcome;
import cn.meizhi.standard.Score;
import cn.meizhi.standard.ScoringModel;
import cn.meizhi.standard.StandardManagement;
import cn.meizhi.standard.StandardSection;
import cn.meizhi.standard.StandardVersion;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-assessments: the clinic fills and submits its own; regulators read those of their
 * jurisdiction and return submitted ones with a reason. Object-level rules live here: a
 * clinic reaches only its own institution's self-assessments, a regulator only those of
 * institutions inside its jurisdiction; all others answer 404.
 */
@Service
@Transactional(readOnly = true)
public class SelfAssessments {

	/** A file that was not kept, and why. */
	public record FileProblem(long indicatorId, String fileName, String code, Object... arguments) {
	}

	/** Where an enrolled institution stands in a cycle. */
	public enum State {

		NOT_STARTED, DRAFT, SUBMITTED, RETURNED, WITHDRAWN

	}

	/** A clinic's own task in a cycle. */
	public record ClinicTask(EvaluationCycle cycle, State state, Long selfAssessmentId, int answered, int applicable) {

		/**
		 * Still to do: the cycle takes self-assessments and this one is not submitted.
		 */
		public boolean toDo() {
			return cycle.getStatus() == CycleStatus.OPEN && state != State.SUBMITTED;
		}

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SelfAssessmentRepository assessments;

	private final EvidenceFileRepository evidenceFiles;

	private final EvidenceStore evidenceStore;

	private final HistoryRepository history;

	private final CycleManagement cycles;

	private final InstitutionManagement institutions;

	private final StandardManagement standards;

	private final RatingEngine engine;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SelfAssessments(SelfAssessmentRepository assessments, EvidenceFileRepository evidenceFiles,
			EvidenceStore evidenceStore, HistoryRepository history, CycleManagement cycles,
			InstitutionManagement institutions, StandardManagement standards, RatingEngine engine,
			ApplicationEventPublisher events, Clock clock) {
		this.assessments = assessments;
		this.evidenceFiles = evidenceFiles;
		this.evidenceStore = evidenceStore;
		this.history = history;
		this.cycles = cycles;
		this.institutions = institutions;
		this.standards = standards;
		this.engine = engine;
		this.events = events;
		this.clock = clock;
	}

	// ---- clinic
	// ---------------------------------------------------------------------------------

	/**
	 * The cycles the clinic's institution is enrolled in that are open or later, with its
	 * progress.
	 */
	public List<ClinicTask> tasksOf(CurrentUser clinic) {
		requireClinic(clinic);
		long institutionId = clinic.institutionId();
		InstitutionSummary institution = institutions.findSummary(institutionId).orElseThrow();
		List<EvaluationCycle> enrolling = cycles.cyclesOf(institutionId)
			.stream()
			.filter(c -> c.getStatus() != CycleStatus.PLANNED)
			.toList();
		Map<Long, SelfAssessment> byCycle = assessments
			.findByInstitutionIdAndCycleIdIn(institutionId, enrolling.stream().map(EvaluationCycle::getId).toList())
			.stream()
			.collect(Collectors.toMap(SelfAssessment::getCycleId, a -> a));
		List<ClinicTask> tasks = new ArrayList<>();
		for (EvaluationCycle cycle : enrolling) {
			SelfAssessment assessment = byCycle.get(cycle.getId());
			StandardVersion version = standards.publicVersion(cycle.getStandardVersionId());
			int applicable = (int) version.indicators().filter(i -> applies(i, institution)).count();
			int answered = assessment == null ? 0
					: (int) version.indicators()
						.filter(i -> applies(i, institution))
						.filter(i -> assessment.answer(i.getId()).map(Answer::isAnswered).orElse(false))
						.count();
			tasks.add(new ClinicTask(cycle,
					assessment == null ? State.NOT_STARTED : State.valueOf(assessment.getStatus().name()),
					assessment == null ? null : assessment.getId(), answered, applicable));
		}
		return tasks;
	}

	/** Opens the clinic's self-assessment in a cycle, starting it on first use. */
	@Transactional
	public long start(CurrentUser clinic, long cycleId) {
		requireClinic(clinic);
		EvaluationCycle cycle = cycles.find(cycleId)
			.filter(c -> c.enrolls(clinic.institutionId()))
			.orElseThrow(() -> new NotFoundException("Cycle", cycleId));
		Optional<SelfAssessment> existing = assessments.findByCycleIdAndInstitutionId(cycleId, clinic.institutionId());
		if (existing.isPresent()) {
			return existing.get().getId();
		}
		if (!cycle.acceptsEdits()) {
			throw FormRejectedException.of(null, "selfAssessment.cycleNotOpen");
		}
		SelfAssessment created = assessments
			.saveAndFlush(new SelfAssessment(cycleId, clinic.institutionId(), clinic.username(), clock.instant()));
		publish(clinic, SelfAssessmentEvent.SelfAssessmentStarted::new, created, List.of());
		return created.getId();
	}

	/**
	 * Saves one section's answers and any evidence uploaded with them. Bad values refuse
	 * the whole save (nothing is stored); a bad file is refused on its own while
	 * everything else is kept.
	 */
	@Transactional
	public List<FileProblem> saveSection(CurrentUser clinic, long id, String sectionCode, SectionAnswers form,
			Map<Long, List<Upload>> uploads) {
		SelfAssessment assessment = own(clinic, id);
		EvaluationCycle cycle = cycleOf(assessment);
		if (!cycle.acceptsEdits()) {
			throw FormRejectedException.of(null, "selfAssessment.cycleNotOpen");
		}
		assessment.requireEditable();
		if (form.getLockVersion() == null || form.getLockVersion() != assessment.getLockVersion()) {
			throw new EditConflictException("SelfAssessment", id);
		}
		InstitutionSummary institution = institutions.findSummary(assessment.getInstitutionId()).orElseThrow();
		StandardSection section = standards.publicVersion(cycle.getStandardVersionId())
			.getSections()
			.stream()
			.filter(s -> s.getCode().equals(sectionCode))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Section", sectionCode));

		var reasons = new FormRejectedException.Collector();
		Map<Long, Score> parsed = new HashMap<>();
		for (Indicator indicator : section.getIndicators()) {
			if (!applies(indicator, institution)) {
				continue;
			}
			String value = form.getValues().getOrDefault(indicator.getId(), "");
			String field = "values[" + indicator.getId() + "]";
			parse(indicator, value, field, reasons).ifPresent(score -> parsed.put(indicator.getId(), score));
			String comment = form.getComments().get(indicator.getId());
			if (comment != null && comment.length() > 2000) {
				reasons.reject("comments[" + indicator.getId() + "]", "selfAssessment.comment.tooLong", 2000);
			}
		}
		reasons.throwIfAny();

		Instant now = clock.instant();
		int changed = 0;
		for (Indicator indicator : section.getIndicators()) {
			if (!applies(indicator, institution)) {
				continue;
			}
			Score score = parsed.get(indicator.getId());
			String comment = form.getComments().get(indicator.getId());
			Answer answer = assessment.answerFor(indicator.getId());
			String before = answer.getValue() + "|" + (answer.getComment() == null ? "" : answer.getComment());
			answer.set(score == null || score.notApplicable() ? null : score.value(),
					score != null && score.notApplicable(), comment, clinic.username(), now);
			String after = answer.getValue() + "|" + (answer.getComment() == null ? "" : answer.getComment());
			if (!before.equals(after)) {
				changed++;
			}
		}
		List<FileProblem> problems = new ArrayList<>();
		List<String> stored = new ArrayList<>();
		for (Indicator indicator : section.getIndicators()) {
			for (Upload upload : uploads.getOrDefault(indicator.getId(), List.of())) {
				store(assessment, indicator, upload, clinic, now, problems).ifPresent(stored::add);
			}
		}
		assessment.touch(clinic.username(), now);
		assessments.saveAndFlush(assessment);
		publish(clinic, SelfAssessmentEvent.SelfAssessmentSaved::new, assessment,
				new FieldChange.Diff().add("section", null, sectionCode)
					.add("answersChanged", null, changed)
					.add("evidenceAdded", null, stored.isEmpty() ? null : String.join("、", stored))
					.changes());
		return problems;
	}

	@Transactional
	public void deleteEvidence(CurrentUser clinic, long id, long fileId) {
		SelfAssessment assessment = own(clinic, id);
		assessment.requireEditable();
		if (!cycleOf(assessment).acceptsEdits()) {
			throw FormRejectedException.of(null, "selfAssessment.cycleNotOpen");
		}
		EvidenceFile file = evidenceFiles.findById(fileId)
			.filter(f -> f.getSelfAssessmentId().equals(assessment.getId()))
			.orElseThrow(() -> new NotFoundException("Evidence", fileId));
		evidenceFiles.delete(file);
		evidenceFiles.flush();
		evidenceStore.delete(file.getStoredEvidenceId());
		assessment.touch(clinic.username(), clock.instant());
		assessments.saveAndFlush(assessment);
		publish(clinic, SelfAssessmentEvent.SelfAssessmentEvidenceRemoved::new, assessment,
				new FieldChange.Diff().add("evidence", file.getFileName(), null).changes());
	}

	/**
	 * Submits a complete self-assessment inside the window; a snapshot is kept in the
	 * history.
	 */
	@Transactional
	public void submit(CurrentUser clinic, long id) {
		SelfAssessment assessment = own(clinic, id);
		EvaluationCycle cycle = cycleOf(assessment);
		assessment.requireEditable();
		if (!cycle.acceptsSubmissionsOn(cycles.today())) {
			throw FormRejectedException.of(null, "selfAssessment.submit.windowClosed", cycle.getSelfAssessmentOpens(),
					cycle.getSelfAssessmentCloses());
		}
		SelfAssessmentView view = view(assessment, cycle, false);
		if (!view.missing().isEmpty()) {
			var reasons = new FormRejectedException.Collector();
			view.missing().forEach(i -> reasons.reject(null, "selfAssessment.submit.missing", i.getCode()));
			reasons.throwIfAny();
		}
		Instant now = clock.instant();
		assessment.submit(clinic.username(), now);
		assessments.saveAndFlush(assessment);
		history.save(new HistoryEntry(assessment.getId(), Kind.SUBMITTED, clinic.username(), null,
				view.outcome().total(), view.outcome().stars(), snapshot(view), now));
		publish(clinic, SelfAssessmentEvent.SelfAssessmentSubmitted::new, assessment,
				new FieldChange.Diff().add("total", null, view.outcome().total())
					.add("stars", null, view.outcome().stars())
					.changes());
	}

	// ---- regulator
	// ------------------------------------------------------------------------------

	/**
	 * A regulator sends a submitted self-assessment back to the institution, with a
	 * reason it will see.
	 */
	@Transactional
	public void returnToInstitution(CurrentUser regulator, long id, String reason) {
		SelfAssessment assessment = reachable(regulator, id);
		if (!regulator.is(Role.REGULATOR)) {
			throw new NotFoundException("SelfAssessment", id);
		}
		Instant now = clock.instant();
		assessment.returnWith(reason, regulator.username(), now);
		assessments.saveAndFlush(assessment);
		history.save(new HistoryEntry(assessment.getId(), Kind.RETURNED, regulator.username(), reason.strip(), null,
				null, null, now));
		publish(regulator, SelfAssessmentEvent.SelfAssessmentReturned::new, assessment,
				new FieldChange.Diff().add("reason", null, reason.strip()).changes());
	}

	/**
	 * The answers an institution submitted in a cycle, by indicator id (empty until
	 * submitted), for the assessors who score it on site. Access is checked by the
	 * caller's own module.
	 */
	public Map<Long, Answer> submittedAnswers(long cycleId, long institutionId) {
		return assessments.findByCycleIdAndInstitutionId(cycleId, institutionId)
			.filter(a -> a.getStatus() == SelfAssessmentStatus.SUBMITTED)
			.map(a -> {
				Map<Long, Answer> answers = new HashMap<>();
				a.getAnswers().forEach(answer -> answers.put(answer.getIndicatorId(), answer));
				return answers;
			})
			.orElse(Map.of());
	}

	/**
	 * The evidence of an institution's submitted self-assessment in a cycle, by indicator
	 * id.
	 */
	public Map<Long, List<EvidenceFile>> submittedEvidence(long cycleId, long institutionId) {
		return assessments.findByCycleIdAndInstitutionId(cycleId, institutionId)
			.filter(a -> a.getStatus() == SelfAssessmentStatus.SUBMITTED)
			.map(a -> evidenceFiles.findBySelfAssessmentIdOrderByUploadedAt(a.getId())
				.stream()
				.collect(Collectors.groupingBy(EvidenceFile::getIndicatorId)))
			.orElse(Map.of());
	}

	/**
	 * One evidence file of an institution's submitted self-assessment; access is checked
	 * by the caller.
	 */
	public Download submittedEvidenceFile(long cycleId, long institutionId, long fileId) {
		SelfAssessment assessment = assessments.findByCycleIdAndInstitutionId(cycleId, institutionId)
			.filter(a -> a.getStatus() == SelfAssessmentStatus.SUBMITTED)
			.orElseThrow(() -> new NotFoundException("Evidence", fileId));
		EvidenceFile file = evidenceFiles.findById(fileId)
			.filter(f -> f.getSelfAssessmentId().equals(assessment.getId()))
			.orElseThrow(() -> new NotFoundException("Evidence", fileId));
		return new Download(file.getFileName(), file.getContentType(),
				evidenceStore.content(file.getStoredEvidenceId()));
	}

	// ---- both
	// -----------------------------------------------------------------------------------

	/**
	 * The page of a self-assessment for the clinic that owns it or a regulator who
	 * reaches it.
	 */
	public SelfAssessmentView view(CurrentUser user, long id) {
		SelfAssessment assessment = reachable(user, id);
		EvaluationCycle cycle = cycleOf(assessment);
		return view(assessment, cycle, user.is(Role.CLINIC));
	}

	public Download evidence(CurrentUser user, long id, long fileId) {
		SelfAssessment assessment = reachable(user, id);
		EvidenceFile file = evidenceFiles.findById(fileId)
			.filter(f -> f.getSelfAssessmentId().equals(assessment.getId()))
			.orElseThrow(() -> new NotFoundException("Evidence", fileId));
		byte[] content = evidenceStore.content(file.getStoredEvidenceId());
		return new Download(file.getFileName(), file.getContentType(), content);
	}

	// ---- helpers
	// --------------------------------------------------------------------------------

	private SelfAssessmentView view(SelfAssessment assessment, EvaluationCycle cycle, boolean forClinic) {
		InstitutionSummary institution = institutions.findSummary(assessment.getInstitutionId()).orElseThrow();
		StandardVersion version = standards.publicVersion(cycle.getStandardVersionId());
		Map<Long, Answer> answers = new HashMap<>();
		assessment.getAnswers().forEach(a -> answers.put(a.getIndicatorId(), a));
		Map<Long, List<EvidenceFile>> evidence = evidenceFiles
			.findBySelfAssessmentIdOrderByUploadedAt(assessment.getId())
			.stream()
			.collect(Collectors.groupingBy(EvidenceFile::getIndicatorId));
		Map<Long, Boolean> applicable = new HashMap<>();
		Map<String, SelfAssessmentView.Progress> progress = new LinkedHashMap<>();
		List<Indicator> missing = new ArrayList<>();
		Map<String, Score> scores = new HashMap<>();
		int answeredAll = 0;
		int applicableAll = 0;
		for (StandardSection section : version.getSections()) {
			int answered = 0;
			int applies = 0;
			for (Indicator indicator : section.getIndicators()) {
				boolean relevant = applies(indicator, institution);
				applicable.put(indicator.getId(), relevant);
				if (!relevant) {
					continue;
				}
				applies++;
				Answer answer = answers.get(indicator.getId());
				if (answer != null && answer.isAnswered()) {
					answered++;
					scores.put(indicator.getCode(), answer.toScore());
				}
				else {
					missing.add(indicator);
				}
			}
			progress.put(section.getCode(), new SelfAssessmentView.Progress(answered, applies));
			answeredAll += answered;
			applicableAll += applies;
		}
		progress.put("", new SelfAssessmentView.Progress(answeredAll, applicableAll));
		RatingOutcome outcome = engine
			.evaluate(ScoringModel.of(version, institution.type(), institution.surgeryLevel()), scores);
		boolean editable = forClinic && assessment.getStatus().editable() && cycle.acceptsEdits();
		boolean submittable = editable && cycle.acceptsSubmissionsOn(cycles.today());
		return new SelfAssessmentView(assessment, cycle, institution, version, answers, evidence, applicable, progress,
				outcome, missing, history.findBySelfAssessmentIdOrderByOccurredAtDesc(assessment.getId()), editable,
				submittable);
	}

	private Optional<String> store(SelfAssessment assessment, Indicator indicator, Upload upload, CurrentUser clinic,
			Instant now, List<FileProblem> problems) {
		String name = upload.originalName() == null ? "" : upload.originalName();
		Optional<EvidenceStore.Refusal> refusal = evidenceStore.refusalOf(upload);
		if (refusal.isPresent()) {
			problems
				.add(new FileProblem(indicator.getId(), name, refusal.get().messageKey(), refusal.get().arguments()));
			return Optional.empty();
		}
		long count = evidenceFiles.countBySelfAssessmentIdAndIndicatorId(assessment.getId(), indicator.getId());
		if (count >= EvidenceFiles.MAX_FILES_PER_INDICATOR) {
			problems.add(new FileProblem(indicator.getId(), name, "evidence.tooMany",
					EvidenceFiles.MAX_FILES_PER_INDICATOR));
			return Optional.empty();
		}
		StoredEvidence stored = evidenceStore.store(upload);
		evidenceFiles.save(new EvidenceFile(assessment.getId(), indicator.getId(), stored, clinic.username(), now));
		String safeName = stored.fileName();
		return Optional.of(indicator.getCode() + ":" + safeName);
	}

	private static Optional<Score> parse(Indicator indicator, String value, String field,
			FormRejectedException.Collector reasons) {
		String text = value == null ? "" : value.strip();
		if (text.isEmpty()) {
			return Optional.empty();
		}
		if (SectionAnswers.NOT_APPLICABLE.equals(text)) {
			if (!indicator.isNotApplicableAllowed()) {
				reasons.reject(field, "selfAssessment.value.naNotAllowed", indicator.getCode());
				return Optional.empty();
			}
			return Optional.of(Score.NOT_APPLICABLE);
		}
		BigDecimal score;
		try {
			score = new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			reasons.reject(field, "selfAssessment.value.notANumber", indicator.getCode());
			return Optional.empty();
		}
		if (score.signum() < 0 || score.compareTo(indicator.getMaxScore()) > 0) {
			reasons.reject(field, "selfAssessment.value.range", indicator.getCode(),
					indicator.getMaxScore().stripTrailingZeros().toPlainString());
			return Optional.empty();
		}
		if (score.remainder(indicator.getScoreStep()).signum() != 0) {
			reasons.reject(field, "selfAssessment.value.offStep", indicator.getCode(),
					indicator.getScoreStep().stripTrailingZeros().toPlainString());
			return Optional.empty();
		}
		return Optional.of(Score.of(score));
	}

	private SelfAssessment own(CurrentUser clinic, long id) {
		requireClinic(clinic);
		SelfAssessment assessment = assessments.findWithAnswersById(id)
			.filter(a -> a.getInstitutionId().equals(clinic.institutionId()))
			.orElseThrow(() -> new NotFoundException("SelfAssessment", id));
		if (!cycleOf(assessment).enrolls(assessment.getInstitutionId())) {
			throw FormRejectedException.of(null, "rating.withdrawn");
		}
		return assessment;
	}

	private SelfAssessment reachable(CurrentUser user, long id) {
		SelfAssessment assessment = assessments.findWithAnswersById(id)
			.orElseThrow(() -> new NotFoundException("SelfAssessment", id));
		boolean allowed = switch (user.role()) {
			case CLINIC -> assessment.getInstitutionId().equals(user.institutionId());
			case REGULATOR -> institutions.findSummary(assessment.getInstitutionId())
				.map(i -> user.reaches(i.regionCode()))
				.orElse(false);
			default -> false;
		};
		if (!allowed) {
			throw new NotFoundException("SelfAssessment", id);
		}
		return assessment;
	}

	private EvaluationCycle cycleOf(SelfAssessment assessment) {
		return cycles.find(assessment.getCycleId()).orElseThrow();
	}

	public static boolean applies(Indicator indicator, InstitutionSummary institution) {
		return indicator.appliesTo(institution.type(), institution.surgeryLevel());
	}

	private static void requireClinic(CurrentUser user) {
		if (!user.is(Role.CLINIC) || user.institutionId() == null) {
			throw new NotFoundException("SelfAssessment", user.username());
		}
	}

	private String snapshot(SelfAssessmentView view) {
		Map<String, Object> answers = new LinkedHashMap<>();
		view.version().indicators().forEach(i -> {
			Answer answer = view.answerOf(i);
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("value", !view.applies(i) ? "NA" : answer == null ? "" : answer.getValue());
			entry.put("comment", answer == null ? null : answer.getComment());
			entry.put("evidence", view.evidenceOf(i).stream().map(EvidenceFile::getSha256).toList());
			answers.put(i.getCode(), entry);
		});
		return JSON.writeValueAsString(
				Map.of("total", view.outcome().total(), "stars", view.outcome().stars(), "answers", answers));
	}

	private void publish(CurrentUser user, SelfAssessmentEvent.Fact fact, SelfAssessment assessment,
			List<FieldChange> changes) {
		InstitutionSummary institution = institutions.findSummary(assessment.getInstitutionId()).orElseThrow();
		events.publishEvent(fact.of(assessment.getId(), assessment.getInstitutionId(), assessment.getCycleId(),
				institution.name(), institution.regionCode(), changes, user.actor(), clock.instant()));
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
