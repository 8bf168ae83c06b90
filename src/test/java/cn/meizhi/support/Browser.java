package cn.meizhi.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.events.EventFiringDecorator;
import org.openqa.selenium.support.events.WebDriverListener;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A headless Debian Chromium driven through chromedriver, pointed at the portal under
 * test, with the few moves every browser journey makes. Never downloads a browser: it
 * uses {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} from the
 * {@code chromium} and {@code chromium-driver} packages.
 */
public final class Browser implements AutoCloseable {

	/**
	 * The condition for browser tests: {@code @EnabledIf(Browser.AVAILABLE_OR_REQUIRED)}.
	 */
	public static final String AVAILABLE_OR_REQUIRED = "cn.meizhi.support.Browser#availableOrRequired";

	public static final String NOT_INSTALLED = "No /usr/bin/chromium or /usr/bin/chromedriver (apt-get install chromium chromium-driver)";

	static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");

	private static final Duration WAIT = Duration.ofSeconds(30);

	/** Polled often: a journey may wait for dozens of htmx swaps. */
	private static final Duration POLL = Duration.ofMillis(100);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final WebDriver driver;

	private final AccessibilityAudit audit = new AccessibilityAudit();

	private final WebDriverWait wait;

	private final Path profile;

	private final int port;

	private Browser(WebDriver driver, Path profile, int port) {
		this.driver = driver;
		this.wait = new WebDriverWait(driver, WAIT, POLL);
		this.profile = profile;
		this.port = port;
	}

	/**
	 * Runs when the browser is installed, and always on CI (where a missing browser must
	 * fail).
	 */
	public static boolean availableOrRequired() {
		return "true".equalsIgnoreCase(System.getenv("CI"))
				|| (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER));
	}

	/** Starts a browser with a fresh profile for the portal on {@code localhost:port}. */
	public static Browser start(int port, String logName) throws IOException {
		assertThat(Files.isExecutable(CHROMIUM)).as("%s is installed (CI=%s)", CHROMIUM, System.getenv("CI")).isTrue();
		assertThat(Files.isExecutable(CHROMEDRIVER)).as("%s is installed (CI=%s)", CHROMEDRIVER, System.getenv("CI"))
			.isTrue();
		Path profile = Files.createTempDirectory("meizhi-chromium-");
		Path logDir = Files.createDirectories(Paths.get("target", "browser-tests"));
		var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.withLogFile(logDir.resolve("chromedriver-" + logName + ".log").toFile())
			.build();
		var options = new ChromeOptions();
		// the browser's console (a journey can check that no Content-Security-Policy
		// refusal was logged)
		options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath(),
				// Bootstrap scrolls smoothly unless reduced motion is asked for; a click
				// on an element
				// being scrolled to would then land on whatever was under the pointer
				// before.
				"--force-prefers-reduced-motion");
		try {
			ChromeDriver chrome = new ChromeDriver(service, options);
			// every page opened is checked for accessibility (see AccessibilityAudit)
			var audit = new AccessibilityAudit[1];
			WebDriver driver = new EventFiringDecorator<WebDriver>(new WebDriverListener() {
				@Override
				public void afterGet(WebDriver target, String url) {
					audit[0].check(chrome);
				}
			}).decorate(chrome);
			Browser browser = new Browser(driver, profile, port);
			audit[0] = browser.audit;
			return browser;
		}
		catch (RuntimeException ex) {
			deleteRecursively(profile);
			throw ex;
		}
	}

	public WebDriver driver() {
		return this.driver;
	}

	public WebDriverWait waiting() {
		return this.wait;
	}

	public String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	public void open(String path) {
		this.driver.get(url(path));
	}

	public void scrollIntoView(WebElement element) {
		((JavascriptExecutor) this.driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
	}

	/**
	 * Scrolls the element to the middle of the window at once, then clicks it when it can
	 * be clicked.
	 */
	public void click(WebElement element) {
		scrollIntoView(element);
		this.wait.until(ExpectedConditions.elementToBeClickable(element)).click();
	}

	/** Clicks the form's submit button and waits until the browser has left the page. */
	public void submit(WebElement form) {
		click(form.findElement(By.cssSelector("button[type='submit']")));
		this.wait.until(BrowserWaits.stalenessOf(form));
		this.wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
		this.audit.check(this.driver);
	}

	/** What the accessibility check found on the pages this browser showed. */
	public AccessibilityAudit accessibility() {
		return this.audit;
	}

	/**
	 * Keeps the page's HTML and a screenshot under {@code target/browser-tests} for a
	 * failed journey.
	 */
	public void saveEvidence(String name) throws IOException {
		Path dir = Files.createDirectories(Paths.get("target", "browser-tests"));
		Files.writeString(dir.resolve(name + ".html"),
				"<!-- " + this.driver.getCurrentUrl() + " -->\n" + this.driver.getPageSource());
		if (this.driver instanceof TakesScreenshot camera) {
			Files.write(dir.resolve(name + ".png"), camera.getScreenshotAs(OutputType.BYTES));
		}
	}

	@Override
	public void close() throws IOException {
		try {
			this.driver.quit();
		}
		finally {
			deleteRecursively(this.profile);
		}
	}

	/** Letters and digits that cannot be misread, for names no earlier run has used. */
	public static String randomAlphanumeric(int length) {
		return randomFrom("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", length);
	}

	public static String randomFrom(String alphabet, int length) {
		var text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		return text.toString();
	}

	public static void deleteRecursively(Path dir) throws IOException {
		if (dir == null || !Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
	}

}
