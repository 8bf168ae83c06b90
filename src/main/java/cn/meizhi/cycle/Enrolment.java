package cn.meizhi.cycle;

import java.time.Instant;

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
 * An institution taking part in a cycle. Withdrawing keeps the row, with the reason.
 */
@Entity
@Table(name = "enrolment")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Enrolment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "cycle_id")
	private EvaluationCycle cycle;

	private Long institutionId;

	private Instant enrolledAt;

	private Instant withdrawnAt;

	private String withdrawalReason;

	Enrolment(EvaluationCycle cycle, long institutionId, Instant now) {
		this.cycle = cycle;
		this.institutionId = institutionId;
		this.enrolledAt = now;
	}

	public boolean isActive() {
		return withdrawnAt == null;
	}

	void withdraw(String reason, Instant now) {
		this.withdrawnAt = now;
		this.withdrawalReason = reason;
	}

	void reinstate(Instant now) {
		this.withdrawnAt = null;
		this.withdrawalReason = null;
		this.enrolledAt = now;
	}

}
