package cn.meizhi.system;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits how fast one client address may fetch the public pages and the open-data API: a token bucket
 * per address holding {@code capacity} requests, refilled at {@code perSecond}. Beyond it the answer is
 * 429 with {@code Retry-After} (seconds). A capacity of 0 turns the limit off. Addresses idle for longer
 * than a full refill are forgotten, so memory stays bounded by the clients of the last minutes.
 */
class PublicRateLimit extends OncePerRequestFilter {

	private final int capacity;

	private final double perSecond;

	private final Clock clock;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private volatile long lastSweep;

	PublicRateLimit(int capacity, double perSecond, Clock clock) {
		this.capacity = capacity;
		this.perSecond = perSecond;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (capacity <= 0) {
			chain.doFilter(request, response);
			return;
		}
		long now = clock.millis();
		sweep(now);
		double wait = buckets.computeIfAbsent(request.getRemoteAddr(), address -> new Bucket(capacity, now))
			.take(now, capacity, perSecond);
		if (wait > 0) {
			response.setStatus(429);
			response.setHeader("Retry-After", String.valueOf((long) Math.ceil(wait)));
			response.setContentType("text/plain;charset=UTF-8");
			response.getWriter()
				.write("请求过于频繁，请 " + (long) Math.ceil(wait) + " 秒后再试。Too many requests: try again in "
						+ (long) Math.ceil(wait) + " s.");
			return;
		}
		chain.doFilter(request, response);
	}

	private void sweep(long now) {
		long idle = (long) (capacity / perSecond * 1000) + Duration.ofMinutes(1).toMillis();
		if (now - lastSweep < idle) {
			return;
		}
		lastSweep = now;
		for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext();) {
			if (now - it.next().updated > idle) {
				it.remove();
			}
		}
	}

	/** Tokens left and when they were last counted. */
	private static final class Bucket {

		private double tokens;

		private long updated;

		Bucket(int capacity, long now) {
			this.tokens = capacity;
			this.updated = now;
		}

		/** Takes a token; 0 when there was one, else the seconds until there will be. */
		synchronized double take(long now, int capacity, double perSecond) {
			tokens = Math.min(capacity, tokens + (now - updated) / 1000.0 * perSecond);
			updated = now;
			if (tokens >= 1) {
				tokens -= 1;
				return 0;
			}
			return (1 - tokens) / perSecond;
		}

	}

}
