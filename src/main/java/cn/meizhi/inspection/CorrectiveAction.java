package cn.meizhi.inspection;

import java.time.Instant;
import java.time.LocalDate;

import cn.meizhi.inspection.ActionStatus;
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
 * A corrective action (整改项) made from a finding. It guards its own state machine.
 */
@Entity
@Table(name = "corrective_action")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class CorrectiveAction {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long lockVersion;

	private Long inspectionId;

	private Long institutionId;

	private Long indicatorId;

	private String finding;

	@Enumerated(EnumType.STRING)
	private Severity severity;

	private LocalDate dueOn;

	@Enumerated(EnumType.STRING)
	private ActionStatus status;

	private String response;

	private Instant respondedAt;

	private String respondedBy;

	private String reopenComment;

	private Instant verifiedAt;

	private String verifiedBy;

	private Instant createdAt;

	/** The complaint whose finding this action answers; null for an inspection's. */
	private Long complaintId;

	private String complaintNumber;

	CorrectiveAction(long inspectionId, long institutionId, long indicatorId, String finding, Severity severity,
			LocalDate dueOn, Instant now) {
		this.inspectionId = inspectionId;
		this.institutionId = institutionId;
		this.indicatorId = indicatorId;
		this.finding = finding;
		this.severity = severity;
		this.dueOn = dueOn;
		this.status = ActionStatus.OPEN;
		this.createdAt = now;
	}

	/** An action ordered on a complaint's finding (no inspection, no indicator). */
	CorrectiveAction(long institutionId, long complaintId, String complaintNumber, String finding, Severity severity,
			LocalDate dueOn, Instant now) {
		this.institutionId = institutionId;
		this.complaintId = complaintId;
		this.complaintNumber = complaintNumber;
		this.finding = finding;
		this.severity = severity;
		this.dueOn = dueOn;
		this.status = ActionStatus.OPEN;
		this.createdAt = now;
	}

	/** Whether it answers a complaint rather than an inspection. */
	public boolean isFromComplaint() {
		return complaintId != null;
	}

	/** Not closed and past its due date. */
	public boolean isOverdue(LocalDate today) {
		return status != ActionStatus.CLOSED && today.isAfter(dueOn);
	}

	void respond(String text, String by, Instant now) {
		if (status != ActionStatus.OPEN) {
			throw FormRejectedException.of(null, "action.respond.notOpen");
		}
		if (text == null || text.isBlank()) {
			throw FormRejectedException.of("response", "action.respond.textRequired");
		}
		cn.meizhi.shared.Texts.requireMax(text, 4000, "response");
		this.response = text.strip();
		this.respondedAt = now;
		this.respondedBy = by;
		this.status = ActionStatus.ANSWERED;
	}

	void verify(String by, Instant now) {
		if (status != ActionStatus.ANSWERED) {
			throw FormRejectedException.of(null, "action.verify.notAnswered");
		}
		this.status = ActionStatus.CLOSED;
		this.verifiedAt = now;
		this.verifiedBy = by;
	}

	void reopen(String comment) {
		if (status != ActionStatus.ANSWERED) {
			throw FormRejectedException.of(null, "action.verify.notAnswered");
		}
		if (comment == null || comment.isBlank()) {
			throw FormRejectedException.of("comment", "action.reopen.commentRequired");
		}
		cn.meizhi.shared.Texts.requireMax(comment, 2000, "comment");
		this.reopenComment = comment.strip();
		this.status = ActionStatus.OPEN;
	}

	void changeDue(LocalDate date) {
		if (status == ActionStatus.CLOSED) {
			throw FormRejectedException.of("dueOn", "action.closed");
		}
		if (date == null) {
			throw FormRejectedException.of("dueOn", "NotNull");
		}
		this.dueOn = date;
	}

}
