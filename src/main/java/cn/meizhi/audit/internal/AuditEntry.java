package cn.meizhi.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.meizhi.shared.AuditableEvent;
import cn.meizhi.shared.FieldChange;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Immutable;

/**
 * One recorded action. Immutable: the application inserts entries and never changes them,
 * and the database refuses updates and deletes.
 */
@Entity
@Immutable
@Table(name = "audit_event")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class AuditEntry {

	/**
	 * Separates the parts of one change in {@link #details}: field, old value, new value.
	 */
	static final char FIELD_SEPARATOR = '\u001F';

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_id")
	@jakarta.persistence.SequenceGenerator(name = "audit_event_id", sequenceName = "audit_event_id_seq",
			allocationSize = 50)
	private Long id;

	private Instant occurredAt;

	private String actor;

	/**
	 * The person's name when it happened; null for the system, the public and entries
	 * before V27.
	 */
	private String actorName;

	private String actorRole;

	private String clientIp;

	private String action;

	private String objectType;

	private String objectId;

	private String regionCode;

	private String summary;

	/** The changes, one per line, each as field, old and new value. */
	private String details;

	AuditEntry(AuditableEvent event, String clientIp) {
		this.occurredAt = event.occurredAt();
		this.actor = truncate(event.actor().username(), 64);
		this.actorName = truncate(event.actor().displayName(), 100);
		this.actorRole = event.actor().role() == null ? null : event.actor().role().name();
		this.clientIp = truncate(clientIp, 64);
		this.action = event.action();
		this.objectType = event.objectType();
		this.objectId = event.objectId();
		this.regionCode = event.regionCode();
		this.summary = truncate(event.summary(), 1000);
		this.details = encode(event.changes());
	}

	/** The recorded changes, for display. */
	public List<FieldChange> getChanges() {
		List<FieldChange> changes = new ArrayList<>();
		if (details == null || details.isEmpty()) {
			return changes;
		}
		for (String line : details.split("\n")) {
			String[] parts = line.split(String.valueOf(FIELD_SEPARATOR), -1);
			if (parts.length == 3) {
				changes.add(new FieldChange(parts[0], unescape(parts[1]), unescape(parts[2])));
			}
		}
		return changes;
	}

	static String encode(List<FieldChange> changes) {
		if (changes == null || changes.isEmpty()) {
			return null;
		}
		StringBuilder text = new StringBuilder();
		for (FieldChange change : changes) {
			if (!text.isEmpty()) {
				text.append('\n');
			}
			text.append(change.field())
				.append(FIELD_SEPARATOR)
				.append(escape(change.from()))
				.append(FIELD_SEPARATOR)
				.append(escape(change.to()));
		}
		return text.toString();
	}

	private static String escape(String value) {
		return value == null ? "" : value.replace("\\", "\\\\").replace("\n", "\\n");
	}

	private static String unescape(String value) {
		return value.replace("\\n", "\n").replace("\\\\", "\\");
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

}
