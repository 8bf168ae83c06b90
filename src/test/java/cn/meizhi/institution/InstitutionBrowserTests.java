package cn.meizhi.institution;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import cn.meizhi.support.Browser;
import cn.meizhi.support.BrowserJourney;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * A regulator registers an institution in a real (headless) Chromium: a credit code with
 * a wrong check character is rejected with the typed values kept, the corrected form is
 * saved, and the new institution is found by the list search.
 * <p>
 * Needs Debian's {@code chromium} and {@code chromium-driver} packages. Without them the
 * test is skipped, except when {@code CI=true}: there it runs and fails, so that CI never
 * passes silently without the browser test.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "meizhi.demo.enabled=true")
@EnabledIf(value = Browser.AVAILABLE_OR_REQUIRED, disabledReason = Browser.NOT_INSTALLED)
class InstitutionBrowserTests extends BrowserJourney {

	@Override
	protected String logName() {
		return "institution";
	}

	@Test
	void regulatorRegistersAnInstitutionAfterCorrectingTheCreditCode() throws IOException {
		String suffix = Browser.randomAlphanumeric(6);
		String name = "杭州浏览器测试医疗美容诊所" + suffix;
		String licence = "PDY" + Browser.randomAlphanumeric(10);
		String first17 = "91330102MA" + Browser.randomFrom(UnifiedSocialCreditCode.ALPHABET, 7);
		char check = UnifiedSocialCreditCode.checkCharacter(first17);
		String validCode = first17 + check;
		String wrongCode = first17 + otherThan(check);
		try {
			signIn("regulator", "meizhi-demo", "/regulator$");

			this.browser.open("/regulator/institutions/new");
			WebElement form = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("institution-form")));
			type("name", name);
			type("creditCode", wrongCode);
			type("licenceNumber", licence);
			new Select(this.driver.findElement(By.id("type"))).selectByValue("AESTHETIC_CLINIC");
			type("legalRepresentative", "张浏览");
			new Select(this.driver.findElement(By.id("regionCode"))).selectByValue("330102");
			type("address", "杭州市上城区解放路 100 号");
			WebElement dermatology = this.driver
				.findElement(By.cssSelector("input[name='departments'][value='AESTHETIC_DERMATOLOGY']"));
			this.browser.click(dermatology);
			assertThat(dermatology.isSelected()).isTrue();
			new Select(this.driver.findElement(By.id("surgeryLevel"))).selectByValue("1");
			assertThat(this.driver.findElement(By.id("beds")).getDomProperty("value")).isEqualTo("0");
			this.browser.submit(form);

			WebElement error = this.wait
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("creditCode-error")));
			assertThat(error.getText()).contains("校验位");
			assertThat(this.driver.findElement(By.id("creditCode")).getDomAttribute("class")).contains("is-invalid");
			assertThat(this.driver.findElement(By.id("name")).getDomProperty("value")).isEqualTo(name);
			assertThat(this.driver.findElement(By.id("creditCode")).getDomProperty("value")).isEqualTo(wrongCode);
			assertThat(
					this.driver.findElement(By.cssSelector("input[name='departments'][value='AESTHETIC_DERMATOLOGY']"))
						.isSelected())
				.isTrue();

			form = this.driver.findElement(By.id("institution-form"));
			type("creditCode", validCode);
			this.browser.submit(form);

			this.wait.until(ExpectedConditions.urlMatches("/regulator/institutions/\\d+$"));
			assertThat(this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText())
				.isEqualTo(name);
			assertThat(this.driver.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("机构已登记。");

			String part = "浏览器测试医疗美容诊所" + suffix;
			this.browser.open("/regulator/institutions?q=" + URLEncoder.encode(part, StandardCharsets.UTF_8));
			WebElement table = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("institutions")));
			assertThat(table.findElements(By.cssSelector("tbody tr td:first-child a"))).extracting(WebElement::getText)
				.containsExactly(name);
			assertThat(this.driver.findElement(By.id("q")).getDomProperty("value")).isEqualTo(part);
		}
		catch (AssertionError | RuntimeException ex) {
			this.browser.saveEvidence("regulatorRegistersAnInstitutionAfterCorrectingTheCreditCode");
			throw ex;
		}
	}

	private void type(String id, String text) {
		WebElement input = this.driver.findElement(By.id(id));
		input.clear();
		input.sendKeys(text);
	}

	/**
	 * Another character of the credit-code alphabet, so that only the check character is
	 * wrong.
	 */
	private static char otherThan(char check) {
		String alphabet = UnifiedSocialCreditCode.ALPHABET;
		return alphabet.charAt((alphabet.indexOf(check) + 1) % alphabet.length());
	}

}
