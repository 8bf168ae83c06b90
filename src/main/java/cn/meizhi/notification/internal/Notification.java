package cn.meizhi.notification.internal;

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
 * Something the staff of an institution should know about. {@code kind} names the message
 * shown (it is rendered in the reader's language); {@code detail} is the reason or number
 * that came with it.
 */
@Entity
@Table(name = "notification")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Notification {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_id")
	@jakarta.persistence.SequenceGenerator(name = "notification_id", sequenceName = "notification_id_seq",
			allocationSize = 50)
	private Long id;

	private Long institutionId;

	private String kind;

	private String detail;

	private String link;

	private Instant createdAt;

	private Instant readAt;

	public Notification(long institutionId, String kind, String detail, String link, Instant createdAt) {
		this.institutionId = institutionId;
		this.kind = kind;
		this.detail = detail == null || detail.isBlank() ? null : detail;
		this.link = link;
		this.createdAt = createdAt;
	}

	public boolean isUnread() {
		return readAt == null;
	}

	public void markRead(Instant now) {
		if (readAt == null) {
			readAt = now;
		}
	}

}
