package cn.meizhi.complaint;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.meizhi.account.AccountManagement;
import cn.meizhi.account.AccountManagement.RegulatorSummary;
import cn.meizhi.calendar.WorkingCalendar;
import cn.meizhi.complaint.internal.ComplaintFile;
import cn.meizhi.complaint.internal.ComplaintFileRepository;
import cn.meizhi.complaint.internal.ComplaintRepository;
import cn.meizhi.evidence.EvidenceStore;
import cn.meizhi.inspection.CorrectiveAction;
import cn.meizhi.inspection.CorrectiveActions;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionSummary;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.EvidenceFiles;
import cn.meizhi.shared.EvidenceFiles.Upload;
import cn.meizhi.shared.FieldChange;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.shared.Role;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaints from intake to decision. The public files and tracks; the regulator whose
 * jurisdiction holds the institution handles (any other regulator gets 404, as for an id
 * that does not exist); the institution sees only what it was asked to answer, never who
 * complained or how to reach them.
 * <p>
 * Deadlines are counted in working days from the day of receipt
 * ({@code meizhi.complaints.acknowledge-within}, {@code meizhi.complaints.decide-within})
 * by the {@link WorkingCalendar}; when an administrator changes the calendar, the
 * deadlines of undecided complaints are counted again.
 */
@Service
@Transactional(readOnly = true)
public class Complaints {

	/** Longest free text, in characters. */
	public static final int MAX_TEXT = 4000;

	/** Fewest characters that describe what happened. */
	public static final int MIN_DESCRIPTION = 10;

	/** Most files a complainant may attach. */
	public static final int MAX_FILES = 3;

	private static final Pattern PHONE = Pattern.compile("[0-9+\\- ()]{5,20}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

	private static final Pattern TRACKING_NUMBER = Pattern.compile("TS-\\d{6}-\\d{4}-\\d{6}");

	private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

	private static final int CODE_LENGTH = 8;

	private final ComplaintRepository complaints;

	private final ComplaintFileRepository files;

	private final EvidenceStore evidenceStore;

	private final InstitutionManagement institutions;

	private final AccountManagement accounts;

	private final CorrectiveActions correctiveActions;

	private final WorkingCalendar calendar;

	private final PasswordEncoder secrets;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final int acknowledgeWithin;

	private final int decideWithin;

	private final SecureRandom random = new SecureRandom();

	/** Compared against when a number is unknown, so both answers take as long. */
	private final String unknownNumberHash;

	Complaints(ComplaintRepository complaints, ComplaintFileRepository files, EvidenceStore evidenceStore,
			InstitutionManagement institutions, AccountManagement accounts, CorrectiveActions correctiveActions,
			WorkingCalendar calendar, PasswordEncoder secrets, ApplicationEventPublisher events, Clock clock,
			@Value("${meizhi.complaints.acknowledge-within:5}") int acknowledgeWithin,
			@Value("${meizhi.complaints.decide-within:30}") int decideWithin) {
		this.complaints = complaints;
		this.files = files;
		this.evidenceStore = evidenceStore;
		this.institutions = institutions;
		this.accounts = accounts;
		this.correctiveActions = correctiveActions;
		this.calendar = calendar;
		this.secrets = secrets;
		this.events = events;
		this.clock = clock;
		this.acknowledgeWithin = acknowledgeWithin;
		this.decideWithin = decideWithin;
		this.unknownNumberHash = secrets.encode("not-a-code");
	}

	// ----------------------------------------------------------------- the public

	/** What the complainant takes away: the number, and the code shown only this once. */
	public record Receipt(String trackingNumber, String secretCode, String institutionName, LocalDate acknowledgeBy,
			LocalDate decideBy) {
	}

	/** Institutions to complain about, by a fragment of their name. */
	public List<InstitutionSummary> lookup(String nameFragment) {
		return institutions.lookupByName(nameFragment, 20);
	}

	/** The institution a complaint form names, if it exists. */
	public Optional<InstitutionSummary> institution(Long id) {
		return id == null ? Optional.empty() : institutions.findSummary(id);
	}

	/** The reasons a filing cannot be accepted, field by field. */
	public FormRejectedException.Collector check(ComplaintForm form, List<Upload> uploads) {
		var problems = new FormRejectedException.Collector();
		if (form.getInstitutionId() == null || institutions.findSummary(form.getInstitutionId()).isEmpty()) {
			problems.reject("institutionId", "complaint.institution.required");
		}
		if (form.getCategory() == null) {
			problems.reject("category", "complaint.category.required");
		}
		LocalDate today = calendar.today();
		if (form.getOccurredOn() == null) {
			problems.reject("occurredOn", "complaint.occurredOn.required");
		}
		else if (form.getOccurredOn().isAfter(today)) {
			problems.reject("occurredOn", "complaint.occurredOn.future");
		}
		else if (form.getOccurredOn().isBefore(today.minusYears(10))) {
			problems.reject("occurredOn", "complaint.occurredOn.tooOld", 10);
		}
		if (length(form.getProcedureName()) > 200) {
			problems.reject("procedureName", "complaint.tooLong", 200);
		}
		int description = length(form.getDescription());
		if (description < MIN_DESCRIPTION) {
			problems.reject("description", "complaint.description.tooShort", MIN_DESCRIPTION);
		}
		else if (description > MAX_TEXT) {
			problems.reject("description", "complaint.tooLong", MAX_TEXT);
		}
		String phone = strip(form.getContactPhone());
		if (phone != null && !PHONE.matcher(phone).matches()) {
			problems.reject("contactPhone", "complaint.contactPhone.invalid");
		}
		String email = strip(form.getContactEmail());
		if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
			problems.reject("contactEmail", "complaint.contactEmail.invalid");
		}
		if (form.isConsentToContact() && phone == null && email == null) {
			problems.reject("contactPhone", "complaint.contact.requiredForConsent");
		}
		if (uploads.size() > MAX_FILES) {
			problems.reject("files", "complaint.files.tooMany", MAX_FILES);
		}
		else {
			for (Upload upload : uploads) {
				evidenceStore.refusalOf(upload)
					.ifPresent(refusal -> problems.reject("files", "complaint.file.refused",
							upload.originalName() == null ? "" : upload.originalName(), refusal.messageKey(),
							EvidenceFiles.MAX_BYTES / (1024 * 1024)));
			}
		}
		return problems;
	}

