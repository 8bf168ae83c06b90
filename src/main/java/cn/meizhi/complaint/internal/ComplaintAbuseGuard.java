package cn.meizhi.complaint.internal;

import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import lombok.extern.slf4j.Slf4j;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many complaints one client address may file, and how many tracking look-ups it may
 * make, per hour: Bucket4j buckets in PostgreSQL (the same store as the public pages'
 * limit), so every node takes from one bucket. The address is the one Tomcat resolved
 * (forwarded headers only from the configured proxies). Should the database not answer,
 * the request passes; filing then fails on its own.
 */
@Slf4j
@Component
class ComplaintAbuseGuard {

	private final ProxyManager<String> buckets;

	private final BucketConfiguration filing;

	private final BucketConfiguration tracking;

	ComplaintAbuseGuard(ProxyManager<String> buckets,
			@Value("${meizhi.complaints.filings-per-hour:5}") int filingsPerHour,
			@Value("${meizhi.complaints.lookups-per-hour:30}") int lookupsPerHour) {
		this.buckets = buckets;
		this.filing = perHour(filingsPerHour);
		this.tracking = perHour(lookupsPerHour);
	}

	/** Takes one filing from the address's allowance; false when it is used up. */
	boolean mayFile(String address) {
		return take("cf:" + address, filing);
	}

	/** Takes one tracking look-up from the address's allowance. */
	boolean mayTrack(String address) {
		return take("ct:" + address, tracking);
	}

	private boolean take(String key, BucketConfiguration configuration) {
		try {
			return buckets.builder().build(key, () -> configuration).tryConsume(1);
		}
		catch (RuntimeException ex) {
			log.warn("Complaint limit not checked (the database did not answer): {}", ex.getMessage());
			return true;
		}
	}

	private static BucketConfiguration perHour(int count) {
		return BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(Math.max(1, count)).refillGreedy(Math.max(1, count), Duration.ofHours(1)))
			.build();
	}

}
