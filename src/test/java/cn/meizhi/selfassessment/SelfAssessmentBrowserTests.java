package cn.meizhi.selfassessment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.meizhi.support.Browser;
import cn.meizhi.support.BrowserJourney;
import cn.meizhi.support.BrowserWaits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * The demo clinic completes and submits its half-filled self-assessment in a real
 * (headless) Chromium: opens it from its home page, answers a missing indicator and finds
 * the answer again after leaving, answers every remaining indicator section by section,
 * uploads a real PDF as evidence and sees a disguised HTML file refused while the scores
 * are kept, submits, and finds the self-assessment read-only; the district regulator then
 * sees the institution as submitted in the cycle's list.
 * <p>
 * This test changes shared demo data: afterwards the demo clinic's self-assessment of the
 * open cycle is submitted.
 * <p>
 * Needs Debian's {@code chromium} and {@code chromium-driver} packages. Without them the
 * test is skipped, except when {@code CI=true}: there it runs and fails, so that CI never
 * passes silently without the browser test.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "meizhi.demo.enabled=true")
@EnabledIf(value = Browser.AVAILABLE_OR_REQUIRED, disabledReason = Browser.NOT_INSTALLED)
class SelfAssessmentBrowserTests extends BrowserJourney {

	private static final Pattern OVERVIEW_URL = Pattern.compile("/clinic/self-assessments/(\\d+)$");

	private static final Pattern SECTION_HREF = Pattern
		.compile("/clinic/self-assessments/\\d+/sections/([^/?#]+)(?:#indicator-(\\d+))?$");

	private static final String SAVE_SECTION = "保存本部分";

	@Value("${meizhi.time-zone}")
	String timeZone;

	private Path uploads;

	@BeforeEach
	void uploadsDirectory() throws IOException {
		this.uploads = Files.createTempDirectory("meizhi-uploads-");
	}

	@AfterEach
	void deleteUploads() throws IOException {
		Browser.deleteRecursively(this.uploads);
	}

	@Override
	protected String logName() {
		return "self-assessment";
	}

	@Test
	void clinicCompletesAndSubmitsItsSelfAssessmentThatTheDistrictRegulatorSeesAsSubmitted() throws IOException {
		String cycleName = LocalDate.now(ZoneId.of(this.timeZone)).getYear() + " 年度上城区医疗美容机构星级评价";
		String comment = "浏览器测试说明：制度文件见附件 " + Browser.randomAlphanumeric(6);
		Path pdf = this.uploads.resolve("practice-licence.pdf");
		Files.write(pdf, minimalPdf());
		Path fake = this.uploads.resolve("fake.pdf");
		Files.writeString(fake, "<html><script>alert(1)</script></html>", StandardCharsets.UTF_8);
		try {
			// 1. The clinic opens the open cycle's self-assessment from its home page.
			signIn("clinic", "meizhi-demo", "/clinic$");
			String institutionName = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")))
				.getText();
			assertThat(institutionName).isNotBlank();
			WebElement task = taskOf(cycleName);
			assertThat(task.findElement(By.cssSelector(".mz-status")).getText()).isEqualTo("填写中");
			WebElement open = task.findElement(By.cssSelector("a.btn"));
			assertThat(open.getText()).isEqualTo("打开自评");
			this.browser.click(open);
			this.wait.until(ExpectedConditions.urlMatches(OVERVIEW_URL.pattern()));
			String overviewUrl = this.driver.getCurrentUrl();
			assertThat(this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText())
				.isEqualTo("自评：" + cycleName);
			assertThat(statusBadge()).isEqualTo("填写中");
			Map<String, String> sectionUrls = sectionUrls();
			assertThat(sectionUrls).isNotEmpty();

			// 2. Answer one missing indicator, with a comment, and save its section.
			WebElement missing = this.driver.findElement(By.cssSelector("#missing a"));
			Matcher link = SECTION_HREF.matcher(missing.getDomProperty("href"));
			assertThat(link.find()).as("missing-indicator link %s", missing.getDomProperty("href")).isTrue();
			String sectionCode = link.group(1);
			String indicatorId = link.group(2);
			assertThat(indicatorId).as("indicator anchor of %s", missing.getDomProperty("href")).isNotNull();
			this.browser.click(missing);
			this.wait.until(ExpectedConditions.urlContains("/sections/" + sectionCode));
			WebElement select = this.wait
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("value-" + indicatorId)));
			assertThat(select.getDomProperty("value")).isEmpty();
			String score = chooseFirstScore(select);
			assertThat(score).isNotEmpty().isNotEqualTo("NA");
			WebElement commentBox = this.driver.findElement(By.id("comment-" + indicatorId));
			commentBox.clear();
			commentBox.sendKeys(comment);
			saveSection();
			assertThat(flash()).startsWith("已保存");
			String sectionUrl = sectionUrls.get(sectionCode);
			assertThat(this.driver.getCurrentUrl()).isEqualTo(sectionUrl);

