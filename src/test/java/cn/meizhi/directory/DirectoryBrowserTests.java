package cn.meizhi.directory;

import cn.meizhi.support.Browser;
import cn.meizhi.support.BrowserJourney;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * A member of the public on a 360 px wide phone, in a real (headless) Chromium, on the
 * demo data: searches the directory for a Chinese fragment of a name from the front page,
 * opens the best-rated result's profile, and checks its certificate on the verification
 * page. No page may scroll sideways.
 * <p>
 * Needs Debian's {@code chromium} and {@code chromium-driver}; skipped without them
 * except on CI.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "meizhi.demo.enabled=true")
@EnabledIf(value = Browser.AVAILABLE_OR_REQUIRED, disabledReason = Browser.NOT_INSTALLED)
class DirectoryBrowserTests extends BrowserJourney {

	@Override
	protected String logName() {
		return "directory";
	}

	@BeforeEach
	void phoneScreen() {
		this.driver.manage().window().setSize(new Dimension(360, 740));
	}

	@Test
	void onAPhoneSomeoneSearchesOpensAProfileAndVerifiesTheCertificate() throws Exception {
		try {
			this.browser.open("/");
			WebElement search = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-search")));
			assertThat(this.driver.findElement(By.id("certified")).getText()).contains("目前持有有效星级证书的机构");
			assertNoSidewaysScroll();
			search.findElement(By.id("home-q")).sendKeys("美容");
			this.browser.submit(search);

			this.wait.until(ExpectedConditions.urlContains("/institutions?"));
			WebElement results = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("results")));
			assertThat(this.driver.findElement(By.id("result-count")).getText()).startsWith("共找到");
			assertNoSidewaysScroll();
			WebElement first = results.findElement(By.cssSelector("li"));
			WebElement link = first.findElement(By.cssSelector("h2 a"));
			String name = link.getText();
			assertThat(name).contains("美容");
			String certificateNo = first.findElement(By.cssSelector("a.font-monospace")).getText();
			assertThat(certificateNo).matches("MZ-\\d{6}-\\d{4}-\\d{6}");
			this.browser.click(link);

			WebElement rating = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-rating")));
			assertThat(this.driver.findElement(By.tagName("h1")).getText()).isEqualTo(name);
			assertThat(rating.getText()).contains(certificateNo).contains("各部分得分率");
			assertThat(this.driver.findElement(By.id("licence")).getText()).contains("统一社会信用代码");
			assertThat(this.driver.findElements(By.id("rating-warning"))).isEmpty();
			assertNoSidewaysScroll();
			this.browser.click(rating.findElement(By.cssSelector("a[href$='/verify/" + certificateNo + "']")));

			WebElement verdict = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict")));
			assertThat(verdict.getText()).contains("证书 " + certificateNo + " 有效。").contains(name);
			assertNoSidewaysScroll();
		}
		catch (RuntimeException | AssertionError ex) {
			this.browser.saveEvidence("directory-failure");
			throw ex;
		}
	}

}