	/**
	 * Files a complaint. The deadlines run from today; the tracking number names the
	 * institution's region and the year.
	 * @throws FormRejectedException with the reasons of {@link #check}
	 */
	@Transactional
	public Receipt file(ComplaintForm form, List<Upload> uploads) {
		check(form, uploads).throwIfAny();
		InstitutionSummary institution = institutions.findSummary(form.getInstitutionId()).orElseThrow();
		Instant now = clock.instant();
		LocalDate today = calendar.today();
		String code = secretCode();
		String number = trackingNumber(institution.regionCode(), today.getYear());
		Complaint complaint = complaints.save(new Complaint(number, secrets.encode(code),
				new Complaint.Filing(institution.id(), institution.regionCode(), form.getCategory(),
						form.getOccurredOn(), strip(form.getProcedureName()), form.getDescription().strip(),
						strip(form.getContactPhone()), strip(form.getContactEmail()), form.isConsentToContact()),
				now, calendar.plusWorkingDays(today, acknowledgeWithin),
				calendar.plusWorkingDays(today, decideWithin)));
		complaints.flush();
		for (Upload upload : uploads) {
			var stored = evidenceStore.store(upload);
			files.save(new ComplaintFile(complaint.getId(), stored.id(), stored.fileName(), stored.contentType(),
					stored.sizeBytes(), now));
		}
		events.publishEvent(new ComplaintEvent.ComplaintReceived(complaint.getId(), institution.id(),
				summary(complaint, institution.name()), complaint.getRegionCode(), cn.meizhi.shared.Actor.PUBLIC, now));
		return new Receipt(number, code, institution.name(), complaint.getAcknowledgeBy(), complaint.getDecideBy());
	}

	/** What the complainant reads by number and code. */
	public record Tracking(String trackingNumber, String institutionName, ComplaintCategory category,
			LocalDate receivedOn, String stage, LocalDate acknowledgeBy, LocalDate decideBy, LocalDate decidedOn,
			ComplaintOutcome outcome, String referredTo, String publicAnswer) {
	}

