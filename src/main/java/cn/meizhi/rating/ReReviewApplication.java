package cn.meizhi.rating;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A clinic's application for re-review (复审) before its rating is due; decided once. */
@Entity
@Table(name = "re_review_application")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ReReviewApplication {

	/** Where an application stands. */
	public enum Status {

		PENDING, ENROLLED, DECLINED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long lockVersion;

	private Long institutionId;

	private String regionCode;

	private String reason;

	@Enumerated(EnumType.STRING)
	private Status status;

	private Instant appliedAt;

	private String appliedBy;

	private Long cycleId;

	private Instant decidedAt;

	private String decidedBy;

	private String note;

	ReReviewApplication(long institutionId, String regionCode, String reason, String appliedBy, Instant appliedAt) {
		this.institutionId = institutionId;
		this.regionCode = regionCode;
		this.reason = reason;
		this.appliedBy = appliedBy;
		this.appliedAt = appliedAt;
		this.status = Status.PENDING;
	}

	void enrolled(long cycleId, String by, Instant now) {
		this.status = Status.ENROLLED;
		this.cycleId = cycleId;
		this.decidedBy = by;
		this.decidedAt = now;
	}

	void decline(String note, String by, Instant now) {
		if (status != Status.PENDING) {
			throw cn.meizhi.shared.FormRejectedException.of(null, "reReview.decided");
		}
		this.status = Status.DECLINED;
		this.note = note;
		this.decidedBy = by;
		this.decidedAt = now;
	}

}
