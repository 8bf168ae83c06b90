package cn.meizhi.institution;

import java.time.Instant;
import java.util.List;

import cn.meizhi.shared.Actor;
import cn.meizhi.shared.AuditableEvent;
import cn.meizhi.shared.FieldChange;

/**
 * What happens to institutions on the register. Each event names the institution by id
 * and carries the acting user and the time.
 */
public final class InstitutionEvents {

	private InstitutionEvents() {
	}

	/** An event about one institution on the register. */
	public interface InstitutionEvent extends AuditableEvent {

		long institutionId();

		String name();

		@Override
		default String objectType() {
			return "Institution";
		}

		@Override
		default String objectId() {
			return String.valueOf(institutionId());
		}

		@Override
		default String summary() {
			return name();
		}

	}

	/** A regulator put a new institution on the register (by form or CSV import). */
	public record InstitutionRegistered(long institutionId, String name, String regionCode, boolean creditCodeException,
			Actor actor, Instant occurredAt) implements InstitutionEvent {

		@Override
		public String action() {
			return creditCodeException ? "INSTITUTION_REGISTERED_WITH_CODE_EXCEPTION" : "INSTITUTION_REGISTERED";
		}

	}

	/** A regulator changed an institution's registered facts. */
	public record InstitutionUpdated(long institutionId, String name, String regionCode, List<FieldChange> changes,
			Actor actor, Instant occurredAt) implements InstitutionEvent {

		@Override
		public String action() {
			return "INSTITUTION_UPDATED";
		}

	}

	/** A clinic changed its own public contact data. */
	public record InstitutionContactUpdated(long institutionId, String name, String regionCode,
			List<FieldChange> changes, Actor actor, Instant occurredAt) implements InstitutionEvent {

		@Override
		public String action() {
			return "INSTITUTION_CONTACT_UPDATED";
		}

	}

	/** A regulator suspended, re-activated or closed an institution. */
	public record InstitutionStatusChanged(long institutionId, String name, String regionCode, InstitutionStatus from,
			InstitutionStatus to, String reason, Actor actor, Instant occurredAt) implements InstitutionEvent {

		@Override
		public String action() {
			return "INSTITUTION_STATUS_CHANGED";
		}

		@Override
		public List<FieldChange> changes() {
			return List.of(new FieldChange("status", from.name(), to.name()),
					new FieldChange("statusReason", "", reason));
		}

	}

	/** A regulator imported a CSV file of institutions. */
	public record InstitutionsImported(int count, String regionCode, Actor actor,
			Instant occurredAt) implements AuditableEvent {

		@Override
		public String action() {
			return "INSTITUTIONS_IMPORTED";
		}

		@Override
		public String objectType() {
			return "Institution";
		}

		@Override
		public String objectId() {
			return null;
		}

		@Override
		public String summary() {
			return String.valueOf(count);
		}

	}

}
