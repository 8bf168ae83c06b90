package cn.meizhi.standard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.Formats;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.standard.internal.ConsultationCommentRepository;
import cn.meizhi.standard.internal.ConsultationRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public consultation (征求意见) on a draft standard version: an author opens it until a day;
 * anyone reads the draft and comments on the version or one indicator until then; the
 * author answers each comment and, closing the consultation, publishes a summary, which
 * stays with the version once it is published. The draft is public only through its
 * consultation.
 */
@Service
@Transactional(readOnly = true)
public class Consultations {

	/** Longest comment, in characters. */
	public static final int MAX_COMMENT = 2000;

	private final ConsultationRepository consultations;

	private final ConsultationCommentRepository comments;

	private final StandardManagement standards;

	private final Clock clock;

	private final Formats formats;

	Consultations(ConsultationRepository consultations, ConsultationCommentRepository comments,
			StandardManagement standards, Clock clock, Formats formats) {
		this.consultations = consultations;
		this.comments = comments;
		this.standards = standards;
		this.clock = clock;
		this.formats = formats;
	}

	/** What the public reads: the draft, the consultation and the answered comments. */
	public record PublicConsultation(StandardVersion version, Consultation consultation,
			List<ConsultationComment> answered, boolean open) {
	}

	/** The consultation of a version, if one was opened. */
	public Optional<Consultation> of(long versionId) {
		return consultations.findByVersionId(versionId);
	}

	/** The public page's content; 404 for a version without a consultation. */
	public PublicConsultation publicView(long versionId) {
		Consultation consultation = consultations.findByVersionId(versionId)
			.orElseThrow(() -> new NotFoundException("Consultation", versionId));
		StandardVersion version = StandardManagement.loaded(standards.find(versionId));
		List<ConsultationComment> answered = comments.findByConsultationIdOrderBySubmittedAt(consultation.getId())
			.stream()
			.filter(c -> c.getAnswer() != null)
			.toList();
		return new PublicConsultation(version, consultation, answered, consultation.takesCommentsOn(today()));
	}

	/** Every comment, for the author. */
	public List<ConsultationComment> comments(CurrentUser author, long versionId) {
		StandardManagement.requireAuthor(author);
		return consultations.findByVersionId(versionId)
			.map(c -> comments.findByConsultationIdOrderBySubmittedAt(c.getId()))
			.orElse(List.of());
	}

	/** An author opens a draft version for comments until a day. */
	@Transactional
	public Consultation open(CurrentUser author, long versionId, LocalDate closesOn) {
		StandardVersion version = standards.version(author, versionId);
		if (!version.isDraft()) {
			throw FormRejectedException.of(null, "consultation.draftOnly");
		}
		if (consultations.findByVersionId(versionId).isPresent()) {
			throw FormRejectedException.of(null, "consultation.alreadyOpened");
		}
		if (closesOn == null || !closesOn.isAfter(today())) {
			throw FormRejectedException.of("closesOn", "consultation.closesOn.future");
		}
		return consultations.saveAndFlush(new Consultation(versionId, closesOn, author.username(), clock.instant()));
	}

	/**
	 * Anyone comments while the consultation is open: the version as a whole or one of
	 * its indicators, 5 to 2,000 characters, a name optional.
	 */
	@Transactional
	public ConsultationComment comment(long versionId, Long indicatorId, String author, String text) {
		Consultation consultation = consultations.findByVersionId(versionId)
			.orElseThrow(() -> new NotFoundException("Consultation", versionId));
		var problems = new FormRejectedException.Collector();
		if (!consultation.takesCommentsOn(today())) {
			problems.reject(null, "consultation.closed");
		}
		String body = text == null ? "" : text.strip();
		if (body.length() < 5 || body.length() > MAX_COMMENT) {
			problems.reject("text", "consultation.text.length", 5, MAX_COMMENT);
		}
		String name = author == null || author.isBlank() ? null : author.strip();
		if (name != null && name.length() > 100) {
			problems.reject("author", "consultation.author.tooLong", 100);
		}
		if (indicatorId != null && StandardManagement.loaded(standards.find(versionId))
			.indicators()
			.noneMatch(i -> i.getId().equals(indicatorId))) {
			problems.reject("indicatorId", "consultation.indicator.unknown");
		}
		problems.throwIfAny();
		return comments
			.saveAndFlush(new ConsultationComment(consultation.getId(), indicatorId, name, body, clock.instant()));
	}

	/** The author answers a comment (the answer is public). */
	@Transactional
	public void answer(CurrentUser author, long commentId, String answer) {
		StandardManagement.requireAuthor(author);
		ConsultationComment comment = comments.findById(commentId)
			.orElseThrow(() -> new NotFoundException("ConsultationComment", commentId));
		String text = answer == null ? "" : answer.strip();
		if (text.isEmpty() || text.length() > MAX_COMMENT) {
			throw FormRejectedException.of("answer", "consultation.answer.required");
		}
		comment.answer(text, author.username(), clock.instant());
		comments.flush();
	}

	/** The author closes the consultation with its summary. */
	@Transactional
	public void summarise(CurrentUser author, long versionId, String summary) {
		StandardManagement.requireAuthor(author);
		Consultation consultation = consultations.findByVersionId(versionId)
			.orElseThrow(() -> new NotFoundException("Consultation", versionId));
		String text = summary == null ? "" : summary.strip();
		if (text.length() < 10 || text.length() > 8000) {
			throw FormRejectedException.of("summary", "consultation.summary.required");
		}
		if (consultation.isSummarised()) {
			throw FormRejectedException.of(null, "consultation.alreadySummarised");
		}
		consultation.summarise(text, clock.instant());
		consultations.flush();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), formats.zone());
	}

}
