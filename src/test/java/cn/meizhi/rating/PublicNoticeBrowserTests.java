package cn.meizhi.rating;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

import cn.meizhi.account.internal.UserAccount;
import cn.meizhi.cycle.CycleManagement;
import cn.meizhi.inspection.InspectionFixtures;
import cn.meizhi.inspection.InspectionFixtures.Team;
import cn.meizhi.shared.Role;
import cn.meizhi.support.Browser;
import cn.meizhi.support.BrowserJourney;
import cn.meizhi.support.Fixtures;
import cn.meizhi.support.MutableClock;
import cn.meizhi.webhook.SubscriberForm;
import cn.meizhi.webhook.WebhookEventType;
import cn.meizhi.webhook.Webhooks;
import cn.meizhi.webhook.internal.WebhookDispatcher;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * A rating through public notice (公示), in a real (headless) Chromium: a regulator
 * approves it onto the notice; a citizen finds it on /notices and objects; after the
 * notice has ended the regulator dismisses the objection, which publishes the rating at
 * once; a subscriber's endpoint receives it; the notice says how it ended.
 * <p>
 * Needs Debian's {@code chromium} and {@code chromium-driver}; skipped without them
 * except on CI.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "meizhi.webhooks.allow-insecure-endpoints=true")
@EnabledIf(value = Browser.AVAILABLE_OR_REQUIRED, disabledReason = Browser.NOT_INSTALLED)
class PublicNoticeBrowserTests extends BrowserJourney {

	@TestConfiguration
	static class Clocks {

		@Bean
		@Primary
		MutableClock noticeBrowserClock() {
			return new MutableClock(LocalDate.now().atStartOfDay(ZoneId.of("Asia/Shanghai")).plusHours(10).toInstant());
		}

	}

	@Autowired
	InspectionFixtures inspections;

	@Autowired
	Fixtures accounts;

	@Autowired
	Ratings ratings;

	@Autowired
	CycleManagement cycles;

	@Autowired
	Webhooks webhooks;

	@Autowired
	WebhookDispatcher dispatcher;

	@Autowired
	MutableClock clock;

	@Override
	protected String logName() {
		return "notice";
	}

	@Test
	void aRatingGoesThroughPublicNoticeACitizenObjectsAndTheSubscriberIsToldWhenItTakesEffect() throws Exception {
		ConcurrentLinkedQueue<String> pushed = new ConcurrentLinkedQueue<>();
		HttpServer endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		endpoint.createContext("/hook", exchange -> {
			pushed.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		endpoint.setExecutor(Executors.newSingleThreadExecutor());
		endpoint.start();
		Duration moved = Duration.ZERO;
		try {
			var form = new SubscriberForm();
			form.setName(Fixtures.unique("城市消费者应用"));
			form.setEndpointUrl("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hook");
			form.setEventTypes(EnumSet.of(WebhookEventType.RATING_PUBLISHED));
			webhooks.register(Fixtures.admin(), form);

			Team team = inspections.submitted();
			String institution = team.institution().getName();
			cycles.changeNoticePeriod(InspectionFixtures.REGULATOR, team.inspection().getCycleId(), 3);
			Rating proposal = ratings.propose(team.lead(), team.id(), null, null);
			ratings.accept(team.clinic(), proposal.getId());
			UserAccount regulator = accounts.account(Role.REGULATOR, "330100", null);
			String grounds = "浏览器测试：评审当天借用了外院麻醉医师 " + Browser.randomAlphanumeric(6);

			// 1. The regulator approves: the rating goes on public notice, no certificate
			// yet
			signIn(regulator.getUsername(), Fixtures.PASSWORD);
			this.browser.open("/regulator/ratings/" + proposal.getId());
			this.browser.submit(this.wait.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector("#decision form[action$='/approve']"))));
			assertThat(flash()).startsWith("已审批，进入公示，公示至");
			assertThat(this.driver.findElement(By.id("rating-summary")).getText()).contains("公示中");
			assertThat(this.driver.findElements(By.id("certificate-link"))).isEmpty();
			signOut();

			// 2. A citizen finds it among the notices and objects, without an account
			this.browser.open("/notices");
			WebElement row = this.wait.until(ExpectedConditions.visibilityOfElementLocated(
					By.xpath("//table[@id='notices']//tr[td[contains(., '" + institution + "')]]")));
			this.browser.click(row.findElement(By.cssSelector("a[href$='/notices/" + proposal.getId() + "']")));
			WebElement objection = this.wait
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("objection-form")));
			type(objection.findElement(By.id("grounds")), grounds);
			this.browser.submit(objection);
			assertThat(flash()).startsWith("异议已提交，编号 YY-");
			assertThat(this.driver.findElement(By.id("notice-objections")).getText()).contains("待处理 1 件");

			// 3. The notice ends; the regulator dismisses the objection in writing, and
			// the rating takes effect at once
			clock.advance(Duration.ofDays(4));
			moved = moved.plusDays(4);
			signIn(regulator.getUsername(), Fixtures.PASSWORD);
			this.browser.open("/regulator/ratings/" + proposal.getId());
			WebElement card = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("objections")));
			assertThat(card.getText()).contains(grounds);
			WebElement answer = card.findElement(By.cssSelector("form[action$='/answer']"));
			this.browser.click(answer.findElement(By.cssSelector("input[value='DISMISSED']")));
			type(answer.findElement(By.cssSelector("textarea[name='answer']")), "浏览器测试：经核实，该院有常驻麻醉医师，异议不成立。");
			this.browser.submit(answer);
			assertThat(flash()).isEqualTo("异议已处理。");
			String summary = this.driver.findElement(By.id("rating-summary")).getText();
			assertThat(summary).contains("已发布");
			String certificate = this.driver.findElement(By.id("certificate-link")).getAttribute("href");
			String certificateNo = certificate.substring(certificate.lastIndexOf('/') + 1);
			signOut();

			// 4. The subscriber's endpoint is told, with the certificate
			dispatcher.dispatch();
			assertThat(pushed).singleElement()
				.satisfies(body -> assertThat(body).contains("\"type\":\"rating.published\"")
					.contains("\"certificateNo\":\"" + certificateNo + "\""));

			// 5. The notice says how it ended, and leads to the profile
			this.browser.open("/notices/" + proposal.getId());
			assertThat(this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice-state"))).getText())
				.contains("公示已结束，评定已生效");
			assertThat(this.driver.findElement(By.id("notice-objections")).getText()).contains("不成立 1 件");
			assertThat(this.driver.findElements(By.id("objection-form"))).isEmpty();
		}
		catch (RuntimeException | AssertionError ex) {
			this.browser.saveEvidence("notice-failure");
			throw ex;
		}
		finally {
			clock.advance(moved.negated());
			endpoint.stop(0);
		}
	}

}
