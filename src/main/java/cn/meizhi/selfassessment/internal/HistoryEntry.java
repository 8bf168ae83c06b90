package cn.meizhi.selfassessment.internal;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * One submission (with a snapshot of every answer and the self-assessed result) or one
 * return (with the regulator's reason). Never changed.
 */
@Entity
@Table(name = "self_assessment_history")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class HistoryEntry {

	public enum Kind {

		SUBMITTED, RETURNED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long selfAssessmentId;

	@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
	private Kind kind;

	private Instant occurredAt;

	private String actor;

	private String reason;

	private BigDecimal total;

	private Integer stars;

	private String snapshot;

	public HistoryEntry(long selfAssessmentId, Kind kind, String actor, String reason, BigDecimal total, Integer stars,
			String snapshot, Instant now) {
		this.selfAssessmentId = selfAssessmentId;
		this.kind = kind;
		this.actor = actor;
		this.reason = reason;
		this.total = total;
		this.stars = stars;
		this.snapshot = snapshot;
		this.occurredAt = now;
	}

}
