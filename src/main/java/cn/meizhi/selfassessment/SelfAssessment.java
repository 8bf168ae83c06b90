package cn.meizhi.selfassessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.meizhi.selfassessment.Answer;
import cn.meizhi.selfassessment.internal.SelfAssessmentStatus;
import cn.meizhi.shared.FormRejectedException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * One institution's self-assessment in one cycle. It guards its own state: answers change
 * only while it is editable, it is submitted only when complete, and only a submitted one
 * can be returned.
 */
@Entity
@Table(name = "self_assessment")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class SelfAssessment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long lockVersion;

	private Long cycleId;

	private Long institutionId;

	@Enumerated(EnumType.STRING)
	private SelfAssessmentStatus status;

	private String returnReason;

	private Instant submittedAt;

	private String submittedBy;

	private Instant createdAt;

	private Instant updatedAt;

	private String updatedBy;

	@OneToMany(mappedBy = "selfAssessment", cascade = CascadeType.ALL, orphanRemoval = true)
	private List<Answer> answers = new ArrayList<>();

	public SelfAssessment(long cycleId, long institutionId, String by, Instant now) {
		this.cycleId = cycleId;
		this.institutionId = institutionId;
		this.status = SelfAssessmentStatus.DRAFT;
		this.createdAt = now;
		this.updatedAt = now;
		this.updatedBy = by;
	}

	public Optional<Answer> answer(long indicatorId) {
		return answers.stream().filter(a -> a.getIndicatorId() == indicatorId).findFirst();
	}

	public void requireEditable() {
		if (!status.editable()) {
			throw FormRejectedException.of(null, "selfAssessment.notEditable");
		}
	}

	public Answer answerFor(long indicatorId) {
		return answer(indicatorId).orElseGet(() -> {
			Answer answer = new Answer(this, indicatorId);
			answers.add(answer);
			return answer;
		});
	}

	/** Marks a change, so that a concurrent save made from an older page is detected. */
	public void touch(String by, Instant now) {
		this.updatedAt = now;
		this.updatedBy = by;
	}

	public void submit(String by, Instant now) {
		requireEditable();
		this.status = SelfAssessmentStatus.SUBMITTED;
		this.submittedAt = now;
		this.submittedBy = by;
		touch(by, now);
	}

	public void returnWith(String reason, String by, Instant now) {
		if (status != SelfAssessmentStatus.SUBMITTED) {
			throw FormRejectedException.of(null, "selfAssessment.return.notSubmitted");
		}
		if (reason == null || reason.isBlank()) {
			throw FormRejectedException.of("reason", "selfAssessment.return.reasonRequired");
		}
		cn.meizhi.shared.Texts.requireMax(reason, 1000, "reason");
		this.status = SelfAssessmentStatus.RETURNED;
		this.returnReason = reason.strip();
		touch(by, now);
	}

}
