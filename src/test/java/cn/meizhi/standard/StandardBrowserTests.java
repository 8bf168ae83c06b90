package cn.meizhi.standard;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.meizhi.support.Browser;
import cn.meizhi.support.BrowserJourney;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * A regulator authors and publishes an evaluation standard in a real (headless) Chromium:
 * creates a standard with its first draft, adds a section and a core indicator (a maximum
 * score that is not a whole number of steps is rejected with the typed values kept, then
 * corrected), publishes the draft, and finds it on the public standard page.
 * <p>
 * Needs Debian's {@code chromium} and {@code chromium-driver} packages. Without them the
 * test is skipped, except when {@code CI=true}: there it runs and fails, so that CI never
 * passes silently without the browser test.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "meizhi.demo.enabled=true")
@EnabledIf(value = Browser.AVAILABLE_OR_REQUIRED, disabledReason = Browser.NOT_INSTALLED)
class StandardBrowserTests extends BrowserJourney {

	private static final Pattern VERSION_URL = Pattern.compile("/regulator/standards/versions/(\\d+)(?:[?#].*)?$");

	@Override
	protected String logName() {
		return "standard";
	}

	@Test
	void regulatorAuthorsAndPublishesAStandardThatThePublicCanRead() throws IOException {
		String suffix = Browser.randomAlphanumeric(6);
		String name = "浏览器测试标准" + suffix;
		String title = "持有有效的医疗机构执业许可证" + suffix;
		try {
			signIn("regulator", "meizhi-demo", "/regulator$");

			// A new standard with its first draft.
			this.browser.open("/regulator/standards");
			WebElement form = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-standard")));
			type(form, "name", name);
			type(form, "nameEn", "Browser test standard " + suffix);
			type(form, "versionLabel", "2026 试行版");
			this.browser.submit(form);

			this.wait.until(ExpectedConditions.urlMatches(VERSION_URL.pattern()));
			long versionId = versionIdFromUrl();
			assertThat(this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText())
				.isEqualTo(name);
			assertThat(this.driver.findElement(By.cssSelector(".alert-success")).getText())
				.isEqualTo("评价标准已创建，请完善草稿版本。");
			assertThat(this.driver.findElement(By.cssSelector("h1 + p .mz-status")).getText()).isEqualTo("草稿");

			// A section.
			form = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("section-form")));
			type(form, "code", "S1");
			type(form, "name", "依法执业");
			type(form, "nameEn", "Lawful practice");
			type(form, "weight", "100");
			this.browser.submit(form);