	/**
	 * The complaint with this number, if the code is its code; empty for a wrong code and
	 * for a number that does not exist alike (and in the same time).
	 */
	public Optional<Tracking> track(String number, String code) {
		String normalizedNumber = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
		String normalizedCode = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
		Optional<Complaint> found = TRACKING_NUMBER.matcher(normalizedNumber).matches()
				? complaints.findByTrackingNumber(normalizedNumber) : Optional.empty();
		if (found.isEmpty()) {
			secrets.matches(normalizedCode, unknownNumberHash);
			return Optional.empty();
		}
		Complaint c = found.get();
		if (!secrets.matches(normalizedCode, c.getSecretHash())) {
			return Optional.empty();
		}
		String name = institutions.findSummary(c.getInstitutionId()).map(InstitutionSummary::name).orElse("");
		return Optional.of(new Tracking(c.getTrackingNumber(), name, c.getCategory(), calendar.dayOf(c.getReceivedAt()),
				c.getStatus().publicStage(), c.getAcknowledgeBy(), c.getDecideBy(),
				c.getDecidedAt() == null ? null : calendar.dayOf(c.getDecidedAt()), c.getOutcome(), c.getReferredTo(),
				c.getPublicAnswer()));
	}

	// ----------------------------------------------------------------- the regulator

	/** The queue's views. */
	public enum QueueView {

		OPEN, OVERDUE, MINE, DECIDED, ALL

	}

	/** A page of the regulator's queue. */
	public Page<Complaint> queue(CurrentUser regulator, QueueView view, int page) {
		requireRole(regulator, Role.REGULATOR);
		Sort order = switch (view) {
			case DECIDED -> Sort.by(Sort.Order.desc("decidedAt"), Sort.Order.desc("id"));
			case ALL -> Sort.by(Sort.Order.desc("receivedAt"), Sort.Order.desc("id"));
			default -> Sort.by(Sort.Order.asc("decideBy"), Sort.Order.asc("id"));
		};
		return complaints.findQueue(regulator.jurisdiction().prefix(), view.name(), regulator.id(), calendar.today(),
				PageRequest.of(Math.max(0, page), 25, order));
	}

	/** Undecided complaints of the jurisdiction past a deadline. */
	public long overdueCount(CurrentUser regulator) {
		requireRole(regulator, Role.REGULATOR);
		return complaints.countOverdue(regulator.jurisdiction().prefix(), calendar.today());
	}

	/** A complaint of the regulator's jurisdiction; 404 for any other. */
	public Complaint get(CurrentUser regulator, long id) {
		requireRole(regulator, Role.REGULATOR);
		return complaints.findById(id)
			.filter(c -> regulator.reaches(c.getRegionCode()))
			.orElseThrow(() -> new NotFoundException("Complaint", id));
	}

	/** The institutions' names, for a page of complaints. */
	public java.util.Map<Long, String> institutionNames(java.util.Collection<Complaint> list) {
		return institutions.names(list.stream().map(Complaint::getInstitutionId).toList());
	}

	/** The files a complainant attached. */
	public List<ComplaintFile> filesOf(CurrentUser regulator, long id) {
		get(regulator, id);
		return files.findByComplaintIdOrderById(id);
	}

	/** One attached file, for the regulator of the complaint. */
	public EvidenceFiles.Download file(CurrentUser regulator, long id, long fileId) {
		get(regulator, id);
		ComplaintFile file = files.findById(fileId)
			.filter(f -> f.getComplaintId() == id)
			.orElseThrow(() -> new NotFoundException("ComplaintFile", fileId));
		return new EvidenceFiles.Download(file.getFileName(), file.getContentType(),
				evidenceStore.content(file.getStoredEvidenceId()));
	}

	/** The colleagues a complaint may be handed to. */
	public List<RegulatorSummary> colleagues(CurrentUser regulator, Complaint complaint) {
		return accounts.regulatorsCovering(complaint.getRegionCode())
			.stream()
			.filter(r -> regulator.jurisdiction().covers(r.jurisdictionCode()))
			.toList();
	}

	@Transactional
	public void acknowledge(CurrentUser regulator, long id) {
		Complaint complaint = get(regulator, id);
		complaint.acknowledge(regulator.username(), clock.instant());
		complaints.flush();
		events.publishEvent(new ComplaintEvent.ComplaintAcknowledged(id, complaint.getInstitutionId(),
				summary(complaint), complaint.getRegionCode(), regulator.actor(), clock.instant()));
	}

	@Transactional
	public void assign(CurrentUser regulator, long id, Long accountId) {
		Complaint complaint = get(regulator, id);
		RegulatorSummary colleague = accountId == null ? null
				: colleagues(regulator, complaint).stream().filter(r -> r.id() == accountId).findFirst().orElse(null);
		if (colleague == null) {
			throw FormRejectedException.of("assigneeId", "complaint.assignee.invalid");
		}
		String before = complaint.getAssigneeName();
		complaint.assign(colleague.id(), colleague.displayName());
		complaints.flush();
		events.publishEvent(new ComplaintEvent.ComplaintAssigned(id, complaint.getInstitutionId(), summary(complaint),
				complaint.getRegionCode(),
				new FieldChange.Diff().add("assignee", before, colleague.displayName()).changes(), regulator.actor(),
				clock.instant()));
	}

