package cn.meizhi.institution;

import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import cn.meizhi.support.BrowserWaits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * A regulator registers an institution in a real (headless) Chromium: a credit code with a wrong check
 * character is rejected with the typed values kept, the corrected form is saved, and the new
 * institution is found by the list search.
 * <p>
 * Needs Debian's {@code chromium} and {@code chromium-driver} packages. Without them the test is
 * skipped, except when {@code CI=true}: there it runs and fails, so that CI never passes silently
 * without the browser test.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "meizhi.demo.enabled=true")
@EnabledIf(value = "browserAvailableOrRequired",
		disabledReason = "No /usr/bin/chromium or /usr/bin/chromedriver (apt-get install chromium chromium-driver)")
class InstitutionBrowserTests {

	static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final SecureRandom RANDOM = new SecureRandom();

	@LocalServerPort
	int port;

	private WebDriver driver;

	private WebDriverWait wait;

	private Path profile;

	/** Runs when the browser is installed, and always on CI (where a missing browser must fail). */
	static boolean browserAvailableOrRequired() {
		return runningOnCi() || (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER));
	}

	private static boolean runningOnCi() {
		return "true".equalsIgnoreCase(System.getenv("CI"));
	}

	@BeforeEach
	void startBrowser() throws IOException {
		assertThat(Files.isExecutable(CHROMIUM)).as("%s is installed (CI=%s)", CHROMIUM, System.getenv("CI")).isTrue();
		assertThat(Files.isExecutable(CHROMEDRIVER)).as("%s is installed (CI=%s)", CHROMEDRIVER, System.getenv("CI"))
			.isTrue();
		this.profile = Files.createTempDirectory("meizhi-chromium-");
		Path logDir = Files.createDirectories(Paths.get("target", "browser-tests"));
		var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.withLogFile(logDir.resolve("chromedriver.log").toFile())
			.build();
		var options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,900", "--user-data-dir=" + this.profile.toAbsolutePath(),
				// Bootstrap scrolls smoothly unless reduced motion is asked for; a click on an element
				// being scrolled to would then land on whatever was under the pointer before.
				"--force-prefers-reduced-motion");
		this.driver = new ChromeDriver(service, options);
		this.wait = new WebDriverWait(this.driver, WAIT);
	}

	@AfterEach
	void stopBrowser() throws IOException {
		try {
			if (this.driver != null) {
				this.driver.quit();
			}
		}
		finally {
			this.driver = null;
			deleteRecursively(this.profile);
		}
	}

	@Test
	void regulatorRegistersAnInstitutionAfterCorrectingTheCreditCode() throws IOException {
		String suffix = randomAlphanumeric(6);
		String name = "杭州浏览器测试医疗美容诊所" + suffix;
		String licence = "PDY" + randomAlphanumeric(10);
		String first17 = "91330102MA" + randomFrom(UnifiedSocialCreditCode.ALPHABET, 7);
		char check = UnifiedSocialCreditCode.checkCharacter(first17);
		String validCode = first17 + check;
		String wrongCode = first17 + otherThan(check);
		try {
			signIn("regulator", "meizhi-demo");

			open("/regulator/institutions/new");
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
			click(dermatology);
			assertThat(dermatology.isSelected()).isTrue();
			new Select(this.driver.findElement(By.id("surgeryLevel"))).selectByValue("1");
			assertThat(this.driver.findElement(By.id("beds")).getDomProperty("value")).isEqualTo("0");
			submit(form);

			WebElement error = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("creditCode-error")));
			assertThat(error.getText()).contains("校验位");
			assertThat(this.driver.findElement(By.id("creditCode")).getDomAttribute("class")).contains("is-invalid");
			assertThat(this.driver.findElement(By.id("name")).getDomProperty("value")).isEqualTo(name);
			assertThat(this.driver.findElement(By.id("creditCode")).getDomProperty("value")).isEqualTo(wrongCode);
			assertThat(this.driver.findElement(By.cssSelector("input[name='departments'][value='AESTHETIC_DERMATOLOGY']"))
				.isSelected()).isTrue();

			form = this.driver.findElement(By.id("institution-form"));
			type("creditCode", validCode);
			submit(form);

			this.wait.until(ExpectedConditions.urlMatches("/regulator/institutions/\\d+$"));
			assertThat(this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText())
				.isEqualTo(name);
			assertThat(this.driver.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("机构已登记。");

			String part = "浏览器测试医疗美容诊所" + suffix;
			open("/regulator/institutions?q=" + URLEncoder.encode(part, StandardCharsets.UTF_8));
			WebElement table = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("institutions")));
			assertThat(table.findElements(By.cssSelector("tbody tr td:first-child a")))
				.extracting(WebElement::getText)
				.containsExactly(name);
			assertThat(this.driver.findElement(By.id("q")).getDomProperty("value")).isEqualTo(part);
		}
		catch (AssertionError | RuntimeException ex) {
			saveEvidence("regulatorRegistersAnInstitutionAfterCorrectingTheCreditCode");
			throw ex;
		}
	}

	private void signIn(String username, String password) {
		open("/login");
		WebElement form = this.wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[action$='/login']")));
		type("username", username);
		type("password", password);
		submit(form);
		this.wait.until(ExpectedConditions.urlMatches("/regulator$"));
	}

	private void open(String path) {
		this.driver.get("http://localhost:" + this.port + path);
	}

	private void type(String id, String text) {
		WebElement input = this.driver.findElement(By.id(id));
		input.clear();
		input.sendKeys(text);
	}

	/** Scrolls the element to the middle of the window at once, then clicks it when it can be clicked. */
	private void click(WebElement element) {
		((JavascriptExecutor) this.driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		this.wait.until(ExpectedConditions.elementToBeClickable(element)).click();
	}

	/** Clicks the form's submit button and waits until the browser has left the page. */
	private void submit(WebElement form) {
		click(form.findElement(By.cssSelector("button[type='submit']")));
		this.wait.until(BrowserWaits.stalenessOf(form));
	}

	private void saveEvidence(String name) throws IOException {
		if (this.driver == null) {
			return;
		}
		Path dir = Files.createDirectories(Paths.get("target", "browser-tests"));
		Files.writeString(dir.resolve(name + ".html"),
				"<!-- " + this.driver.getCurrentUrl() + " -->\n" + this.driver.getPageSource());
		if (this.driver instanceof TakesScreenshot camera) {
			Files.write(dir.resolve(name + ".png"), camera.getScreenshotAs(OutputType.BYTES));
		}
	}

	private static String randomAlphanumeric(int length) {
		return randomFrom("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", length);
	}

	private static String randomFrom(String alphabet, int length) {
		var text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		return text.toString();
	}

	/** Another character of the credit-code alphabet, so that only the check character is wrong. */
	private static char otherThan(char check) {
		String alphabet = UnifiedSocialCreditCode.ALPHABET;
		return alphabet.charAt((alphabet.indexOf(check) + 1) % alphabet.length());
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (dir == null || !Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
	}

}
