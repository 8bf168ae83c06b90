package cn.meizhi.support;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Checks every page a browser journey reaches against WCAG 2.1 A and AA with axe-core
 * (its own Selenium integration, which carries axe.min.js: nothing is downloaded). Each
 * kind of page (its path with ids taken out) is checked once per journey; what is found
 * is kept and reported when the journey ends, so the journey's own assertions speak
 * first.
 */
public final class AccessibilityAudit {

	static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private final Set<String> audited = new HashSet<>();

	private final List<String> violations = new ArrayList<>();

	/**
	 * Checks the page the browser shows, unless a page of its kind was checked already.
	 */
	void check(WebDriver driver) {
		String url = driver.getCurrentUrl();
		if (url == null || !url.startsWith("http")) {
			return;
		}
		String kind = url.replaceFirst("^https?://[^/]+", "").replaceFirst("[?#].*$", "").replaceAll("\\d+", "{n}");
		// Swagger UI is a third-party page served as it comes; the portal's own pages are
		// what is checked
		if (kind.startsWith("/swagger-ui") || !this.audited.add(kind)) {
			return;
		}
		((JavascriptExecutor) driver).executeScript("return document.readyState");
		Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
		for (Rule rule : results.getViolations()) {
			List<String> targets = rule.getNodes()
				.stream()
				.limit(5)
				.map(node -> String.valueOf(node.getTarget()))
				.toList();
			this.violations
				.add(kind + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " " + targets);
		}
	}

	/** What was found, one line per rule and page. */
	public List<String> violations() {
		return List.copyOf(this.violations);
	}

	public Set<String> audited() {
		return Set.copyOf(this.audited);
	}

}
