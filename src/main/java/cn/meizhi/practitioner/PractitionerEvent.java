package cn.meizhi.practitioner;

import java.time.Instant;

import cn.meizhi.shared.Actor;
import cn.meizhi.shared.AuditableEvent;

/** A change to the practitioner register: one record per fact. */
public sealed interface PractitionerEvent extends AuditableEvent {

	@Override
	default String objectType() {
		return "Practitioner";
	}

	/** A regulator registered a practitioner. */
	record PractitionerRegistered(long practitionerId, String summary, String regionCode, Actor actor,
			Instant occurredAt) implements PractitionerEvent {

		@Override
		public String action() {
			return "PRACTITIONER_REGISTERED";
		}

		@Override
		public String objectId() {
			return String.valueOf(practitionerId);
		}

	}

	/** A regulator changed a practitioner's record. */
	record PractitionerUpdated(long practitionerId, String summary, String regionCode, Actor actor,
			Instant occurredAt) implements PractitionerEvent {

		@Override
		public String action() {
			return "PRACTITIONER_UPDATED";
		}

		@Override
		public String objectId() {
			return String.valueOf(practitionerId);
		}

	}

	/** A regulator imported practitioners from a file. */
	record PractitionersImported(int count, String summary, String regionCode, Actor actor,
			Instant occurredAt) implements PractitionerEvent {

		@Override
		public String action() {
			return "PRACTITIONERS_IMPORTED";
		}

		@Override
		public String objectId() {
			return null;
		}

	}

}