	/** The day a statement asked today is due by default: ten working days on. */
	public LocalDate defaultStatementDue() {
		return calendar.plusWorkingDays(calendar.today(), 10);
	}

	@Transactional
	public void requestStatement(CurrentUser regulator, long id, String question, LocalDate due) {
		Complaint complaint = get(regulator, id);
		var problems = new FormRejectedException.Collector();
		int length = length(question);
		if (length == 0) {
			problems.reject("question", "complaint.question.required");
		}
		else if (length > MAX_TEXT) {
			problems.reject("question", "complaint.tooLong", MAX_TEXT);
		}
		if (due == null) {
			problems.reject("due", "complaint.due.required");
		}
		else if (!due.isAfter(calendar.today())) {
			problems.reject("due", "complaint.due.notFuture");
		}
		problems.throwIfAny();
		complaint.requestStatement(question.strip(), due, regulator.username(), clock.instant());
		complaints.flush();
		events.publishEvent(new ComplaintEvent.ComplaintStatementRequested(id, complaint.getInstitutionId(),
				summary(complaint), complaint.getRegionCode(), due, regulator.actor(), clock.instant()));
	}

	@Transactional
	public void decide(CurrentUser regulator, long id, DecisionForm form) {
		Complaint complaint = get(regulator, id);
		var problems = new FormRejectedException.Collector();
		if (form.getOutcome() == null) {
			problems.reject("outcome", "complaint.outcome.required");
		}
		int answer = length(form.getPublicAnswer());
		if (answer == 0) {
			problems.reject("publicAnswer", "complaint.publicAnswer.required");
		}
		else if (answer > MAX_TEXT) {
			problems.reject("publicAnswer", "complaint.tooLong", MAX_TEXT);
		}
		if (form.getOutcome() == ComplaintOutcome.OUTSIDE_REMIT && length(form.getReferredTo()) == 0) {
			problems.reject("referredTo", "complaint.referredTo.required");
		}
		if (length(form.getReferredTo()) > 200) {
			problems.reject("referredTo", "complaint.tooLong", 200);
		}
		if (length(form.getFinding()) > 2000) {
			problems.reject("finding", "complaint.tooLong", 2000);
		}
		FollowUp followUp = form.getFollowUp() == null ? FollowUp.NONE : form.getFollowUp();
		boolean upheld = form.getOutcome() == ComplaintOutcome.SUBSTANTIATED
				|| form.getOutcome() == ComplaintOutcome.PARTLY_SUBSTANTIATED;
		if (followUp != FollowUp.NONE && form.getOutcome() != null && !upheld) {
			problems.reject("followUp", "complaint.followUp.onlyWhenUpheld");
		}
		if (followUp != FollowUp.NONE && length(form.getFinding()) == 0) {
			problems.reject("finding", "complaint.finding.requiredForFollowUp");
		}
		if (followUp == FollowUp.CORRECTIVE_ACTION
				&& (form.getActionDue() == null || !form.getActionDue().isAfter(calendar.today()))) {
			problems.reject("actionDue", "complaint.actionDue.notFuture");
		}
		problems.throwIfAny();
		complaint.decide(form.getOutcome(), form.getPublicAnswer().strip(), strip(form.getReferredTo()),
				strip(form.getFinding()), followUp, regulator.username(), clock.instant());
		if (followUp == FollowUp.CORRECTIVE_ACTION) {
			complaint.linkAction(
					correctiveActions
						.orderFromComplaint(regulator, complaint.getInstitutionId(), id, complaint.getTrackingNumber(),
								complaint.getFinding(), form.getActionSeverity(), form.getActionDue())
						.getId());
		}
		complaints.flush();
		events.publishEvent(new ComplaintEvent.ComplaintDecided(id, complaint.getInstitutionId(), summary(complaint),
				complaint.getRegionCode(), form.getOutcome(), followUp, regulator.actor(), clock.instant()));
	}

	/** The corrective action a decision ordered, if any. */
	public Optional<CorrectiveAction> actionOf(Complaint complaint) {
		return complaint.getCorrectiveActionId() == null ? Optional.empty()
				: correctiveActions.ofComplaint(complaint.getId());
	}

