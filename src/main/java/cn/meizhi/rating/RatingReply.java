package cn.meizhi.rating;

import java.time.Instant;

import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.Texts;
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
 * The institution's reply (回应) to its published rating — say, what it has fixed since —
 * shown next to the rating on its public profile once a regulator has let it through.
 */
@Entity
@Table(name = "rating_reply")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class RatingReply {

	/** The longest reply, in characters: a short statement, not a brochure. */
	public static final int MAX_LENGTH = 500;

	/** Where a reply stands. */
	public enum Status {

		PENDING, PUBLISHED, REJECTED, REPLACED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long lockVersion;

	private Long ratingId;

	private String text;

	@Enumerated(EnumType.STRING)
	private Status status;

	private String submittedBy;

	private Instant submittedAt;

	private String moderatedBy;

	private Instant moderatedAt;

	private String moderationReason;

	public RatingReply(long ratingId, String text, String by, Instant now) {
		if (text == null || text.isBlank()) {
			throw FormRejectedException.of("text", "rating.reply.required");
		}
		Texts.requireMax(text.strip(), MAX_LENGTH, "text");
		this.ratingId = ratingId;
		this.text = text.strip();
		this.status = Status.PENDING;
		this.submittedBy = by;
		this.submittedAt = now;
	}

	public void publish(String by, Instant now) {
		requirePending();
		this.status = Status.PUBLISHED;
		this.moderatedBy = by;
		this.moderatedAt = now;
	}

	public void reject(String reason, String by, Instant now) {
		requirePending();
		if (reason == null || reason.isBlank()) {
			throw FormRejectedException.of("reason", "rating.reason.required");
		}
		Texts.requireMax(reason, 1000, "reason");
		this.status = Status.REJECTED;
		this.moderationReason = reason.strip();
		this.moderatedBy = by;
		this.moderatedAt = now;
	}

	/** A newer reply was published in its place. */
	public void replace() {
		if (status != Status.PUBLISHED) {
			throw FormRejectedException.of(null, "rating.reply.notPublished");
		}
		this.status = Status.REPLACED;
	}

	private void requirePending() {
		if (status != Status.PENDING) {
			throw FormRejectedException.of(null, "rating.reply.notPending");
		}
	}

}
