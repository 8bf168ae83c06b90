package cn.meizhi.rating;

import java.util.List;

import cn.meizhi.shared.AuditableBatch;

/**
 * The ratings the nightly job has just expired, one {@link RatingEvent.RatingExpired}
 * each, published together: on a night when every rating lapses there are 86,000 of them.
 */
public record RatingsExpired(List<RatingEvent.RatingExpired> events) implements AuditableBatch {

	public RatingsExpired {
		events = List.copyOf(events);
	}

}
