package cn.meizhi.rating;

import java.util.List;

import cn.meizhi.shared.AuditableBatch;

/**
 * The ratings the nightly job has just expired, one {@code RATING_EXPIRED} change each,
 * published together: on a night when every rating lapses there are 86,000 of them.
 */
public record RatingsExpired(List<RatingChanged> events) implements AuditableBatch {

	public RatingsExpired {
		events = List.copyOf(events);
	}

}
