package cn.meizhi.support;

import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;

/**
 * Waits that hold across browser versions.
 */
public final class BrowserWaits {

	private BrowserWaits() {
	}

	/**
	 * The element has left the page (after a navigation). Chromium 156 sometimes answers
	 * a query on such an element with "Node with given id does not belong to the
	 * document" instead of a stale-element error; both mean the old page is gone.
	 */
	public static ExpectedCondition<Boolean> stalenessOf(WebElement element) {
		return driver -> {
			try {
				element.isEnabled();
				return false;
			}
			catch (StaleElementReferenceException ex) {
				return true;
			}
			catch (WebDriverException ex) {
				String message = ex.getMessage() == null ? "" : ex.getMessage();
				return message.contains("does not belong to the document") || message.contains("No node with given id");
			}
		};
	}

}
