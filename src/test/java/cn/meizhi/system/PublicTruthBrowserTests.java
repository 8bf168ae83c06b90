package cn.meizhi.system;

import java.util.List;

import cn.meizhi.inspection.InspectionFixtures;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionStatus;
import cn.meizhi.rating.Rating;
import cn.meizhi.rating.RatingFixtures;
import cn.meizhi.support.Browser;
import cn.meizhi.support.BrowserJourney;
import cn.meizhi.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * What a person sees in a real (headless) Chromium on the demo data: a certificate that
 * stops holding the moment the licence is suspended, error pages in words for an unknown
 * address whoever asks, the language switch keeping a search, a navigation that fits a
 * laptop and registers that stay readable on a phone. Every page is also checked against
 * WCAG 2.1 AA by axe-core ({@link BrowserJourney}).
 * <p>
 * Needs Debian's {@code chromium} and {@code chromium-driver}; skipped without them
 * except on CI.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "meizhi.demo.enabled=true")
@EnabledIf(value = Browser.AVAILABLE_OR_REQUIRED, disabledReason = Browser.NOT_INSTALLED)
class PublicTruthBrowserTests extends BrowserJourney {

	private static final String DEMO_PASSWORD = "meizhi-demo";

	@Autowired
	InspectionFixtures inspections;

	@Autowired
	RatingFixtures ratings;

	@Autowired
	InstitutionManagement institutions;

	@Override
	protected String logName() {
		return "public-truth";
	}

	@Test
	void aSuspendedLicenceVoidsTheCertificateOnTheVerificationPageAndTheProfileAtOnce() throws Exception {
		try {
			Rating rating = this.ratings.published(this.inspections.submitted());
			String no = rating.getCertificateNo();
			this.browser.open("/verify/" + no);
			assertThat(this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict"))).getText())
				.contains("证书 " + no + " 有效。");

			this.institutions.changeStatus(Fixtures.regulator("330100"), rating.getInstitutionId(),
					InstitutionStatus.SUSPENDED, "停业整顿");
			this.browser.open("/verify/" + no);
			assertThat(this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict"))).getText())
				.contains("目前无效：该机构已被暂停执业");
			this.browser.open("/institutions/" + rating.getInstitutionId());
			assertThat(
					this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rating-warning"))).getText())
				.contains("注意：该机构已被暂停执业");
		}
		catch (RuntimeException | AssertionError ex) {
			this.browser.saveEvidence("public-truth-licence");
			throw ex;
		}
	}

	@Test
	void anUnknownAddressIsPageNotFoundInWordsForTheAnonymousAndTheSignedIn() throws Exception {
		try {
			for (String lang : List.of("zh-CN", "en")) {
				this.browser.open("/no-such-page?lang=" + lang);
				String page = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("main")))
					.getText();
				assertThat(page).contains("404")
					.contains(lang.equals("en") ? "Page not found" : "页面不存在")
					.doesNotContain("??");
			}
			this.browser.open("/no-such-page?lang=zh-CN");
			signIn("regulator", DEMO_PASSWORD, ".*/regulator$");
			for (String path : List.of("/no-such-page", "/regulator/no-such-page", "/admin/users")) {
				this.browser.open(path);
				String page = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("main")))
					.getText();
				assertThat(page).as(path).doesNotContain("??");
				assertThat(page).as(path).contains(path.startsWith("/admin") ? "403" : "404");
			}
		}
		catch (RuntimeException | AssertionError ex) {
			this.browser.saveEvidence("public-truth-errors");
			throw ex;
		}
	}

	@Test
	void theLanguageSwitchKeepsTheSearch() throws Exception {
		try {
			this.browser.open("/institutions?q=美容");
			this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("results")));
			this.browser.click(this.driver.findElement(By.cssSelector("header a[lang='en']")));
			this.wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
			assertThat(this.driver.findElement(By.id("result-count")).getText()).endsWith("institutions found");
			assertThat(this.driver.findElements(By.cssSelector("#results li"))).isNotEmpty();
			assertThat(this.driver.findElement(By.id("q")).getDomProperty("value")).isEqualTo("美容");
		}
		catch (RuntimeException | AssertionError ex) {
			this.browser.saveEvidence("public-truth-language");
			throw ex;
		}
	}

	@Test
	void theNavigationFitsALaptopAndRegistersStayReadableOnAPhone() throws Exception {
		try {
			this.driver.manage().window().setSize(new Dimension(1366, 768));
			signIn("regulator", DEMO_PASSWORD, ".*/regulator$");
			for (WebElement link : this.driver.findElements(By.cssSelector("header .navbar-nav .nav-link"))) {
				if (!link.isDisplayed()) {
					continue;
				}
				assertThat(lines(link)).as("navigation item '%s' at 1366 px", link.getText()).isEqualTo(1);
			}

			this.driver.manage().window().setSize(new Dimension(360, 740));
			this.browser.open("/regulator/institutions");
			WebElement register = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("institutions")));
			for (WebElement cell : register.findElements(By.cssSelector("tbody tr:first-child td"))) {
				assertThat(lines(cell)).as("register cell '%s' on a phone", cell.getText()).isLessThanOrEqualTo(2);
			}
			assertNoSidewaysScroll();
			String profile = this.driver.findElement(By.cssSelector("#institutions tbody a")).getDomAttribute("href");
			this.browser.open("/institutions?q=美容&certifiedOnly=true");
			this.browser.click(
					this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#results li h2 a"))));
			WebElement history = this.wait
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("rating-history")));
			for (WebElement cell : history.findElements(By.cssSelector("tbody tr:first-child td"))) {
				assertThat(lines(cell)).as("history cell '%s' on a phone", cell.getText()).isLessThanOrEqualTo(2);
			}
			assertNoSidewaysScroll();
			assertThat(profile).isNotBlank();
		}
		catch (RuntimeException | AssertionError ex) {
			this.browser.saveEvidence("public-truth-widths");
			throw ex;
		}
	}

	@Test
	void swaggerUiShowsTheDescribedApiWithoutAnyContentSecurityPolicyRefusal() throws Exception {
		try {
			this.browser.open("/swagger-ui.html");
			WebElement title = this.wait
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".swagger-ui .info .title")));
			assertThat(title.getText()).contains("Meizhi");
			this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".swagger-ui .opblock")));
			var console = this.driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll();
			assertThat(console).extracting(org.openqa.selenium.logging.LogEntry::getMessage)
				.noneMatch(message -> message.contains("Content Security Policy")
						|| message.contains("Content-Security-Policy"));
		}
		catch (RuntimeException | AssertionError ex) {
			this.browser.saveEvidence("public-truth-swagger");
			throw ex;
		}
	}

	/** How many lines of text an element takes. */
	private long lines(WebElement element) {
		return (Long) ((JavascriptExecutor) this.driver).executeScript(
				"""
						const style = getComputedStyle(arguments[0]);
						const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
						const inner = arguments[0].clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
						return Math.max(1, Math.round(inner / line));""",
				element);
	}

}
