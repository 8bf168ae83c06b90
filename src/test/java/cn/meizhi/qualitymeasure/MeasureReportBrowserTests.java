package cn.meizhi.qualitymeasure;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.stream.Collectors;

import cn.meizhi.account.internal.UserAccount;
import cn.meizhi.institution.Institution;
import cn.meizhi.shared.Role;
import cn.meizhi.support.Browser;
import cn.meizhi.support.BrowserJourney;
import cn.meizhi.support.Fixtures;
import cn.meizhi.support.MutableClock;
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
 * A quarter's quality measures in a real (headless) Chromium, on a clock fixed at
 * 2026-10-20: a clinic downloads the period's template, fills it in, uploads it, is told
 * which row is wrong, fixes it and submits; the regulator sees the district's funnel plot
 * with its outlier; the public profile shows the measure with the district median.
 * <p>
 * Needs Debian's {@code chromium} and {@code chromium-driver}; skipped without them
 * except on CI.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@EnabledIf(value = Browser.AVAILABLE_OR_REQUIRED, disabledReason = Browser.NOT_INSTALLED)
class MeasureReportBrowserTests extends BrowserJourney {

	@TestConfiguration
	static class Clocks {

		@Bean
		@Primary
		MutableClock reportingBrowserClock() {
			return new MutableClock(LocalDateTime.of(2026, 10, 20, 10, 0).atZone(MeasureReportTests.ZONE).toInstant());
		}

	}

	@Autowired
	MeasureSets sets;

	@Autowired
	MeasureReports reports;

	@Autowired
	Fixtures fixtures;

	@Override
	protected String logName() {
		return "quality-measures";
	}

	@Test
	void aClinicReportsAQuarterFromTheTemplateAndEveryoneSeesItInItsPlace() throws Exception {
		var imported = sets.importJson(MeasureReportTests.REGULATOR,
				new ByteArrayInputStream(MeasureReportTests.SET.getBytes(StandardCharsets.UTF_8)));
		sets.publish(MeasureReportTests.REGULATOR, imported.set().getId());
		// four other institutions of the district submitted; one has far more
		// complications
		submitted(4, 100);
		submitted(6, 120);
		Institution outlier = submitted(27, 100);
		submitted(5, 90);
		Institution own = fixtures.institution("330102");
		UserAccount clinic = fixtures.account(Role.CLINIC, null, own.getId());
		UserAccount regulator = fixtures.account(Role.REGULATOR, "330100", null);
		Path file = Files.createTempFile("quality-measures-", ".csv");
		try {
			// 1. The clinic opens the late quarter and downloads its template
			signIn(clinic.getUsername(), Fixtures.PASSWORD);
			this.browser.open("/clinic/quality-measures");
			WebElement row = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("period-2026-Q3")));
			assertThat(row.getText()).contains("逾期");
			this.browser.click(row.findElement(By.cssSelector("a")));
			String template = download(
					this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("template-csv")))
						.getAttribute("href"));
			assertThat(template).contains("T1,手术并发症发生率,RATE_PERCENT,,");

			// 2. It fills it in with the complaints the wrong way round and uploads it
			Files.writeString(file, filled(template, "1200", "3"), StandardCharsets.UTF_8);
			upload(file);
			assertThat(
					this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-problems"))).getText())
				.contains("第 3 行（T2 投诉率）：分子（1200）不能大于分母（3）");

			// 3. Fixed, uploaded again, and submitted
			Files.writeString(file, filled(template, "3", "1200"), StandardCharsets.UTF_8);
			upload(file);
			assertThat(flash()).isEqualTo("文件已读入草稿，请核对后提交。");
			assertThat(this.driver.findElement(By.id("n-T1")).getAttribute("value")).isEqualTo("5");
			this.browser.click(this.driver.findElement(By.id("submit-report")));
			assertThat(flash()).isEqualTo("已提交，本期上报已锁定。");
			assertThat(this.driver.findElement(By.id("report-state")).getText()).isEqualTo("已提交");
			assertThat(this.driver.findElement(By.id("report-history")).getText()).contains("第 1 次提交");
			signOut();

			// 4. The regulator sees the district's funnel plot and its outlier
			signIn(regulator.getUsername(), Fixtures.PASSWORD);
			this.browser.open("/regulator/quality-measures/benchmarks?period=2026-Q3&measure=T1&region=330102");
			this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("funnel-plot")));
			// the dots within the limits are one path, those beyond a limit named circles
			assertThat(this.driver.findElements(By.cssSelector("#funnel-plot path.mz-within"))).hasSize(1);
			assertThat(this.driver.findElements(By.cssSelector("#funnel-plot circle.mz-outlier"))).hasSize(1);
			assertThat(this.driver.findElement(By.id("outliers")).getText()).contains(outlier.getName());
			assertThat(this.driver.findElement(By.id("entry-" + outlier.getId())).getText())
				.contains("显著偏高（超出 99.8% 限）");
			signOut();

			// 5. The public profile shows the measure against the district median
			this.browser.open("/institutions/" + own.getId());
			String measure = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("public-measure-T1")))
				.getText();
			// 5 of 100 operations; the district's five values 4, 5, 5, 5.56, 27: median 5
			assertThat(measure).contains("手术并发症发生率").contains("5");
			assertThat(this.driver.findElements(By.id("public-measure-T3"))).isEmpty();
		}
		catch (RuntimeException | AssertionError ex) {
			this.browser.saveEvidence("quality-measures-failure");
			throw ex;
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/** An institution of 上城区 that submitted 2026-Q3 with these complications. */
	private Institution submitted(int complications, int operations) {
		Institution institution = fixtures.institution("330102");
		MeasureValuesForm values = new MeasureValuesForm();
		values.getNumerator()
			.putAll(java.util.Map.of("T1", String.valueOf(complications), "T2", "2", "T3", "1", "T4", "3"));
		values.getDenominator().putAll(java.util.Map.of("T1", String.valueOf(operations), "T2", "900"));
		values.setConfirmOutliers(true);
		reports.save(Fixtures.clinic(institution.getId()), "2026-Q3", values, true);
		return institution;
	}

	/** The template with 5 of 100 complications, the complaints given and the rest. */
	private static String filled(String template, String complaints, String visits) {
		return template.replace("T1,手术并发症发生率,RATE_PERCENT,,", "T1,手术并发症发生率,RATE_PERCENT,5,100")
			.replace("T2,投诉率,PER_THOUSAND,,", "T2,投诉率,PER_THOUSAND," + complaints + "," + visits)
			.replace("T3,不良事件报告例数,COUNT,,", "T3,不良事件报告例数,COUNT,2,")
			.replace("T4,平均住院日,DAYS,,", "T4,平均住院日,DAYS,2.5,");
	}

	private void upload(Path file) {
		WebElement form = this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload-form")));
		form.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		this.browser.submit(form);
	}

	/** What the link gives the signed-in browser (its session cookie), as text. */
	private String download(String url) throws Exception {
		String cookies = this.driver.manage()
			.getCookies()
			.stream()
			.map(c -> c.getName() + "=" + c.getValue())
			.collect(Collectors.joining("; "));
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				value -> assertThat(value).contains("attachment").contains("quality-measures-2026-Q3.csv"));
		return new String(response.body(), StandardCharsets.UTF_8);
	}

}
