package cn.meizhi.support;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real-browser journey through the running portal: a fresh headless Chromium per test
 * (see {@link Browser}), and the steps every journey takes — sign in, sign out, type,
 * read the flash message.
 */
public abstract class BrowserJourney {

	@LocalServerPort
	protected int port;

	protected Browser browser;

	protected WebDriver driver;

	protected WebDriverWait wait;

	/** Names the chromedriver log under target/browser-tests. */
	protected abstract String logName();

	@BeforeEach
	void startBrowser() throws IOException {
		this.browser = Browser.start(this.port, logName());
		this.driver = this.browser.driver();
		this.wait = this.browser.waiting();
	}

	@AfterEach
	void stopBrowser() throws IOException {
		List<String> violations = List.of();
		try {
			if (this.browser != null) {
				violations = this.browser.accessibility().violations();
				this.browser.close();
			}
		}
		finally {
			this.browser = null;
		}
		// WCAG 2.1 AA on every page the journey reached (axe-core)
		assertThat(violations).as("accessibility violations (axe-core, WCAG 2.1 AA)").isEmpty();
	}

	/** Signs in through the login form and waits until the portal has left it. */
	protected void signIn(String username, String password) {
		submitLogin(username, password);
		this.wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	/**
	 * Signs in and waits for the page the user must land on (a regular expression on the
	 * URL).
	 */
	protected void signIn(String username, String password, String landing) {
		submitLogin(username, password);
		this.wait.until(ExpectedConditions.urlMatches(landing));
	}

	private void submitLogin(String username, String password) {
		this.browser.open("/login");
		WebElement form = this.wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[action$='/login']")));
		type(form.findElement(By.id("username")), username);
		type(form.findElement(By.id("password")), password);
		this.browser.submit(form);
	}

	/** Signs out through the user menu. */
	protected void signOut() {
		this.browser.click(this.driver.findElement(By.id("user-menu")));
		WebElement logout = this.wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("header form[action$='/logout']")));
		this.browser.submit(logout);
		this.wait.until(ExpectedConditions.urlContains("/login?logout"));
	}

	protected static void type(WebElement input, String text) {
		input.clear();
		input.sendKeys(text);
	}

	/**
	 * The page fits the window's width: nothing scrolls sideways (tables scroll inside
	 * their own box).
	 */
	protected void assertNoSidewaysScroll() {
		Long scrollWidth = (Long) ((org.openqa.selenium.JavascriptExecutor) this.driver)
			.executeScript("return document.documentElement.scrollWidth;");
		Long clientWidth = (Long) ((org.openqa.selenium.JavascriptExecutor) this.driver)
			.executeScript("return document.documentElement.clientWidth;");
		assertThat(scrollWidth).as("page width").isLessThanOrEqualTo(clientWidth);
	}

	/** The success message shown after an action. */
	protected String flash() {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main > .alert-success")))
			.getText();
	}

}
