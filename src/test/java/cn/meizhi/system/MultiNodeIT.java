package cn.meizhi.system;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.meizhi.MeizhiApplication;
import cn.meizhi.rating.Ratings;
import cn.meizhi.standard.StandardAuthoring;
import cn.meizhi.standard.StandardManagement;
import cn.meizhi.standard.VersionStatus;
import cn.meizhi.support.Fixtures;
import cn.meizhi.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes (two application contexts on random ports) over one database, as behind a
 * load balancer: a session and its form token made on one work on the other; what one
 * node changes, the other shows within a second on every public face; jobs run once; the
 * rate limit is one limit; forwarded headers from an untrusted peer change nothing; nodes
 * started together on an empty database both start.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiNodeIT {

	/** The rate limit of both nodes: a burst of this many, one more per second. */
	private static final int CAPACITY = 30;

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	private static JdbcTemplate jdbc;

	@BeforeAll
	static void twoNodes() throws Exception {
		String database = "meizhi_multinode_" + ProcessHandle.current().pid();
		// the first node loads the demo data; the second starts once it is loaded, as a
		// rolling start would
		a = node(database, Map.of());
		b = node(database, Map.of());
		jdbc = new JdbcTemplate(a.getBean(javax.sql.DataSource.class));
	}

	@AfterAll
	static void stop() {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
	}

	private static ConfigurableApplicationContext node(String database, Map<String, Object> more) {
		Map<String, Object> properties = new java.util.HashMap<>(Map.of(TestDatabase.SHARED_DATABASE, database,
				"server.port", "0", "meizhi.demo.enabled", "true", "meizhi.public-url", "https://meizhi.example.gov.cn",
				"meizhi.rate-limit.capacity", String.valueOf(CAPACITY), "meizhi.rate-limit.per-second", "1",
				"spring.datasource.hikari.maximum-pool-size", "6", "meizhi.ratings.expiry-cron", "-"));
		properties.putAll(Map.of("meizhi.webhooks.allow-insecure-endpoints", "true", "meizhi.webhooks.timeout", "PT2S",
				"meizhi.webhooks.lock-at-most-for", "PT4S"));
		properties.putAll(more);
		// as command-line arguments: they win over the test configuration files
		return new SpringApplicationBuilder(MeizhiApplication.class).run(
				properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
	}

	private static String url(ConfigurableApplicationContext node, String path) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) node).getWebServer().getPort() + path;
	}

	@Test
	@Order(1)
	void aSessionAndItsFormTokenMadeOnOneNodeWorkOnTheOther() throws Exception {
		var browser = new Browser();
		browser.signIn(a, "regulator");
		HttpResponse<String> home = browser.get(url(b, "/regulator"));
		assertThat(home.statusCode()).as("signed in on B with A's session").isEqualTo(200);
		assertThat(home.body()).contains("action=\"/logout\"");

		// a form token taken from a page of A is accepted by B
		String token = csrf(browser.get(url(a, "/regulator")).body());
		HttpResponse<String> logout = browser.post(url(b, "/logout"), Map.of("_csrf", token));
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
		HttpResponse<String> signedOut = browser.get(url(a, "/regulator"));
		assertThat(signedOut.statusCode()).as("signed out on A too").isEqualTo(302);
		assertThat(signedOut.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	@Test
	@Order(2)
	void aSuspensionThroughOneNodeShowsOnEveryPublicFaceOfTheOtherWithinASecond() throws Exception {
		Map<String, Object> rating = jdbc.queryForMap("""
				select r.id, r.institution_id, r.certificate_no, r.stars, i.name, i.region_code from rating r
				join institution i on i.id = r.institution_id
				where r.status = 'PUBLISHED' and r.valid_until >= current_date and i.status = 'ACTIVE'
				order by r.id limit 1""");
		long institution = ((Number) rating.get("institution_id")).longValue();
		String certificate = (String) rating.get("certificate_no");
		String name = (String) rating.get("name");
		var browser = new Browser();
		String search = "/api/public/institutions?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
		assertThat(browser.get(url(a, search)).body()).contains("\"ratingStatus\":\"CERTIFIED\"");
		String before = browser.get(url(a, "/")).body();
		// a browser that keeps the profile and revalidates it (HTTP caching): 304 while
		// nothing changed
		String etag = browser.get(url(a, "/institutions/" + institution)).headers().firstValue("ETag").orElseThrow();
		assertThat(browser.send(revalidate(url(a, "/institutions/" + institution), etag)).statusCode()).isEqualTo(304);

		b.getBean(Ratings.class)
			.suspend(Fixtures.regulator(((String) rating.get("region_code")).substring(0, 4) + "00"),
					((Number) rating.get("id")).longValue(), "多节点测试：暂停");

		await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
			assertThat(browser.get(url(a, search)).body()).doesNotContain("\"ratingStatus\":\"CERTIFIED\"")
				.contains("\"ratingStatus\":\"SUSPENDED\"");
			assertThat(browser.get(url(a, "/institutions?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8))).body())
				.contains("mz-directory-SUSPENDED");
			assertThat(browser.get(url(a, "/institutions/" + institution)).body()).contains("mz-directory-SUSPENDED");
			assertThat(browser.get(url(a, "/api/public/institutions/" + institution)).body()).contains("SUSPENDED");
			assertThat(browser.get(url(a, "/verify/" + certificate)).body()).contains("alert-danger")
				.doesNotContain("alert-success");
			assertThat(browser.get(url(a, "/badge/" + certificate + ".svg")).body()).doesNotContain("#1f2a44");
			assertThat(browser.get(url(a, "/")).body()).as("the certified counts").isNotEqualTo(before);
			var revalidated = browser.send(revalidate(url(a, "/institutions/" + institution), etag));
			assertThat(revalidated.statusCode()).as("the kept profile is no longer current").isEqualTo(200);
			assertThat(revalidated.body()).contains("mz-directory-SUSPENDED");
		});
	}

	@Test
	@Order(3)
	void aStandardRetiredOnOneNodeIsRetiredOnTheOther() throws Exception {
		long version = jdbc.queryForObject(
				"select id from standard_version where status = 'PUBLISHED' order by id limit 1", Long.class);
		StandardManagement onA = a.getBean(StandardManagement.class);
		assertThat(onA.publicVersion(version).getStatus()).isEqualTo(VersionStatus.PUBLISHED);

		b.getBean(StandardAuthoring.class).retire(Fixtures.admin(), version);

		assertThat(onA.publicVersion(version).getStatus()).isEqualTo(VersionStatus.RETIRED);
		assertThat(new Browser().get(url(a, "/standards/" + version)).body()).contains("mz-version-RETIRED");
	}

	@Test
	@Order(4)
	void theRateLimitIsOneLimitAcrossBothNodes() throws Exception {
		// from an address of its own (127.0.0.3), so the limit meets no other test's
		// requests
		long started = System.nanoTime();
		int passed = 0;
		int refused = 0;
		for (int i = 0; i < 3 * CAPACITY; i++) {
			int status = statusFrom("127.0.0.3", i % 2 == 0 ? a : b, "/standards");
			passed += status == 200 ? 1 : 0;
			refused += status == 429 ? 1 : 0;
		}
		long seconds = (System.nanoTime() - started) / 1_000_000_000L + 1;
		assertThat(refused).isPositive();
		assertThat(passed).as("one bucket of " + CAPACITY + " refilled at 1/s for " + seconds + " s")
			.isBetween(CAPACITY, CAPACITY + (int) seconds);
	}

	@Test
	@Order(5)
	void aForgedForwardedForFromAnUntrustedPeerDoesNotChangeTheAuditedAddress() throws Exception {
		var browser = new Browser();
		String token = csrf(browser.get(url(a, "/login")).body());
		HttpResponse<String> failed = browser.send(HttpRequest.newBuilder(URI.create(url(a, "/login")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Forwarded-For", "6.6.6.6")
			.header("X-Forwarded-Proto", "https")
			.POST(HttpRequest.BodyPublishers
				.ofString(form(Map.of("username", "regulator", "password", "wrong-password", "_csrf", token))))
			.build());
		assertThat(failed.statusCode()).isEqualTo(302);
		assertThat(failed.headers().firstValue("Location").orElseThrow()).as("no https taken from the header")
			.doesNotStartWith("https://");
		List<String> addresses = jdbc.queryForList(
				"select client_ip from audit_event where action = 'LOGIN_FAILED' order by id desc limit 1",
				String.class);
		assertThat(addresses).hasSize(1);
		assertThat(addresses.get(0)).isNotEqualTo("6.6.6.6").isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
	}

	@Test
	@Order(6)
	void theExpiryJobFiringOnBothNodesRunsOnce() throws Exception {
		List<Long> due = jdbc.queryForList("""
				update rating set valid_until = current_date - 1 where id in (
				    select id from rating where status = 'PUBLISHED' order by id limit 3)
				returning id""", Long.class);
		assertThat(due).hasSize(3);
		long auditsBefore = jdbc.queryForObject("select count(*) from audit_event where action = 'RATING_EXPIRED'",
				Long.class);
		Object jobA = a.getBean("ratingExpiryJob");
		Object jobB = b.getBean("ratingExpiryJob");
		ExecutorService both = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> runs = both
				.invokeAll(List.<Callable<Integer>>of(() -> expire(jobA), () -> expire(jobB)));
			int expired = 0;
			for (var run : runs) {
				Integer count = run.get();
				expired += count == null ? 0 : count;
			}
			assertThat(expired).as("expired by both runs together").isEqualTo(3);
		}
		finally {
			both.shutdown();
		}
		assertThat(jdbc.queryForObject(
				"select count(*) from rating_transition where to_status = 'EXPIRED'" + " and rating_id = any(?)",
				Long.class, (Object) due.toArray(Long[]::new)))
			.isEqualTo(3);
		assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'RATING_EXPIRED'", Long.class))
			.as("one set of audit rows")
			.isEqualTo(auditsBefore + 3);
	}

	/**
	 * Node A dies while a subscriber's endpoint holds A's first delivery; once A's lock
	 * has lapsed, node B sends every change: none lost, each under one id (the one cut
	 * off arrives again with its id, which the receiver de-duplicates on).
	 */
	@Test
	@Order(8)
	void webhookDeliveriesSurviveTheSendingNodesDeath() throws Exception {
		var received = new java.util.concurrent.ConcurrentLinkedQueue<String>();
		var hold = new java.util.concurrent.CountDownLatch(1);
		var receiver = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", exchange -> {
			exchange.getRequestBody().readAllBytes();
			received.add(exchange.getRequestHeaders().getFirst("X-Meizhi-Event-Id"));
			try {
				hold.await(10, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			try {
				exchange.sendResponseHeaders(204, -1);
			}
			catch (java.io.IOException ex) {
				// the sender is gone
			}
			exchange.close();
		});
		receiver.setExecutor(Executors.newCachedThreadPool());
		receiver.start();
		JdbcTemplate onB = new JdbcTemplate(b.getBean(javax.sql.DataSource.class));
		try {
			var form = new cn.meizhi.webhook.SubscriberForm();
			form.setName("多节点测试订阅方");
			form.setEndpointUrl("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
			form.setEventTypes(java.util.EnumSet.of(cn.meizhi.webhook.WebhookEventType.RATING_SUSPENDED));
			long subscriber = b.getBean(cn.meizhi.webhook.Webhooks.class)
				.register(Fixtures.admin(), form)
				.subscriber()
				.getId();
			List<Long> ratings = onB.queryForList(
					"""
							select id from rating where status = 'PUBLISHED' and region_code like '3301%' order by id limit 3""",
					Long.class);
			assertThat(ratings).hasSize(3);
			for (long rating : ratings) {
				b.getBean(Ratings.class).suspend(Fixtures.regulator("330100"), rating, "多节点推送测试");
			}

			// A starts sending and dies while the endpoint holds its first request
			Object dispatcherA = a.getBean("webhookDispatcher");
			Thread sending = new Thread(() -> {
				try {
					dispatcherA.getClass().getMethod("dispatch").invoke(dispatcherA);
				}
				catch (ReflectiveOperationException | RuntimeException ex) {
					// the node is gone under it
				}
			});
			sending.start();
			long waited = System.nanoTime();
			while (received.isEmpty() && System.nanoTime() - waited < 10_000_000_000L) {
				Thread.sleep(20);
			}
			assertThat(received).hasSize(1);
			a.close();
			hold.countDown();
			sending.join(10_000);

			// B sends once A's lock has lapsed
			Object dispatcherB = b.getBean("webhookDispatcher");
			long until = System.nanoTime() + 20_000_000_000L;
			while (onB.queryForObject(
					"select count(*) from webhook_delivery where subscriber_id = ? and status <> 'DELIVERED'",
					Long.class, subscriber) > 0 && System.nanoTime() < until) {
				dispatcherB.getClass().getMethod("dispatch").invoke(dispatcherB);
				Thread.sleep(500);
			}
			List<String> ids = onB.queryForList(
					"select event_id::text from webhook_delivery where subscriber_id = ? and status = 'DELIVERED'",
					String.class, subscriber);
			assertThat(ids).as("every change delivered").hasSize(3).doesNotHaveDuplicates();
			assertThat(java.util.Set.copyOf(received)).as("one id per change").containsExactlyInAnyOrderElementsOf(ids);
			assertThat(received).as("only the delivery cut off by the death arrives twice").hasSizeBetween(3, 4);
		}
		finally {
			receiver.stop(0);
		}
	}

	@Test
	@Order(7)
	void twoNodesStartingTogetherOnAnEmptyDatabaseWithTheFirstAdminBothStart() throws Exception {
		String database = "meizhi_multinode_empty_" + ProcessHandle.current().pid();
		Map<String, Object> bootstrap = Map.of("meizhi.demo.enabled", "false", "meizhi.bootstrap.admin-username",
				"first-admin", "meizhi.bootstrap.admin-password", "a-long-first-password");
		ExecutorService both = Executors.newFixedThreadPool(2);
		List<ConfigurableApplicationContext> started = new ArrayList<>();
		try {
			List<Future<ConfigurableApplicationContext>> nodes = both
				.invokeAll(List.<Callable<ConfigurableApplicationContext>>of(() -> node(database, bootstrap),
						() -> node(database, bootstrap)));
			for (var node : nodes) {
				started.add(node.get());
			}
			assertThat(started).allMatch(ConfigurableApplicationContext::isActive);
			assertThat(new JdbcTemplate(started.get(0).getBean(javax.sql.DataSource.class))
				.queryForObject("select count(*) from user_account where role = 'ADMIN'", Long.class)).isEqualTo(1);
		}
		finally {
			started.forEach(ConfigurableApplicationContext::close);
			both.shutdown();
		}
	}

	private static Integer expire(Object job) throws Exception {
		var method = job.getClass().getMethod("expireDueRatings");
		return (Integer) method.invoke(job);
	}

	/**
	 * The status of a GET sent from a given local address (a client of its own to the
	 * rate limit).
	 */
	private static int statusFrom(String localAddress, ConfigurableApplicationContext node, String path)
			throws Exception {
		int port = ((WebServerApplicationContext) node).getWebServer().getPort();
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(localAddress, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String status = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
			return Integer.parseInt(status.split(" ")[1]);
		}
	}

	private static String csrf(String html) {
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(token.find()).as("a form token in the page").isTrue();
		return token.group(1);
	}

	private static String form(Map<String, String> fields) {
		return String.join("&",
				fields.entrySet()
					.stream()
					.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
					.toList());
	}

	private static HttpRequest revalidate(String url, String etag) {
		return HttpRequest.newBuilder(URI.create(url)).header("If-None-Match", etag).GET().build();
	}

	/** A browser: cookies kept, redirects not followed. */
	private static final class Browser {

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		HttpResponse<String> get(String url) throws Exception {
			return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
		}

		HttpResponse<String> post(String url, Map<String, String> fields) throws Exception {
			return send(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form(fields)))
				.build());
		}

		HttpResponse<String> send(HttpRequest request) throws Exception {
			return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

		void signIn(ConfigurableApplicationContext node, String username) throws Exception {
			String token = csrf(get(url(node, "/login")).body());
			HttpResponse<String> signedIn = post(url(node, "/login"),
					Map.of("username", username, "password", "meizhi-demo", "_csrf", token));
			assertThat(signedIn.statusCode()).isEqualTo(302);
			assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/home");
		}

	}

}
