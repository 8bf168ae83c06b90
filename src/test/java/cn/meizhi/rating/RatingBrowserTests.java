package cn.meizhi.rating;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.meizhi.account.internal.UserAccount;
import cn.meizhi.inspection.InspectionFixtures;
import cn.meizhi.inspection.InspectionFixtures.Team;
import cn.meizhi.shared.Role;
import cn.meizhi.support.Browser;
import cn.meizhi.support.BrowserJourney;
import cn.meizhi.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * A star rating from proposal to a certificate anyone can check, in a real (headless)
 * Chromium: the lead assessor proposes a rating from a submitted inspection; the clinic
 * sees the proposal on its home page and in its notifications and appeals; a regulator
 * who took no part dismisses the appeal in writing and approves; the public verification
 * page then says the certificate is valid and opens the printable certificate.
 * <p>
 * The inspection, the institution and the accounts are this test's own (fixtures with the
 * test password), so it does not depend on the demo ratings' state.
 * <p>
 * Needs Debian's {@code chromium} and {@code chromium-driver}; skipped without them
 * except on CI.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "meizhi.demo.enabled=true")
@EnabledIf(value = Browser.AVAILABLE_OR_REQUIRED, disabledReason = Browser.NOT_INSTALLED)
class RatingBrowserTests extends BrowserJourney {

	private static final Pattern RATING_URL = Pattern.compile("/clinic/ratings/(\\d+)");

	private static final Pattern CERTIFICATE = Pattern.compile("MZ-\\d{6}-\\d{4}-\\d{6}");

	@Autowired
	InspectionFixtures inspections;

	@Autowired
	Fixtures accounts;

	@Override
	protected String logName() {
		return "rating";
	}

	@Test
	void aProposalIsAppealedTheAppealDismissedTheRatingApprovedAndItsCertificateVerifiesAsValid() throws Exception {
		Team team = this.inspections.submitted();
		String institution = team.institution().getName();
		UserAccount clinic = this.accounts.account(Role.CLINIC, null, team.institution().getId());
		UserAccount regulator = this.accounts.account(Role.REGULATOR, "330100", null);
		UserAccount approver = this.accounts.account(Role.REGULATOR, "330100", null);
		String grounds = "浏览器测试：急救药品在检查当日已更换，附采购单 " + Browser.randomAlphanumeric(6);
		String decision = "浏览器测试：现场记录显示药品确已过期，维持原评定";
		try {
			// 1. The lead proposes four stars (with a reason, should the engine have
			// given other stars).
			signIn(team.lead().username());
			this.browser.open("/assessor/inspections/" + team.id() + "/rating");
			WebElement propose = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("propose-form")));
			new Select(propose.findElement(By.id("stars"))).selectByValue("4");
			type(propose.findElement(By.id("overrideReason")), "浏览器测试：现场复核后按四星提出");
			this.browser.submit(propose);
			assertThat(flash()).isEqualTo("评定建议已提出，等待机构确认或申诉。");
			signOut();

			// 2. The clinic finds the proposal on its home page and in its notifications,
			// and appeals.
			signIn(clinic.getUsername());
			assertThat(this.driver.findElement(By.id("nav-notifications")).getText()).contains("通知").contains("1");
			WebElement proposal = this.wait
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ratings [id^='proposal-']")));
			assertThat(proposal.getText()).contains("星级评定建议").contains("待确认");
			assertThat(this.driver.findElement(By.id("latest-notifications")).getText()).contains("评审组提出了星级评定建议");
			this.browser.click(proposal.findElement(By.cssSelector("a.btn")));
			this.wait.until(ExpectedConditions.urlMatches(RATING_URL.pattern() + "$"));
			Matcher ratingUrl = RATING_URL.matcher(this.driver.getCurrentUrl());
			assertThat(ratingUrl.find()).isTrue();
			long ratingId = Long.parseLong(ratingUrl.group(1));
			WebElement appeal = this.driver.findElement(By.cssSelector("form[action$='/appeal']"));
			type(appeal.findElement(By.id("grounds")), grounds);
			this.browser.submit(appeal);
			assertThat(flash()).isEqualTo("申诉已提交，监管部门将作出书面决定。");
			assertThat(this.driver.findElement(By.id("rating-summary")).getText()).contains("申诉中");
			signOut();

			// 3. A regulator who took no part dismisses the appeal in writing; another
			// approves.
			signIn(regulator.getUsername());
			this.browser.open("/regulator/ratings");
			WebElement row = this.wait.until(ExpectedConditions.visibilityOfElementLocated(
					By.xpath("//table[@id='queue']//tr[td[contains(., '" + institution + "')]]")));
			this.browser.click(row.findElement(By.cssSelector("a[href$='/regulator/ratings/" + ratingId + "']")));
			WebElement decide = this.wait
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#appeal-decision form")));
			assertThat(this.driver.findElement(By.id("appeals")).getText()).contains(grounds);
			this.browser.click(decide.findElement(By.id("o-dismissed")));
			type(decide.findElement(By.id("decision")), decision);
			this.browser.submit(decide);
			assertThat(flash()).isEqualTo("申诉决定已记录。");
			// whoever decided the appeal does not approve: the page says why, and a
			// colleague approves
			assertThat(this.driver.findElement(By.id("why-not-decide")).getText()).contains("您裁决了该机构对这项评定建议的申诉");
			assertThat(this.driver.findElements(By.cssSelector("#decision form[action$='/approve']"))).isEmpty();
			signOut();
			signIn(approver.getUsername());
			this.browser.open("/regulator/ratings/" + ratingId);
			WebElement approve = this.wait.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector("#decision form[action$='/approve']")));
			this.browser.submit(approve);
			assertThat(flash()).isEqualTo("评定已发布，证书编号已生成。");
			Matcher number = CERTIFICATE.matcher(this.driver.findElement(By.id("rating-summary")).getText());
			assertThat(number.find()).isTrue();
			String certificateNo = number.group();
			signOut();

			// 4. Anyone checks the certificate by its number and opens the printable
			// certificate.
			this.browser.open("/verify");
			WebElement form = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verify-form")));
			type(form.findElement(By.id("certificateNo")), " " + certificateNo.toLowerCase() + " ");
			this.browser.submit(form);
			this.wait.until(ExpectedConditions.urlMatches("/verify/" + certificateNo + "$"));
			WebElement verdict = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict")));
			assertThat(verdict.getText()).contains("证书 " + certificateNo + " 有效。").contains(institution);
			assertThat(verdict.findElement(By.cssSelector(".mz-stars")).getAttribute("aria-label")).isEqualTo("4 星");
			this.browser.click(this.driver.findElement(By.id("certificate-link")));
			WebElement certificate = this.wait
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("certificate-institution")));
			assertThat(certificate.getText()).isEqualTo(institution);
			assertThat(this.driver.findElement(By.id("certificate-verify-url")).getText())
				.endsWith("/verify/" + certificateNo);
			assertThat(this.driver.findElement(By.id("certificate-pdf")).getAttribute("href"))
				.endsWith("/certificates/" + certificateNo + ".pdf");
		}
		catch (RuntimeException | AssertionError ex) {
			this.browser.saveEvidence("rating-failure");
			throw ex;
		}
	}

	private void signIn(String username) {
		signIn(username, Fixtures.PASSWORD);
	}

}
