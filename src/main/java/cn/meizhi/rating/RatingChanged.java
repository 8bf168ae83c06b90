package cn.meizhi.rating;

import java.time.Instant;
import java.util.List;

import cn.meizhi.shared.Actor;
import cn.meizhi.shared.AuditableEvent;
import cn.meizhi.shared.FieldChange;

/**
 * A rating moved: proposed, accepted, appealed, appeal decided, approved and published,
 * rejected, superseded, expired, suspended, reinstated or revoked; or the institution's
 * reply to it was submitted, published or rejected. {@code link} is where the rated
 * institution's staff can read about it.
 */
public record RatingChanged(String action, long ratingId, long institutionId, String summary, String regionCode,
		List<FieldChange> changes, Actor actor, Instant occurredAt) implements AuditableEvent {

	@Override
	public String objectType() {
		return "Rating";
	}

	@Override
	public String objectId() {
		return String.valueOf(ratingId);
	}

}
