package cn.meizhi.complaint;

import java.time.Instant;
import java.time.LocalDate;

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
 * A complaint (投诉举报) about an institution. It guards its own steps: acknowledged once, a
 * statement asked only while undecided and answered only while asked, decided once. The
 * complainant's contact and the secret code's hash never leave the regulator's pages.
 */
@Entity
@Table(name = "complaint")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Complaint {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long lockVersion;

	private String trackingNumber;

	private String secretHash;

	private Long institutionId;

	private String regionCode;

	@Enumerated(EnumType.STRING)
	private ComplaintCategory category;

	private LocalDate occurredOn;

	private String procedureName;

	private String description;

	private String contactPhone;

	private String contactEmail;

	private boolean consentToContact;

	@Enumerated(EnumType.STRING)
	private ComplaintStatus status;

	private Instant receivedAt;

	private LocalDate acknowledgeBy;

	private LocalDate decideBy;

	private Instant acknowledgedAt;

	private String acknowledgedBy;

	private Long assigneeId;

	private String assigneeName;

	private String statementQuestion;

	private LocalDate statementDue;

	private Instant statementRequestedAt;

	private String statement;

	private Instant statementGivenAt;

	private String statementGivenBy;

	@Enumerated(EnumType.STRING)
	private ComplaintOutcome outcome;

	private String referredTo;

	private String publicAnswer;

	private String finding;

	@Enumerated(EnumType.STRING)
	private FollowUp followUp;

	private Instant decidedAt;

	private String decidedBy;

	/** The corrective action the decision ordered, if it did. */
	private Long correctiveActionId;

	/** What the complainant filed. */
	public record Filing(long institutionId, String regionCode, ComplaintCategory category, LocalDate occurredOn,
			String procedureName, String description, String contactPhone, String contactEmail,
			boolean consentToContact) {
	}

	Complaint(String trackingNumber, String secretHash, Filing filing, Instant receivedAt, LocalDate acknowledgeBy,
			LocalDate decideBy) {
		this.trackingNumber = trackingNumber;
		this.secretHash = secretHash;
		this.institutionId = filing.institutionId();
		this.regionCode = filing.regionCode();
		this.category = filing.category();
		this.occurredOn = filing.occurredOn();
		this.procedureName = filing.procedureName();
		this.description = filing.description();
		this.contactPhone = filing.contactPhone();
		this.contactEmail = filing.contactEmail();
		this.consentToContact = filing.consentToContact();
		this.status = ComplaintStatus.RECEIVED;
		this.receivedAt = receivedAt;
		this.acknowledgeBy = acknowledgeBy;
		this.decideBy = decideBy;
	}

	public boolean isDecided() {
		return status == ComplaintStatus.DECIDED;
	}

	public boolean isAcknowledged() {
		return acknowledgedAt != null;
	}

	/** Not acknowledged and past the day it had to be. */
	public boolean isAcknowledgementOverdue(LocalDate today) {
		return !isAcknowledged() && today.isAfter(acknowledgeBy);
	}

	/** Not decided and past the day it had to be. */
	public boolean isDecisionOverdue(LocalDate today) {
		return !isDecided() && today.isAfter(decideBy);
	}

	/** Either deadline missed. */
	public boolean isOverdue(LocalDate today) {
		return isAcknowledgementOverdue(today) || isDecisionOverdue(today);
	}

	/** A statement was asked of the institution and is past its due date. */
	public boolean isStatementOverdue(LocalDate today) {
		return status == ComplaintStatus.AWAITING_STATEMENT && today.isAfter(statementDue);
	}

	void acknowledge(String by, Instant now) {
		if (isAcknowledged() || isDecided()) {
			throw FormRejectedException.of(null, "complaint.alreadyAcknowledged");
		}
		this.acknowledgedAt = now;
		this.acknowledgedBy = by;
		this.status = ComplaintStatus.ACKNOWLEDGED;
	}

	void assign(long accountId, String name) {
		requireUndecided();
		this.assigneeId = accountId;
		this.assigneeName = name;
	}

	void requestStatement(String question, LocalDate due, String by, Instant now) {
		requireUndecided();
		if (status == ComplaintStatus.AWAITING_STATEMENT) {
			throw FormRejectedException.of(null, "complaint.statementAlreadyAsked");
		}
		if (!isAcknowledged()) {
			acknowledge(by, now);
		}
		this.statementQuestion = question;
		this.statementDue = due;
		this.statementRequestedAt = now;
		this.statement = null;
		this.statementGivenAt = null;
		this.statementGivenBy = null;
		this.status = ComplaintStatus.AWAITING_STATEMENT;
	}

	void giveStatement(String text, String by, Instant now) {
		if (status != ComplaintStatus.AWAITING_STATEMENT) {
			throw FormRejectedException.of(null, "complaint.noStatementAsked");
		}
		this.statement = text;
		this.statementGivenAt = now;
		this.statementGivenBy = by;
		this.status = ComplaintStatus.STATEMENT_GIVEN;
	}

	void decide(ComplaintOutcome outcome, String publicAnswer, String referredTo, String finding, FollowUp followUp,
			String by, Instant now) {
		requireUndecided();
		if (!isAcknowledged()) {
			this.acknowledgedAt = now;
			this.acknowledgedBy = by;
		}
		this.outcome = outcome;
		this.publicAnswer = publicAnswer;
		this.referredTo = referredTo;
		this.finding = finding;
		this.followUp = followUp;
		this.decidedAt = now;
		this.decidedBy = by;
		this.status = ComplaintStatus.DECIDED;
	}

	void linkAction(long correctiveActionId) {
		this.correctiveActionId = correctiveActionId;
	}

	void moveDeadlines(LocalDate acknowledgeBy, LocalDate decideBy) {
		this.acknowledgeBy = acknowledgeBy;
		this.decideBy = decideBy;
	}

	private void requireUndecided() {
		if (isDecided()) {
			throw FormRejectedException.of(null, "complaint.alreadyDecided");
		}
	}

}
