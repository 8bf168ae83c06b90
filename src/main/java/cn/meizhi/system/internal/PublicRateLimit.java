package cn.meizhi.system.internal;

import java.io.IOException;
import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.extern.slf4j.Slf4j;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits how fast one client address may fetch the public pages and the open-data API: a
 * token bucket per address holding {@code capacity} requests, refilled at
 * {@code perSecond}. Beyond it the answer is 429 with {@code Retry-After} (seconds). A
 * capacity of 0 turns the limit off.
 * <p>
 * The buckets are Bucket4j's, kept in PostgreSQL (table {@code rate_limit_bucket}, one
 * row per address, updated under {@code select … for update}): every node takes from the
 * same bucket, so N nodes never allow N times the limit. The address is the one Tomcat
 * resolved, which honours forwarded headers only from the configured proxies. Should the
 * database not answer, requests pass (the pages then report the outage themselves) rather
 * than every visitor being refused.
 */
@Slf4j
public class PublicRateLimit extends OncePerRequestFilter {

	private final ProxyManager<String> buckets;

	private final int capacity;

	private final BucketConfiguration configuration;

	public PublicRateLimit(ProxyManager<String> buckets, int capacity, int perSecond) {
		this.buckets = buckets;
		this.capacity = capacity;
		this.configuration = capacity <= 0 ? null : BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(capacity).refillGreedy(Math.max(1, perSecond), Duration.ofSeconds(1)))
			.build();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (capacity <= 0) {
			chain.doFilter(request, response);
			return;
		}
		ConsumptionProbe probe;
		try {
			probe = buckets.builder()
				.build(request.getRemoteAddr(), () -> configuration)
				.tryConsumeAndReturnRemaining(1);
		}
		catch (RuntimeException ex) {
			log.warn("Rate limit not checked (the database did not answer): {}", ex.getMessage());
			chain.doFilter(request, response);
			return;
		}
		if (!probe.isConsumed()) {
			long wait = Math.max(1, (long) Math.ceil(probe.getNanosToWaitForRefill() / 1e9));
			response.setStatus(429);
			response.setHeader("Retry-After", String.valueOf(wait));
			response.setContentType("text/plain;charset=UTF-8");
			response.getWriter().write("请求过于频繁，请 " + wait + " 秒后再试。Too many requests: try again in " + wait + " s.");
			return;
		}
		chain.doFilter(request, response);
	}

}