			WebElement section = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("section-S1")));
			assertThat(section.findElement(By.tagName("h3")).getText()).contains("S1").contains("依法执业");
			assertThat(this.driver.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("部分已添加。");

			// An indicator of that section: first with a maximum that is not a whole
			// number of steps.
			this.browser.click(section.findElement(By.linkText("添加条款")));
			form = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("indicator-form")));
			assertThat(this.driver.getCurrentUrl())
				.contains("/regulator/standards/versions/" + versionId + "/indicators/new");
			assertThat(selectedSectionText(form)).isEqualTo("S1 依法执业");
			type(form, "code", "1.1");
			type(form, "title", title);
			type(form, "titleEn", "Holds a valid practice licence " + suffix);
			type(form, "guidance", "查看执业许可证正本及副本，核对有效期和诊疗科目。");
			type(form, "guidanceEn", "Check the licence and its copy, its validity and its listed departments.");
			WebElement documentReview = methodCheckbox(form, "DOCUMENT_REVIEW");
			this.browser.click(documentReview);
			assertThat(documentReview.isSelected()).isTrue();
			type(form, "maxScore", "5.2");
			type(form, "scoreStep", "0.5");
			WebElement core = coreCheckbox(form);
			this.browser.click(core);
			assertThat(core.isSelected()).isTrue();
			this.browser.submit(form);

			WebElement error = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("maxScore-error")));
			assertThat(error.getText()).contains("整数倍");
			form = this.driver.findElement(By.id("indicator-form"));
			assertThat(form.findElement(By.id("maxScore")).getDomAttribute("class")).contains("is-invalid");
			assertThat(form.findElement(By.id("maxScore")).getDomProperty("value")).isEqualTo("5.2");
			assertThat(form.findElement(By.id("title")).getDomProperty("value")).isEqualTo(title);
			assertThat(form.findElement(By.id("code")).getDomProperty("value")).isEqualTo("1.1");
			assertThat(selectedSectionText(form)).isEqualTo("S1 依法执业");
			assertThat(methodCheckbox(form, "DOCUMENT_REVIEW").isSelected()).isTrue();
			assertThat(coreCheckbox(form).isSelected()).isTrue();

			type(form, "maxScore", "5");
			this.browser.submit(form);

			this.wait.until(
					ExpectedConditions.urlMatches("/regulator/standards/versions/" + versionId + "#indicator-\\d+$"));
			WebElement indicator = this.wait
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#section-S1 .mz-indicator")));
			assertThat(indicator.findElement(By.tagName("strong")).getText()).isEqualTo(title);
			assertThat(indicator.findElement(By.cssSelector(".mz-core")).getText()).isEqualTo("★ 核心");
			assertThat(this.driver.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("条款已添加。");

			// Publish the draft.
			WebElement publish = this.driver.findElement(By.cssSelector("form[action$='/publish']"));
			this.browser.submit(publish);

			this.wait.until(ExpectedConditions.urlMatches(VERSION_URL.pattern()));
			assertThat(versionIdFromUrl()).isEqualTo(versionId);
			assertThat(this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-success")))
				.getText()).isEqualTo("版本已发布。");
			assertThat(this.driver.findElement(By.cssSelector("h1 + p .mz-status")).getText()).isEqualTo("已发布");
			assertThat(
					this.driver.findElement(By.cssSelector("form[action$='/drafts'] button[type='submit']")).getText())
				.isEqualTo("从此版本新建草稿");
			assertThat(this.driver.findElements(By.cssSelector("form[action$='/publish']"))).isEmpty();
			assertThat(this.driver.findElements(By.id("section-form"))).isEmpty();

			// The public page of the published version.
			this.browser.open("/standards/" + versionId);
			assertThat(this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText())
				.isEqualTo(name);
			assertThat(this.driver.findElement(By.cssSelector("h1 + p .mz-status")).getText()).isEqualTo("已发布");
			assertThat(this.driver.findElement(By.cssSelector("#rules-view h2")).getText()).isEqualTo("评星规则");
			WebElement publicIndicator = this.driver.findElement(By.cssSelector("#section-S1 .mz-indicator"));
			assertThat(publicIndicator.findElement(By.tagName("strong")).getText()).isEqualTo(title);
			assertThat(publicIndicator.findElement(By.cssSelector(".mz-core")).getText()).isEqualTo("★ 核心");
			assertThat(this.driver.findElements(By.cssSelector("#sections a[href*='/regulator/']"))).isEmpty();
		}
		catch (AssertionError | RuntimeException ex) {
			this.browser.saveEvidence("regulatorAuthorsAndPublishesAStandardThatThePublicCanRead");
			throw ex;
		}
	}

	/**
	 * Types into a field of the given form (ids such as {@code name} occur in more than
	 * one form).
	 */
	private void type(WebElement form, String id, String text) {
		WebElement input = form.findElement(By.id(id));
		input.clear();
		input.sendKeys(text);
	}

	private static WebElement methodCheckbox(WebElement form, String method) {
		return form.findElement(By.cssSelector("input[type='checkbox'][name='methods'][value='" + method + "']"));
	}

	private static WebElement coreCheckbox(WebElement form) {
		return form.findElement(By.cssSelector("input[type='checkbox'][name='core']"));
	}

	private static String selectedSectionText(WebElement form) {
		return form.findElement(By.cssSelector("#sectionId option:checked")).getText();
	}

	private long versionIdFromUrl() {
		Matcher matcher = VERSION_URL.matcher(this.driver.getCurrentUrl());
		assertThat(matcher.find()).as("version page URL %s", this.driver.getCurrentUrl()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

}
