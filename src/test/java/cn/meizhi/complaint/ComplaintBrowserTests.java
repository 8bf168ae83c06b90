package cn.meizhi.complaint;

import cn.meizhi.account.internal.UserAccount;
import cn.meizhi.institution.Institution;
import cn.meizhi.shared.Role;
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
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * A complaint from a phone to the answer, in a real (headless) Chromium: a consumer files
 * it from the institution's profile on a phone-sized screen and keeps the number and
 * code; the district's regulator acknowledges it and asks the clinic for a statement; the
 * clinic answers from its home page; the regulator decides and answers; the consumer
 * reads the answer by tracking number; the profile's counts change.
 * <p>
 * Needs Debian's {@code chromium} and {@code chromium-driver}; skipped without them
 * except on CI.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@EnabledIf(value = Browser.AVAILABLE_OR_REQUIRED, disabledReason = Browser.NOT_INSTALLED)
class ComplaintBrowserTests extends BrowserJourney {

	@Autowired
	Fixtures fixtures;

	@Override
	protected String logName() {
		return "complaint";
	}

	@Test
	void aConsumerComplainsFromAPhoneAndReadsTheRegulatorsAnswer() throws Exception {
		Institution institution = fixtures.institution("330102");
		UserAccount clinic = fixtures.account(Role.CLINIC, null, institution.getId());
		UserAccount regulator = fixtures.account(Role.REGULATOR, "330102", null);
		String description = "浏览器测试：术后红肿一周，机构不予复诊 " + Browser.randomAlphanumeric(6);
		String answer = "浏览器测试：经查部分属实，已责令机构安排复诊并完善随访。";
		try {
			// 1. On a phone: from the profile to the complaint form, the institution
			// filled in.
			this.driver.manage().window().setSize(new Dimension(390, 844));
			this.browser.open("/institutions/" + institution.getId());
			WebElement counts = this.wait
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("complaint-counts")));
			assertThat(counts.getText()).contains("没有办结的投诉");
			this.browser.click(this.driver.findElement(By.id("file-complaint")));
			WebElement form = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("complaint-form")));
			assertThat(this.driver.findElement(By.id("chosen-institution")).getText()).isEqualTo(institution.getName());
			assertNoSidewaysScroll();
			new Select(form.findElement(By.id("category"))).selectByValue("CARE_QUALITY");
			((JavascriptExecutor) this.driver).executeScript("arguments[0].value = arguments[1];",
					form.findElement(By.id("occurredOn")), java.time.LocalDate.now().minusDays(9).toString());
			type(form.findElement(By.id("procedureName")), "光子嫩肤");
			type(form.findElement(By.id("description")), description);
			type(form.findElement(By.id("contactPhone")), "13800001234");
			this.browser.click(form.findElement(By.id("consentToContact1")));
			this.browser.submit(form);
			String number = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tracking-number")))
				.getText();
			String code = this.driver.findElement(By.id("secret-code")).getText();
			assertThat(number).matches("TS-330102-\\d{4}-\\d{6}");
			assertNoSidewaysScroll();
			this.driver.manage().window().setSize(new Dimension(1280, 900));

			// 2. The district's regulator acknowledges and asks the clinic for a
			// statement.
			signIn(regulator.getUsername(), Fixtures.PASSWORD);
			this.browser.open("/regulator/complaints");
			WebElement row = this.wait.until(ExpectedConditions.visibilityOfElementLocated(
					By.xpath("//table[@id='complaint-queue']//tr[td[contains(., '" + number + "')]]")));
			this.browser.click(row.findElement(By.cssSelector("a")));
			this.browser.submit(this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("acknowledge")))
				.findElement(By.xpath("./ancestor::form")));
			assertThat(flash()).isEqualTo("已受理。");
			WebElement ask = this.driver.findElement(By.id("statement-form"));
			type(ask.findElement(By.id("question")), "请说明该顾客的复诊安排和随访记录。");
			this.browser.submit(ask);
			assertThat(flash()).isEqualTo("已要求机构说明情况。");
			assertThat(this.driver.findElement(By.id("complaint-status")).getText()).isEqualTo("待机构说明");
			signOut();

			// 3. The clinic answers from its home page, without learning who complained.
			signIn(clinic.getUsername(), Fixtures.PASSWORD);
			WebElement due = this.wait
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("complaint-statements")));
			assertThat(due.getText()).contains("待提交的投诉情况说明：1 件");
			this.browser.click(due.findElement(By.cssSelector("a")));
			WebElement statement = this.wait
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[id^='statement-form-']")));
			assertThat(this.driver.findElement(By.tagName("main")).getText()).contains(description)
				.doesNotContain("13800001234");
			type(statement.findElement(By.tagName("textarea")), "已电话联系顾客，安排下周复诊，随访记录附后。");
			this.browser.submit(statement);
			assertThat(flash()).isEqualTo("说明已提交。");
			signOut();

			// 4. The regulator decides and answers the complainant.
			signIn(regulator.getUsername(), Fixtures.PASSWORD);
			this.browser.open("/regulator/complaints");
			row = this.wait.until(ExpectedConditions.visibilityOfElementLocated(
					By.xpath("//table[@id='complaint-queue']//tr[td[contains(., '" + number + "')]]")));
			this.browser.click(row.findElement(By.cssSelector("a")));
			WebElement decide = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("decide-form")));
			assertThat(this.driver.findElement(By.id("complaint-statement")).getText()).contains("安排下周复诊");
			new Select(decide.findElement(By.id("outcome"))).selectByValue("PARTLY_SUBSTANTIATED");
			type(decide.findElement(By.id("publicAnswer")), answer);
			this.browser.submit(decide);
			assertThat(flash()).isEqualTo("已办结，投诉人可凭受理编号查看答复。");
			signOut();

			// 5. The consumer reads the answer by number and code; the profile counts it.
			this.browser.open("/complaints/track");
			WebElement track = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("track-form")));
			type(track.findElement(By.id("number")), number);
			type(track.findElement(By.id("code")), code);
			this.browser.submit(track);
			assertThat(
					this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tracking-answer"))).getText())
				.isEqualTo(answer);
			assertThat(this.driver.findElement(By.id("tracking-stage")).getText()).isEqualTo("已办结");
			this.browser.open("/institutions/" + institution.getId());
			assertThat(
					this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("complaint-counts"))).getText())
				.contains("办结投诉 1 件")
				.contains("部分属实")
				.contains("诊疗质量")
				.doesNotContain(description);
		}
		catch (RuntimeException | AssertionError ex) {
			this.browser.saveEvidence("complaint-failure");
			throw ex;
		}
	}

}
