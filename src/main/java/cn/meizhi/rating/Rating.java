package cn.meizhi.rating;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import cn.meizhi.rating.RatingStatus;
import cn.meizhi.shared.FormRejectedException;
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

/**
 * A star rating of one institution from one inspection. Each method is one legal
 * transition and refuses anything else; the service records every transition.
 */
@Entity
@Table(name = "rating")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Rating {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long lockVersion;

	private Long institutionId;

	private Long inspectionId;

	private Long cycleId;

	private Long standardVersionId;

	private String regionCode;

	private BigDecimal total;

	/**
	 * Each section's result of the inspection, as the rating engine gave it at the
	 * proposal (like the total); null for ratings proposed before these were kept.
	 */
	@org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
	private java.util.List<cn.meizhi.standard.RatingOutcome.SectionOutcome> sections;

	private int computedStars;

	private int stars;

	private String overrideReason;

	@Enumerated(EnumType.STRING)
	private RatingStatus status;

	private Long proposerId;

	private String proposedBy;

	private Instant proposedAt;

	private LocalDate appealDeadline;

	private Instant acceptedAt;

	private String acceptedBy;

	private String approvedBy;

	private Instant approvedAt;

	private String certificateNo;

	private LocalDate validFrom;

	private LocalDate validUntil;

	private String statusReason;

	/**
	 * The last day of the public notice (公示) when the rating went through one: objections
	 * are taken until then, and it takes effect after.
	 */
	private LocalDate noticeUntil;

	public Rating(long institutionId, long inspectionId, long cycleId, long standardVersionId, String regionCode,
			cn.meizhi.standard.RatingOutcome outcome, int stars, String overrideReason, long proposerId,
			String proposedBy, Instant now, LocalDate appealDeadline) {
		int computedStars = outcome.stars();
		if (stars != computedStars && (overrideReason == null || overrideReason.isBlank())) {
			throw FormRejectedException.of("overrideReason", "rating.override.reasonRequired");
		}
		cn.meizhi.shared.Texts.requireMax(overrideReason, 1000, "overrideReason");
		this.institutionId = institutionId;
		this.inspectionId = inspectionId;
		this.cycleId = cycleId;
		this.standardVersionId = standardVersionId;
		this.regionCode = regionCode;
		this.total = outcome.total();
		this.sections = java.util.List.copyOf(outcome.sections());
		this.computedStars = computedStars;
		this.stars = stars;
		this.overrideReason = stars == computedStars ? null : overrideReason.strip();
		this.status = RatingStatus.PROPOSED;
		this.proposerId = proposerId;
		this.proposedBy = proposedBy;
		this.proposedAt = now;
		this.appealDeadline = appealDeadline;
	}

	public boolean isOverride() {
		return stars != computedStars;
	}

	/** The institution accepts the proposal inside the appeal window. */
	public void accept(String by, Instant now, LocalDate today) {
		require(RatingStatus.PROPOSED, "rating.accept.notProposed");
		if (acceptedAt != null) {
			throw FormRejectedException.of(null, "rating.accept.already");
		}
		if (today.isAfter(appealDeadline)) {
			throw FormRejectedException.of(null, "rating.window.closed", appealDeadline);
		}
		this.acceptedAt = now;
		this.acceptedBy = by;
	}

	/** The institution appeals inside the window (and only if it has not accepted). */
	public void appeal(LocalDate today) {
		require(RatingStatus.PROPOSED, "rating.appeal.notProposed");
		if (acceptedAt != null) {
			throw FormRejectedException.of(null, "rating.appeal.accepted");
		}
		if (today.isAfter(appealDeadline)) {
			throw FormRejectedException.of(null, "rating.window.closed", appealDeadline);
		}
		this.status = RatingStatus.APPEALED;
	}

	/**
	 * The appeal was decided and the proposal stands (dismissed) or stands with other
	 * stars (adjusted).
	 */
	public void appealDecided(Integer adjustedStars, String reason, LocalDate today) {
		require(RatingStatus.APPEALED, "rating.appeal.notAppealed");
		if (adjustedStars != null) {
			this.stars = adjustedStars;
			this.overrideReason = stars == computedStars ? null : reason;
		}
		this.status = RatingStatus.PROPOSED;
		this.acceptedAt = null;
		// the institution has had its appeal: the window is over
		this.appealDeadline = today.minusDays(1);
	}

	/** The appeal was upheld with a re-inspection: this proposal ends. */
	public void withdrawForReinspection(String reason) {
		require(RatingStatus.APPEALED, "rating.appeal.notAppealed");
		this.status = RatingStatus.WITHDRAWN;
		this.statusReason = reason;
	}

	/**
	 * Approval needs the clinic's acceptance, or a closed window with no appeal pending.
	 */
	public boolean approvable(LocalDate today) {
		return status == RatingStatus.PROPOSED && (acceptedAt != null || today.isAfter(appealDeadline));
	}

	public void approve(String by, Instant now, LocalDate today, String certificateNo, int validityMonths) {
		requireApprovable(today);
		this.approvedBy = by;
		this.approvedAt = now;
		takeEffect(today, certificateNo, validityMonths);
	}

	/**
	 * Approves the rating onto public notice: it takes effect after the notice's last
	 * day, unless an objection is upheld.
	 */
	public void approveOntoNotice(String by, Instant now, LocalDate today, int noticeDays) {
		requireApprovable(today);
		if (noticeDays < 1) {
			throw new IllegalArgumentException("A notice lasts at least a day");
		}
		this.status = RatingStatus.IN_NOTICE;
		this.approvedBy = by;
		this.approvedAt = now;
		this.noticeUntil = today.plusDays(noticeDays);
	}

	/** Whether the public may still object: on notice, up to its last day. */
	public boolean takesObjections(LocalDate today) {
		return status == RatingStatus.IN_NOTICE && !today.isAfter(noticeUntil);
	}

	/**
	 * The notice ended with no objection upheld: the rating takes effect with its
	 * certificate, valid from today.
	 */
	public void publishAfterNotice(LocalDate today, String certificateNo, int validityMonths) {
		require(RatingStatus.IN_NOTICE, "rating.notice.notOnNotice");
		if (!today.isAfter(noticeUntil)) {
			throw FormRejectedException.of(null, "rating.notice.notEnded", noticeUntil);
		}
		takeEffect(today, certificateNo, validityMonths);
	}

	/** An objection to the notice was upheld: the rating does not take effect. */
	public void withdrawAfterObjection(String reason) {
		require(RatingStatus.IN_NOTICE, "rating.notice.notOnNotice");
		requireReason(reason);
		this.status = RatingStatus.WITHDRAWN;
		this.statusReason = reason.strip();
	}

	private void requireApprovable(LocalDate today) {
		if (!approvable(today)) {
			throw FormRejectedException.of(null, status == RatingStatus.APPEALED ? "rating.approve.appealPending"
					: status == RatingStatus.PROPOSED ? "rating.approve.windowOpen" : "rating.approve.notProposed",
					appealDeadline);
		}
	}

	private void takeEffect(LocalDate today, String certificateNo, int validityMonths) {
		this.status = RatingStatus.PUBLISHED;
		this.certificateNo = certificateNo;
		this.validFrom = today;
		this.validUntil = today.plusMonths(validityMonths).minusDays(1);
	}

	public void reject(String reason) {
		if (status == RatingStatus.IN_NOTICE) {
			throw FormRejectedException.of(null, "rating.notice.answerObjections");
		}
		if (status == RatingStatus.APPEALED) {
			throw FormRejectedException.of(null, "rating.approve.appealPending");
		}
		if (status != RatingStatus.PROPOSED) {
			throw FormRejectedException.of(null, "rating.reject.notPending");
		}
		requireReason(reason);
		this.status = RatingStatus.REJECTED;
		this.statusReason = reason.strip();
	}

	public void supersede() {
		if (status != RatingStatus.PUBLISHED && status != RatingStatus.SUSPENDED) {
			throw FormRejectedException.of(null, "rating.lifecycle.notAllowed", status);
		}
		this.status = RatingStatus.SUPERSEDED;
	}

	/**
	 * Expires a published rating whose validity has ended; false when there is nothing to
	 * do.
	 */
	public boolean expireIfDue(LocalDate today) {
		if ((status == RatingStatus.PUBLISHED || status == RatingStatus.SUSPENDED) && today.isAfter(validUntil)) {
			this.status = RatingStatus.EXPIRED;
			return true;
		}
		return false;
	}

	public void suspend(String reason) {
		require(RatingStatus.PUBLISHED, "rating.lifecycle.notAllowed");
		requireReason(reason);
		this.status = RatingStatus.SUSPENDED;
		this.statusReason = reason.strip();
	}

	public void reinstate(String reason) {
		require(RatingStatus.SUSPENDED, "rating.lifecycle.notAllowed");
		requireReason(reason);
		this.status = RatingStatus.PUBLISHED;
		this.statusReason = reason.strip();
	}

	public void revoke(String reason) {
		if (status != RatingStatus.PUBLISHED && status != RatingStatus.SUSPENDED) {
			throw FormRejectedException.of(null, "rating.lifecycle.notAllowed", status);
		}
		requireReason(reason);
		this.status = RatingStatus.REVOKED;
		this.statusReason = reason.strip();
	}

	private void require(RatingStatus expected, String code) {
		if (status != expected) {
			throw FormRejectedException.of(null, code, status);
		}
	}

	private static void requireReason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw FormRejectedException.of("reason", "rating.reason.required");
		}
		cn.meizhi.shared.Texts.requireMax(reason, 1000, "reason");
	}

}
