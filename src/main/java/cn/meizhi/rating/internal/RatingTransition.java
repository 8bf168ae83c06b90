package cn.meizhi.rating.internal;

import java.time.Instant;

import cn.meizhi.rating.RatingStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Immutable;

/**
 * One step in a rating's life: from, to, when, who and why. Append-only.
 */
@Entity
@Immutable
@Table(name = "rating_transition")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class RatingTransition {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long ratingId;

	@Enumerated(EnumType.STRING)
	private RatingStatus fromStatus;

	@Enumerated(EnumType.STRING)
	private RatingStatus toStatus;

	private Instant occurredAt;

	private String actor;

	private String reason;

	public RatingTransition(long ratingId, RatingStatus from, RatingStatus to, String actor, String reason,
			Instant now) {
		this.ratingId = ratingId;
		this.fromStatus = from;
		this.toStatus = to;
		this.actor = actor;
		this.reason = reason;
		this.occurredAt = now;
	}

}
