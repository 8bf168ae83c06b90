package cn.meizhi.selfassessment;

import java.math.BigDecimal;
import java.time.Instant;

import cn.meizhi.standard.Score;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * The institution's answer to one indicator: a self-score or N/A, and a comment.
 */
@Entity
@Table(name = "self_assessment_answer")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Answer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "self_assessment_id")
	private SelfAssessment selfAssessment;

	private Long indicatorId;

	private BigDecimal score;

	private boolean notApplicable;

	private String comment;

	private Instant updatedAt;

	private String updatedBy;

	public Answer(SelfAssessment selfAssessment, long indicatorId) {
		this.selfAssessment = selfAssessment;
		this.indicatorId = indicatorId;
	}

	void set(BigDecimal score, boolean notApplicable, String comment, String by, Instant now) {
		this.score = notApplicable ? null : score;
		this.notApplicable = notApplicable;
		this.comment = comment == null || comment.isBlank() ? null : comment.strip();
		this.updatedBy = by;
		this.updatedAt = now;
	}

	public boolean isAnswered() {
		return notApplicable || score != null;
	}

	/** The answer as the rating engine reads it, or null while unanswered. */
	public Score toScore() {
		return notApplicable ? Score.NOT_APPLICABLE : score == null ? null : Score.of(score);
	}

	/** What the form shows: "", "NA" or the score. */
	public String getValue() {
		return notApplicable ? SectionAnswers.NOT_APPLICABLE
				: score == null ? "" : score.stripTrailingZeros().toPlainString();
	}

}
