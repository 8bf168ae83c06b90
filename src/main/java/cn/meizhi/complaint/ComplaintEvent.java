package cn.meizhi.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.meizhi.shared.Actor;
import cn.meizhi.shared.AuditableEvent;
import cn.meizhi.shared.FieldChange;

/**
 * A step of a complaint: one record per fact. {@link #action()} is the audit trail's
 * stable code. Only a decision changes what the public sees (the profile's counts).
 */
public sealed interface ComplaintEvent extends AuditableEvent {

	long complaintId();

	long institutionId();

	@Override
	default String objectType() {
		return "Complaint";
	}

	@Override
	default String objectId() {
		return String.valueOf(complaintId());
	}

	@Override
	default boolean changesPublicData() {
		return false;
	}

	/** A member of the public filed the complaint. */
	record ComplaintReceived(long complaintId, long institutionId, String summary, String regionCode, Actor actor,
			Instant occurredAt) implements ComplaintEvent {

		@Override
		public String action() {
			return "COMPLAINT_RECEIVED";
		}

	}

	/** The regulator acknowledged the complaint (受理). */
	record ComplaintAcknowledged(long complaintId, long institutionId, String summary, String regionCode, Actor actor,
			Instant occurredAt) implements ComplaintEvent {

		@Override
		public String action() {
			return "COMPLAINT_ACKNOWLEDGED";
		}

	}

	/** The complaint was handed to a colleague. */
	record ComplaintAssigned(long complaintId, long institutionId, String summary, String regionCode,
			List<FieldChange> changes, Actor actor, Instant occurredAt) implements ComplaintEvent {

		@Override
		public String action() {
			return "COMPLAINT_ASSIGNED";
		}

	}

	/** The regulator asked the institution for a statement, due on a day. */
	record ComplaintStatementRequested(long complaintId, long institutionId, String summary, String regionCode,
			LocalDate due, Actor actor, Instant occurredAt) implements ComplaintEvent {

		@Override
		public String action() {
			return "COMPLAINT_STATEMENT_REQUESTED";
		}

		@Override
		public List<FieldChange> changes() {
			return new FieldChange.Diff().add("statementDue", null, due).changes();
		}

	}

	/** The institution gave its statement. */
	record ComplaintStatementGiven(long complaintId, long institutionId, String summary, String regionCode, Actor actor,
			Instant occurredAt) implements ComplaintEvent {

		@Override
		public String action() {
			return "COMPLAINT_STATEMENT_GIVEN";
		}

	}

	/** The regulator decided and answered the complainant. */
	record ComplaintDecided(long complaintId, long institutionId, String summary, String regionCode,
			ComplaintOutcome outcome, FollowUp followUp, Actor actor, Instant occurredAt) implements ComplaintEvent {

		@Override
		public String action() {
			return "COMPLAINT_DECIDED";
		}

		@Override
		public List<FieldChange> changes() {
			return new FieldChange.Diff().add("outcome", null, outcome).add("followUp", null, followUp).changes();
		}

		@Override
		public boolean changesPublicData() {
			return true;
		}

	}

}
