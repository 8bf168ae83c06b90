package cn.meizhi.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import cn.meizhi.inspection.InspectionFixtures;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionStatus;
import cn.meizhi.rating.Rating;
import cn.meizhi.rating.RatingFixtures;
import cn.meizhi.rating.Ratings;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.support.Fixtures;
import cn.meizhi.support.MutableClock;
import cn.meizhi.support.Race;
import cn.meizhi.webhook.internal.WebhookDelivery;
import cn.meizhi.webhook.internal.WebhookDispatcher;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Webhooks against a real HTTP receiver on loopback: deliveries signed so that the
 * receiver's own HMAC check passes, retried after 500s and timeouts with the same event
 * id, given up after a day, never lost when sending stops half-way, sent once when two
 * nodes dispatch at the same moment.
 */
@SpringBootTest(properties = { "meizhi.webhooks.allow-insecure-endpoints=true", "meizhi.webhooks.timeout=PT1S" })
@AutoConfigureMockMvc
class WebhookTests {

	@TestConfiguration
	static class Clocks {

		@Bean
		@Primary
		MutableClock webhookClock() {
			return new MutableClock(LocalDate.now().atStartOfDay(ZoneId.of("Asia/Shanghai")).plusHours(10).toInstant());
		}

	}

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	Webhooks webhooks;

	@Autowired
	WebhookDispatcher dispatcher;

	@Autowired
	RatingFixtures ratingFixtures;

	@Autowired
	InspectionFixtures fixtures;

	@Autowired
	Ratings ratings;

	@Autowired
	InstitutionManagement institutions;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	/**
	 * What the receiver answers next: a status, or (negative) milliseconds to wait before
	 * answering 200.
	 */
	final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

	final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

	final AtomicReference<CountDownLatch> hold = new AtomicReference<>();

	HttpServer receiver;

	Duration moved = Duration.ZERO;

	record Received(String eventId, String type, String signature, String body, Instant at) {
	}