	/** The regulator closes the corrective action once the institution answered it. */
	@Transactional
	public void closeAction(CurrentUser regulator, long id) {
		correctiveActions.verifyAsRegulator(regulator, actionIdOf(regulator, id));
	}

	/**
	 * The regulator finds the institution's answer insufficient and reopens the action.
	 */
	@Transactional
	public void reopenAction(CurrentUser regulator, long id, String comment) {
		correctiveActions.reopenAsRegulator(regulator, actionIdOf(regulator, id), comment);
	}

	private long actionIdOf(CurrentUser regulator, long id) {
		Complaint complaint = get(regulator, id);
		if (complaint.getCorrectiveActionId() == null) {
			throw new NotFoundException("CorrectiveAction", id);
		}
		return complaint.getCorrectiveActionId();
	}

	// ----------------------------------------------------------------- the institution

	/** The statements asked of the clinic's institution, the latest due first. */
	public List<Complaint> statementsAskedOf(CurrentUser clinic) {
		requireRole(clinic, Role.CLINIC);
		return complaints
			.findByInstitutionIdAndStatementRequestedAtNotNullOrderByStatementDueDesc(clinic.institutionId());
	}

	/** How many statements the clinic still owes. */
	public long statementsDue(CurrentUser clinic) {
		requireRole(clinic, Role.CLINIC);
		return complaints.countStatementsDue(clinic.institutionId());
	}

	/** The clinic answers a statement asked of its own institution; 404 for any other. */
	@Transactional
	public void giveStatement(CurrentUser clinic, long id, String text) {
		requireRole(clinic, Role.CLINIC);
		Complaint complaint = complaints.findById(id)
			.filter(c -> c.getInstitutionId().equals(clinic.institutionId()) && c.getStatementRequestedAt() != null)
			.orElseThrow(() -> new NotFoundException("Complaint", id));
		int length = length(text);
		if (length == 0) {
			throw FormRejectedException.of("statement", "complaint.statement.required");
		}
		if (length > MAX_TEXT) {
			throw FormRejectedException.of("statement", "complaint.tooLong", MAX_TEXT);
		}
		complaint.giveStatement(text.strip(), clinic.username(), clock.instant());
		complaints.flush();
		events.publishEvent(new ComplaintEvent.ComplaintStatementGiven(id, complaint.getInstitutionId(),
				summary(complaint), complaint.getRegionCode(), clinic.actor(), clock.instant()));
	}

	/** Today, where the portal works. */
	public LocalDate today() {
		return calendar.today();
	}

	// ----------------------------------------------------------------- deadlines

	/**
	 * Counts the deadlines of every undecided complaint again, from its day of receipt,
	 * by the calendar as it now is.
	 */
	@Transactional
	public int recountDeadlines() {
		int moved = 0;
		for (Complaint complaint : complaints.findByStatusNot(ComplaintStatus.DECIDED)) {
			LocalDate received = calendar.dayOf(complaint.getReceivedAt());
			LocalDate acknowledgeBy = calendar.plusWorkingDays(received, acknowledgeWithin);
			LocalDate decideBy = calendar.plusWorkingDays(received, decideWithin);
			if (!acknowledgeBy.equals(complaint.getAcknowledgeBy()) || !decideBy.equals(complaint.getDecideBy())) {
				complaint.moveDeadlines(acknowledgeBy, decideBy);
				moved++;
			}
		}
		return moved;
	}

	// ----------------------------------------------------------------- helpers

	private String trackingNumber(String regionCode, int year) {
		for (int attempt = 0; attempt < 20; attempt++) {
			String number = "TS-%s-%d-%06d".formatted(regionCode, year, random.nextInt(1_000_000));
			if (!complaints.existsByTrackingNumber(number)) {
				return number;
			}
		}
		throw new IllegalStateException("no free tracking number for " + regionCode + " in " + year);
	}

	private String secretCode() {
		StringBuilder code = new StringBuilder(CODE_LENGTH);
		for (int i = 0; i < CODE_LENGTH; i++) {
			code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
		}
		return code.toString();
	}

	private String summary(Complaint complaint) {
		return summary(complaint,
				institutions.findSummary(complaint.getInstitutionId()).map(InstitutionSummary::name).orElse(""));
	}

	private static String summary(Complaint complaint, String institutionName) {
		return complaint.getTrackingNumber() + " " + institutionName;
	}

	private static int length(String text) {
		return text == null ? 0 : text.strip().length();
	}

	private static String strip(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	static void requireRole(CurrentUser user, Role role) {
		if (!user.is(role)) {
			throw new AccessDeniedException("Only " + role);
		}
	}

}
