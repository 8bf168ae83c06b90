package cn.meizhi.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import cn.meizhi.support.MutableClock;
import cn.meizhi.support.TestDatabase;
import cn.meizhi.system.internal.PublicRateLimit;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-address limit on public pages: a burst, then 429 with Retry-After, refilled
 * over time; its buckets live in PostgreSQL, so two nodes share one limit.
 */
class PublicRateLimitTests {

	private static final AtomicInteger DATABASES = new AtomicInteger();

	private static DataSource dataSource;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"));

	@BeforeAll
	static void database() throws Exception {
		var server = TestDatabase.server();
		String name = "meizhi_rate_limit_" + DATABASES.incrementAndGet();
		String url = "jdbc:postgresql://" + server.host() + ":" + server.port() + "/";
		try (Connection connection = DriverManager.getConnection(url + "postgres", server.username(),
				server.password()); Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + name);
			statement.execute("create database " + name);
		}
		dataSource = new DriverManagerDataSource(url + name, server.username(), server.password());
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
	}

	@Test
	void aBurstPassesThenTheAddressIsToldWhenToComeBackWhileOthersAreServed() throws Exception {
		PublicRateLimit limit = new PublicRateLimit(buckets(), 5, 1);
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			statuses.add(fetch(limit, "203.0.113.7").getStatus());
		}
		assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 429);
		MockHttpServletResponse refused = fetch(limit, "203.0.113.7");
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
		assertThat(refused.getContentAsString()).contains("请求过于频繁").contains("Too many requests");

		assertThat(fetch(limit, "198.51.100.2").getStatus()).as("another address").isEqualTo(200);

		clock.advance(Duration.ofSeconds(2));
		assertThat(fetch(limit, "203.0.113.7").getStatus()).as("refilled").isEqualTo(200);
		assertThat(fetch(limit, "203.0.113.7").getStatus()).isEqualTo(200);
		assertThat(fetch(limit, "203.0.113.7").getStatus()).isEqualTo(429);
	}

	@Test
	void twoNodesTakeFromOneBucket() throws Exception {
		// two filters with their own proxy managers over one database, as on two nodes
		PublicRateLimit nodeA = new PublicRateLimit(buckets(), 6, 1);
		PublicRateLimit nodeB = new PublicRateLimit(buckets(), 6, 1);
		int passed = 0;
		for (int i = 0; i < 10; i++) {
			passed += fetch(nodeA, "192.0.2.44").getStatus() == 200 ? 1 : 0;
			passed += fetch(nodeB, "192.0.2.44").getStatus() == 200 ? 1 : 0;
		}
		assertThat(passed).as("20 requests through two nodes, capacity 6").isEqualTo(6);
	}

	@Test
	void aCapacityOfZeroTurnsTheLimitOff() throws Exception {
		PublicRateLimit off = new PublicRateLimit(buckets(), 0, 1);
		for (int i = 0; i < 50; i++) {
			assertThat(fetch(off, "203.0.113.99").getStatus()).isEqualTo(200);
		}
	}

	private ProxyManager<String> buckets() {
		TimeMeter time = new TimeMeter() {

			@Override
			public long currentTimeNanos() {
				return clock.millis() * 1_000_000;
			}

			@Override
			public boolean isWallClockBased() {
				return true;
			}

		};
		return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_bucket")
			.clientClock(time)
			.build();
	}

	private static MockHttpServletResponse fetch(PublicRateLimit limit, String address) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/institutions");
		request.setRemoteAddr(address);
		MockHttpServletResponse response = new MockHttpServletResponse();
		limit.doFilter(request, response, new MockFilterChain());
		return response;
	}

}