	@BeforeEach
	void startReceiver() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", this::receive);
		receiver.setExecutor(Executors.newCachedThreadPool());
		receiver.start();
		// earlier tests' subscribers stay quiet
		jdbc.update("update webhook_subscriber set active = false");
	}

	@AfterEach
	void stopReceiver() {
		receiver.stop(0);
		clock.advance(moved.negated());
	}

	private void receive(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		received.add(new Received(exchange.getRequestHeaders().getFirst("X-Meizhi-Event-Id"),
				exchange.getRequestHeaders().getFirst("X-Meizhi-Event-Type"),
				exchange.getRequestHeaders().getFirst("X-Meizhi-Signature"), body, Instant.now()));
		Integer answer = answers.poll();
		CountDownLatch latch = hold.get();
		try {
			if (latch != null) {
				latch.await(10, TimeUnit.SECONDS);
			}
			if (answer != null && answer < 0) {
				Thread.sleep(-answer);
				answer = 200;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try {
			exchange.sendResponseHeaders(answer == null ? 204 : answer, -1);
		}
		catch (IOException ex) {
			// the sender gave up waiting
		}
		exchange.close();
	}

	@Test
	void aPublishedRatingIsPushedSignedWithTheSubscribersSecret() throws Exception {
		Webhooks.Registered registered = subscribe(WebhookEventType.RATING_PUBLISHED,
				WebhookEventType.RATING_SUSPENDED);
		assertThat(registered.secret()).startsWith("whsec_").hasSizeGreaterThan(40);

		Rating rating = ratingFixtures.published(fixtures.submitted());
		ratings.suspend(ratingFixtures.regulator(), rating.getId(), "投诉核查期间暂停");
		assertThat(dispatcher.dispatch()).isEqualTo(2);

		assertThat(received).hasSize(2);
		Received published = received.poll();
		assertThat(published.type()).isEqualTo("rating.published");
		// the receiver checks the signature with the secret alone
		String[] parts = published.signature().split(",");
		assertThat(parts[0]).startsWith("t=");
		long timestamp = Long.parseLong(parts[0].substring(2));
		assertThat(Math.abs(timestamp - clock.instant().getEpochSecond())).isLessThan(5);
		assertThat(parts[1]).isEqualTo("v1=" + hmac(registered.secret(), timestamp + "." + published.body()));
		assertThat(parts[1]).isNotEqualTo("v1=" + hmac("another secret", timestamp + "." + published.body()));
		JsonNode body = JSON.readTree(published.body());
		assertThat(body.get("id").asString()).isEqualTo(published.eventId());
		assertThat(body.get("type").asString()).isEqualTo("rating.published");
		assertThat(body.get("institution").get("id").asLong()).isEqualTo(rating.getInstitutionId());
		assertThat(body.get("rating").get("certificateNo").asString()).isEqualTo(rating.getCertificateNo());
		assertThat(body.get("rating").get("stars").asInt()).isEqualTo(rating.getStars());
		assertThat(body.get("rating").get("verifyUrl").asString())
			.isEqualTo("http://localhost/verify/" + rating.getCertificateNo());
		Received suspended = received.poll();
		assertThat(suspended.type()).isEqualTo("rating.suspended");
		assertThat(JSON.readTree(suspended.body()).get("rating").get("status").asString()).isEqualTo("SUSPENDED");
		assertThat(deliveries(registered)).extracting(WebhookDelivery::getStatus)
			.containsOnly(WebhookDelivery.Status.DELIVERED);
		assertThat(dispatcher.dispatch()).isZero();
	}

	@Test
	void onlyTheChangesASubscriberAskedForAndNothingForARefusedChange() throws Exception {
		Webhooks.Registered registered = subscribe(WebhookEventType.INSTITUTION_LICENCE_CHANGED);
		Rating rating = ratingFixtures.published(fixtures.submitted());
		// a change that is refused leaves no delivery behind
		assertThatExceptionOfType(FormRejectedException.class)
			.isThrownBy(() -> ratings.reinstate(ratingFixtures.regulator(), rating.getId(), "not suspended"));
		institutions.changeStatus(InspectionFixtures.REGULATOR, rating.getInstitutionId(), InstitutionStatus.SUSPENDED,
				"执业许可证暂扣");
		dispatcher.dispatch();

		assertThat(received).singleElement().satisfies(r -> {
			assertThat(r.type()).isEqualTo("institution.licence_changed");
			JsonNode institution = JSON.readTree(r.body()).get("institution");
			assertThat(institution.get("licenceStatus").asString()).isEqualTo("SUSPENDED");
			assertThat(institution.get("previousLicenceStatus").asString()).isEqualTo("ACTIVE");
		});
		assertThat(deliveries(registered)).hasSize(1);
	}

	@Test
	void aFailingEndpointIsRetriedWithBackoffAndTheSameEventIdUntilItAnswers() throws Exception {
		Webhooks.Registered registered = subscribe(WebhookEventType.RATING_PUBLISHED);
		answers.add(500);
		answers.add(-3000);
		ratingFixtures.published(fixtures.submitted());

		dispatcher.dispatch();
		WebhookDelivery first = deliveries(registered).get(0);
		assertThat(first.getStatus()).isEqualTo(WebhookDelivery.Status.PENDING);
		assertThat(first.getLastStatus()).isEqualTo(500);
		assertThat(first.getNextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
		assertThat(dispatcher.dispatch()).as("not due before its backoff").isZero();

		move(Duration.ofMinutes(1));
		dispatcher.dispatch();
		WebhookDelivery second = deliveries(registered).get(0);
		assertThat(second.getAttempts()).isEqualTo(2);
		assertThat(second.getLastError()).contains("HttpTimeoutException");
		assertThat(second.getNextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));

		move(Duration.ofMinutes(2));
		dispatcher.dispatch();
		WebhookDelivery third = deliveries(registered).get(0);
		assertThat(third.getStatus()).isEqualTo(WebhookDelivery.Status.DELIVERED);
		assertThat(third.getAttempts()).isEqualTo(3);
		assertThat(received).hasSize(3).extracting(Received::eventId).containsOnly(third.getEventId().toString());
	}

	@Test
	void aDayOfFailuresGivesUpAndTheAdministratorMaySendAgain() throws Exception {
		Webhooks.Registered registered = subscribe(WebhookEventType.RATING_PUBLISHED);
		for (int i = 0; i < 60; i++) {
			answers.add(503);
		}
		ratingFixtures.published(fixtures.submitted());
		for (int hour = 0; hour < 26; hour++) {
			dispatcher.dispatch();
			move(Duration.ofHours(1));
		}
		WebhookDelivery given = deliveries(registered).get(0);
		assertThat(given.getStatus()).isEqualTo(WebhookDelivery.Status.FAILED);
		int attempts = given.getAttempts();
		assertThat(attempts).isBetween(20, 30);
		dispatcher.dispatch();
		assertThat(deliveries(registered).get(0).getAttempts()).isEqualTo(attempts);

		answers.clear();
		long id = registered.subscriber().getId();
		mvc.perform(get("/admin/webhooks/" + id).with(user(Fixtures.principal(Fixtures.admin()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已放弃")))
			.andExpect(content().string(containsString("HTTP 503")));
		mvc.perform(post("/admin/webhooks/" + id + "/deliveries/" + given.getId() + "/send-again")
			.with(user(Fixtures.principal(Fixtures.admin())))
			.with(csrf())).andExpect(status().is3xxRedirection());
		dispatcher.dispatch();
		assertThat(deliveries(registered).get(0).getStatus()).isEqualTo(WebhookDelivery.Status.DELIVERED);
		assertThat(received).extracting(Received::eventId).containsOnly(given.getEventId().toString());
	}

	@Test
	void nothingIsLostWhenSendingStopsHalfWayAndTwoNodesSendEachChangeOnce() throws Exception {
		Webhooks.Registered registered = subscribe(WebhookEventType.RATING_PUBLISHED);
		for (int i = 0; i < 3; i++) {
			ratingFixtures.published(fixtures.submitted());
		}
		// the node sending stops while the receiver holds the first request
		CountDownLatch latch = new CountDownLatch(1);
		hold.set(latch);
		Thread node = new Thread(dispatcher::dispatch);
		node.start();
		while (received.isEmpty()) {
			Thread.sleep(20);
		}
		node.interrupt();
		node.join(5000);
		hold.set(null);
		latch.countDown();
		assertThat(deliveries(registered)).extracting(WebhookDelivery::getStatus)
			.containsOnly(WebhookDelivery.Status.PENDING);

		// two nodes' dispatchers fire at the same moment once the backoff has passed
		move(Duration.ofMinutes(2));
		List<Object> runs = Race.run(List.of(dispatcher::dispatch, dispatcher::dispatch));
		assertThat(runs).noneMatch(r -> r instanceof Exception);
		assertThat(deliveries(registered)).hasSize(3)
			.extracting(WebhookDelivery::getStatus)
			.containsOnly(WebhookDelivery.Status.DELIVERED);
		Map<String, Long> perEvent = received.stream()
			.collect(Collectors.groupingBy(Received::eventId, Collectors.counting()));
		assertThat(perEvent).hasSize(3);
		// the one cut off was sent again with its id; the others once each
		assertThat(perEvent.values()).containsExactlyInAnyOrder(2L, 1L, 1L);
	}

	@Test
	void theAdministratorRegistersWithClearMessagesAndOthersSeeNothing() throws Exception {
		var admin = user(Fixtures.principal(Fixtures.admin()));
		mvc.perform(post("/admin/webhooks").with(admin)
			.with(csrf())
			.param("name", "杭州消费者应用")
			.param("endpointUrl", "ftp://example.cn/hook")
			.param("contact", "ops@example.cn"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请填写完整的接收地址")))
			.andExpect(content().string(containsString("请至少选择一种变化。")))
			.andExpect(content().string(containsString("value=\"杭州消费者应用\"")))
			.andExpect(content().string(containsString("value=\"ops@example.cn\"")));
		mvc.perform(post("/admin/webhooks").with(admin)
			.with(csrf())
			.param("name", "杭州消费者应用")
			.param("endpointUrl", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")
			.param("eventTypes", "RATING_PUBLISHED", "RATING_REVOKED"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("whsec_")));
		// the administrator's act is in the audit trail, the secret is not
		assertThat(jdbc.queryForList(
				"select details from audit_event where action = 'WEBHOOK_SUBSCRIBER_REGISTERED' and summary = '杭州消费者应用'",
				String.class))
			.isNotEmpty()
			.allSatisfy(details -> assertThat(details).contains("rating.published").doesNotContain("whsec_"));

		CurrentUser regulator = Fixtures.regulator("330100");
		CurrentUser clinic = Fixtures.clinic(1);
		for (CurrentUser outsider : List.of(regulator, clinic)) {
			assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> webhooks.list(outsider));
			mvc.perform(get("/admin/webhooks").with(user(Fixtures.principal(outsider))))
				.andExpect(status().isForbidden());
		}
		mvc.perform(get("/admin/webhooks")).andExpect(status().is3xxRedirection());
	}

	private Webhooks.Registered subscribe(WebhookEventType... types) {
		var form = new SubscriberForm();
		form.setName(Fixtures.unique("订阅方"));
		form.setEndpointUrl("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
		form.setEventTypes(EnumSet.copyOf(List.of(types)));
		return webhooks.register(Fixtures.admin(), form);
	}

	private List<WebhookDelivery> deliveries(Webhooks.Registered registered) {
		return webhooks.deliveries(Fixtures.admin(), registered.subscriber().getId(), 0).getContent();
	}

	private void move(Duration by) {
		clock.advance(by);
		moved = moved.plus(by);
	}

	private static String hmac(String secret, String text) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
	}

}