			// 3. Leave, come back: the answer is still there.
			this.browser.open("/clinic");
			this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tasks")));
			this.driver.get(sectionUrl);
			select = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("value-" + indicatorId)));
			assertThat(new Select(select).getFirstSelectedOption().getDomProperty("value")).isEqualTo(score);
			assertThat(this.driver.findElement(By.id("comment-" + indicatorId)).getDomProperty("value"))
				.isEqualTo(comment);

			// 4. Answer everything else, section by section; one section also gets
			// evidence.
			boolean evidenceTried = false;
			for (Map.Entry<String, String> section : sectionUrls.entrySet()) {
				this.driver.get(section.getValue());
				WebElement form = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("section-form")));
				List<WebElement> files = form.findElements(By.cssSelector("input[type='file'][name^='evidence-']"));
				List<String> answered = answerEverything(form);
				if (evidenceTried || files.isEmpty()) {
					saveSection();
					assertThat(flash()).as("section %s", section.getKey()).startsWith("已保存");
					assertThat(this.driver.findElements(By.cssSelector("select[name^='values['].is-invalid")))
						.isEmpty();
					continue;
				}
				evidenceTried = true;
				String goodIndicator = files.get(0).getDomAttribute("name").substring("evidence-".length());
				String badIndicator = files.get(files.size() - 1)
					.getDomAttribute("name")
					.substring("evidence-".length());

				// A disguised HTML page is refused on its own, while the scores sent with
				// it are kept.
				files.get(files.size() - 1).sendKeys(fake.toAbsolutePath().toString());
				saveSection();
				WebElement problems = this.wait
					.until(ExpectedConditions.visibilityOfElementLocated(By.id("file-problems")));
				assertThat(problems.getText()).contains("fake.pdf").contains("已拒收");
				assertThat(flash()).isEqualTo("评分和说明已保存，但有文件未被接收，见上方说明。");
				this.driver.get(section.getValue());
				form = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("section-form")));
				assertThat(enabledScoreValues(form)).as("section %s after the refused file", section.getKey())
					.containsExactlyElementsOf(answered)
					.doesNotContain("");
				assertThat(evidenceLinks(badIndicator)).doesNotContain("fake.pdf");

				// A real PDF is kept and listed as a link.
				form.findElement(By.id("evidence-" + goodIndicator)).sendKeys(pdf.toAbsolutePath().toString());
				saveSection();
				assertThat(flash()).startsWith("已保存");
				assertThat(evidenceLinks(goodIndicator)).containsExactly("practice-licence.pdf");
				WebElement download = this.driver
					.findElement(By.cssSelector("#indicator-" + goodIndicator + " a[href*='/evidence/']"));
				assertThat(download.getDomProperty("href")).contains("/clinic/self-assessments/");
			}
			assertThat(evidenceTried).as("some section takes evidence").isTrue();

			// 5. Submit: the self-assessment becomes read-only.
			this.driver.get(overviewUrl);
			this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("summary")));
			assertThat(this.driver.findElements(By.id("missing"))).isEmpty();
			WebElement submit = this.driver.findElement(By.cssSelector("form[action$='/submit']"));
			assertThat(submit.findElement(By.cssSelector("button[type='submit']")).getText()).isEqualTo("提交自评");
			this.browser.submit(submit);
			this.wait.until(ExpectedConditions.urlToBe(overviewUrl));
			assertThat(flash()).isEqualTo("自评已提交。");
			assertThat(statusBadge()).isEqualTo("已提交");
			assertThat(this.driver.findElements(By.cssSelector("form[action$='/submit']"))).isEmpty();

			this.driver.get(sectionUrl);
			this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("section-form")));
			assertThat(this.driver.findElements(By.xpath("//button[normalize-space()='" + SAVE_SECTION + "']")))
				.isEmpty();
			assertThat(this.driver.findElement(By.cssSelector(".alert-info[role='status']")).getText())
				.isEqualTo("此自评目前不可修改。");
			select = this.driver.findElement(By.id("value-" + indicatorId));
			assertThat(select.isEnabled()).isFalse();
			assertThat(new Select(select).getFirstSelectedOption().getDomProperty("value")).isEqualTo(score);
			assertThat(this.driver.findElements(By.cssSelector("input[type='file']"))).isEmpty();

			// 6. The district regulator sees the institution as submitted.
			signOut();
			signIn("regulator-sc", "meizhi-demo", "/regulator$");
			this.browser.open("/regulator/cycles");
			WebElement cycles = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cycles")));
			this.browser.click(cycles.findElement(By.linkText(cycleName)));
			this.wait.until(ExpectedConditions.urlMatches("/regulator/cycles/\\d+$"));
			WebElement rows = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("self-assessments")));
			WebElement row = rowOf(rows, institutionName);
			assertThat(row.findElement(By.cssSelector(".mz-status")).getText()).isEqualTo("已提交");
		}
		catch (AssertionError | RuntimeException ex) {
			this.browser
				.saveEvidence("clinicCompletesAndSubmitsItsSelfAssessmentThatTheDistrictRegulatorSeesAsSubmitted");
			throw ex;
		}
	}

	private static void type(WebElement form, String id, String text) {
		WebElement input = form.findElement(By.id(id));
		input.clear();
		input.sendKeys(text);
	}

	/** The clinic home page's task for the named cycle. */
	private WebElement taskOf(String cycleName) {
		WebElement tasks = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tasks")));
		List<WebElement> matching = tasks.findElements(By.cssSelector(".mz-indicator"))
			.stream()
			.filter(t -> t.findElement(By.tagName("strong")).getText().equals(cycleName))
			.toList();
		assertThat(matching).as("tasks for %s", cycleName).hasSize(1);
		return matching.get(0);
	}

	/**
	 * The overview's links to the sections, by section code, in page order (without
	 * fragments).
	 */
	private Map<String, String> sectionUrls() {
		Map<String, String> urls = new LinkedHashMap<>();
		for (WebElement a : this.driver.findElements(By.cssSelector("#summary tbody a"))) {
			String href = a.getDomProperty("href");
			Matcher matcher = SECTION_HREF.matcher(href);
			assertThat(matcher.find()).as("section link %s", href).isTrue();
			urls.put(matcher.group(1), href);
		}
		return urls;
	}

	/** Selects the first real option (the maximum score) and returns its value. */
	private String chooseFirstScore(WebElement select) {
		this.browser.scrollIntoView(select);
		Select choice = new Select(select);
		String value = choice.getOptions().get(1).getDomProperty("value");
		choice.selectByValue(value);
		return value;
	}

	/**
	 * Gives every enabled, still unanswered score select of the form its first real
	 * option and returns the values of all enabled score selects, in page order.
	 */
	private List<String> answerEverything(WebElement form) {
		List<String> values = new ArrayList<>();
		for (WebElement select : form.findElements(By.cssSelector("select[name^='values[']"))) {
			if (!select.isEnabled()) {
				continue;
			}
			String value = select.getDomProperty("value");
			if (value == null || value.isEmpty()) {
				value = chooseFirstScore(select);
			}
			values.add(value);
		}
		return values;
	}

	private static List<String> enabledScoreValues(WebElement form) {
		return form.findElements(By.cssSelector("select[name^='values[']"))
			.stream()
			.filter(WebElement::isEnabled)
			.map(s -> s.getDomProperty("value"))
			.toList();
	}

	private List<String> evidenceLinks(String indicatorId) {
		return this.driver.findElements(By.cssSelector("#indicator-" + indicatorId + " a[href*='/evidence/']"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	/**
	 * Clicks "保存本部分" (not the first submit button: evidence delete buttons come earlier).
	 */
	private void saveSection() {
		WebElement form = this.driver.findElement(By.id("section-form"));
		this.browser.click(
				form.findElement(By.xpath(".//button[@type='submit' and normalize-space()='" + SAVE_SECTION + "']")));
		this.wait.until(BrowserWaits.stalenessOf(form));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("section-form")));
	}

	private String statusBadge() {
		return this.driver.findElement(By.cssSelector("h1 + p .mz-status")).getText();
	}

	private static WebElement rowOf(WebElement table, String institutionName) {
		List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"))
			.stream()
			.filter(r -> r.findElement(By.cssSelector("td:first-child")).getText().equals(institutionName))
			.toList();
		assertThat(rows).as("rows of %s", institutionName).hasSize(1);
		return rows.get(0);
	}

	/** A tiny but well-formed one-page PDF. */
	private static byte[] minimalPdf() {
		String[] objects = { "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>" };
		var pdf = new StringBuilder("%PDF-1.4\n");
		List<Integer> offsets = new ArrayList<>();
		for (int i = 0; i < objects.length; i++) {
			offsets.add(pdf.length());
			pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
		}
		int xref = pdf.length();
		pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
		offsets.forEach(offset -> pdf.append(String.format("%010d 00000 n \n", offset)));
		pdf.append("trailer\n<< /Size ")
			.append(objects.length + 1)
			.append(" /Root 1 0 R >>\nstartxref\n")
			.append(xref)
			.append("\n%%EOF\n");
		return pdf.toString().getBytes(StandardCharsets.US_ASCII);
	}

}
