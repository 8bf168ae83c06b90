package cn.meizhi.system;

import java.util.ArrayList;
import java.util.List;

import cn.meizhi.support.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-address limit on public pages: a burst, then 429 with Retry-After, refilled over time. */
class PublicRateLimitTests {

	private final MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-23T02:00:00Z"));

	@Test
	void aBurstPassesThenTheAddressIsToldWhenToComeBackWhileOthersAreServed() throws Exception {
		PublicRateLimit limit = new PublicRateLimit(5, 1, clock);
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

		clock.advance(java.time.Duration.ofSeconds(2));
		assertThat(fetch(limit, "203.0.113.7").getStatus()).as("refilled").isEqualTo(200);
		assertThat(fetch(limit, "203.0.113.7").getStatus()).isEqualTo(200);
		assertThat(fetch(limit, "203.0.113.7").getStatus()).isEqualTo(429);
	}

	@Test
	void aCapacityOfZeroTurnsTheLimitOff() throws Exception {
		PublicRateLimit off = new PublicRateLimit(0, 1, clock);
		for (int i = 0; i < 50; i++) {
			assertThat(fetch(off, "203.0.113.7").getStatus()).isEqualTo(200);
		}
	}

	private static MockHttpServletResponse fetch(PublicRateLimit limit, String address) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/institutions");
		request.setRemoteAddr(address);
		MockHttpServletResponse response = new MockHttpServletResponse();
		limit.doFilter(request, response, new MockFilterChain());
		return response;
	}

}
