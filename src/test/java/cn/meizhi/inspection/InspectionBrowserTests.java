package cn.meizhi.inspection;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.meizhi.support.Browser;
import cn.meizhi.support.BrowserJourney;
import cn.meizhi.support.BrowserWaits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * An on-site inspection from scheduling to a closed corrective action, in a real
 * (headless) Chromium: the district regulator schedules an inspection of a
 * not-yet-started institution of the open cycle; the lead assessor declares no conflict
 * of interest (after being told to choose one), scores every indicator with htmx while
 * the running total follows (a score below the maximum without a finding is refused in
 * place, the chosen score kept), and submits; the finding becomes a corrective action. An
 * administrator creates an account for the institution, whose user changes the initial
 * password and answers the action; the lead assessor verifies and closes it.
 * <p>
 * The inspection and the account are this test's own, so it does not depend on the demo
 * inspections' state. It changes shared demo data: afterwards one more institution of the
 * open cycle has a submitted inspection.
 * <p>
 * Needs Debian's {@code chromium} and {@code chromium-driver} packages. Without them the
 * test is skipped, except when {@code CI=true}: there it runs and fails, so that CI never
 * passes silently without the browser test.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "meizhi.demo.enabled=true")
@EnabledIf(value = Browser.AVAILABLE_OR_REQUIRED, disabledReason = Browser.NOT_INSTALLED)
class InspectionBrowserTests extends BrowserJourney {

	private static final String DEMO_PASSWORD = "meizhi-demo";

	private static final String LEAD = "评审专家 陈教授";

	private static final String MEMBER = "评审专家 周主任";

	private static final Pattern INSPECTION_URL = Pattern.compile("/regulator/inspections/(\\d+)$");

	private static final Pattern SECTION_HREF = Pattern.compile("/assessor/inspections/\\d+/sections/([^/?#]+)$");

	private static final Pattern TOTAL = Pattern.compile("评审加权总分 \\d+\\.\\d");

	private static final Pattern STARS = Pattern.compile("[1-5] 星|未评星");

	@Value("${meizhi.time-zone}")
	String timeZone;

	@Override
	protected String logName() {
		return "inspection";
	}

	@Test
	void inspectionIsScheduledScoredSubmittedAndItsCorrectiveActionAnsweredAndClosed() throws IOException {
		String cycleName = LocalDate.now(ZoneId.of(this.timeZone)).getYear() + " 年度上城区医疗美容机构星级评价";
		String suffix = Browser.randomAlphanumeric(6);
		String finding = "浏览器测试：急救药品效期检查记录缺失 " + suffix;
		String response = "浏览器测试：已建立每月效期检查表并完成补记 " + suffix;
		String clinicUsername = "clinic-bt-" + suffix.toLowerCase();
		String initialPassword = "browser-test-pass-1";
		String newPassword = "browser-test-pass-2";
		try {
			// 1. The district regulator schedules an inspection of a not-started
			// institution.
			signIn("regulator-sc", DEMO_PASSWORD, "/regulator$");
			Scheduled scheduled = scheduleInspection(cycleName);
			long inspectionId = scheduled.inspectionId();
			String institutionName = scheduled.institutionName();
			assertThat(flash()).isEqualTo("现场评审已安排。");
			assertThat(this.driver.findElement(By.tagName("h1")).getText()).isEqualTo(institutionName);
			assertThat(statusBadge()).isEqualTo("已安排");
			assertThat(this.driver.findElement(By.id("team")).getText()).contains(LEAD).contains(MEMBER);
			String creditCode = this.driver.findElement(By.cssSelector("h1 ~ p.small .font-monospace")).getText();
			assertThat(creditCode).hasSize(18);

			// 2. The lead assessor must declare before seeing anything, and must choose
			// when declaring.
			signOut();
			signIn("assessor", DEMO_PASSWORD, "/assessor$");
			WebElement mine = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("my-inspections")));
			WebElement declare = mine
				.findElement(By.cssSelector("a[href$='/assessor/inspections/" + inspectionId + "/declaration']"));
			assertThat(declare.getText()).isEqualTo("声明利益冲突后开始");
			assertThat(declare.findElement(By.xpath("./ancestor::div[contains(@class,'mz-indicator')]")).getText())
				.contains(institutionName)
				.contains("您是评审组长");
			String overviewUrl = this.browser.url("/assessor/inspections/" + inspectionId);
			this.driver.get(overviewUrl);
			this.wait.until(ExpectedConditions.urlMatches("/assessor/inspections/" + inspectionId + "/declaration$"));
			WebElement declaration = this.wait
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("declaration-form")));
			assertThat(this.driver.findElement(By.tagName("h1")).getText()).isEqualTo("利益冲突声明");
			this.browser.submit(declaration);
			WebElement refused = this.wait
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .alert-danger")));
			assertThat(refused.getText()).startsWith("请选择一项");
			declaration = this.driver.findElement(By.id("declaration-form"));
			assertThat(this.driver.findElement(By.cssSelector("label[for='noConflict']")).getText())
				.isEqualTo("我声明与该机构不存在利益冲突");
			WebElement noConflict = declaration.findElement(By.id("noConflict"));
			this.browser.click(noConflict);
			assertThat(noConflict.isSelected()).isTrue();
			this.browser.submit(declaration);
			this.wait.until(ExpectedConditions.urlToBe(overviewUrl));
			assertThat(this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText())
				.isEqualTo(institutionName);
			Map<String, String> sectionUrls = sectionUrls(inspectionId);
			assertThat(sectionUrls).containsKey("S1");

			// 3. S1's first indicator: below the maximum without a finding is refused in
			// place.
			this.driver.get(sectionUrls.get("S1"));
			this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("totals")));
			List<String> cards = cardIds();
			assertThat(cards).isNotEmpty();
			String first = cards.get(0);
			WebElement select = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("value-" + first)));
			Select choice = new Select(select);
			String max = choice.getOptions().get(1).getDomProperty("value");
			String belowMax = choice.getOptions().get(2).getDomProperty("value");
			assertThat(new BigDecimal(belowMax)).isLessThan(new BigDecimal(max));
			assertThat(starsLabel()).matches(STARS);
			String total = totalText();
			assertThat(total).matches(TOTAL);

			choose(first, belowMax);
			WebElement card = save(first);
			assertThat(card.findElement(By.cssSelector(".alert-danger")).getText()).isEqualTo("评分低于满分时，必须填写问题描述。");
			assertThat(card.findElements(By.cssSelector("[role='status']"))).isEmpty();
			assertThat(selectedValue(card, first)).isEqualTo(belowMax);
			assertThat(totalText()).isEqualTo(total);

			// With a finding and its severity the score is saved and the running total
			// follows.
			type(card.findElement(By.id("finding-" + first)), finding);
			new Select(card.findElement(By.id("severity-" + first))).selectByVisibleText("一般");
			card = save(first);
			assertSaved(card);
			String totalBelowMax = waitForTotalOtherThan(total);
			assertThat(starsLabel()).matches(STARS);

			// The maximum changes the total again.
			choose(first, max);
			assertSaved(save(first));
			String totalAtMax = waitForTotalOtherThan(totalBelowMax);
			assertThat(starsLabel()).matches(STARS);

			// Back below the maximum, the finding kept: this is what the clinic will have
			// to correct.
			choose(first, belowMax);
			card = save(first);
			assertSaved(card);
			assertThat(waitForTotalOtherThan(totalAtMax)).isEqualTo(totalBelowMax);
			assertThat(card.findElement(By.id("finding-" + first)).getDomProperty("value")).isEqualTo(finding);
			assertThat(new Select(card.findElement(By.id("severity-" + first))).getFirstSelectedOption().getText())
				.isEqualTo("一般");

			// The indicator keeps its saved state after leaving the page.
			this.driver.get(overviewUrl);
			this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("totals")));
			assertThat(totalText()).isEqualTo(totalBelowMax);
			this.driver.get(sectionUrls.get("S1"));
			card = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("indicator-" + first)));
			assertThat(selectedValue(card, first)).isEqualTo(belowMax);
			assertThat(card.findElement(By.id("finding-" + first)).getDomProperty("value")).isEqualTo(finding);

			// Every other applicable indicator gets the maximum, section by section.
			int scored = 0;
			int notApplicable = 0;
			for (String sectionUrl : sectionUrls.values()) {
				this.driver.get(sectionUrl);
				this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("totals")));
				for (String id : cardIds()) {
					card = this.driver.findElement(By.id("indicator-" + id));
					if (card.findElements(By.tagName("form")).isEmpty()) {
						assertThat(card.getText()).contains("不适用于本机构");
						notApplicable++;
						continue;
					}
					if (!selectedValue(card, id).isEmpty()) {
						continue;
					}
					choose(id,
							new Select(card.findElement(By.id("value-" + id))).getOptions()
								.get(1)
								.getDomProperty("value"));
					assertSaved(save(id));
					scored++;
				}
			}
			assertThat(scored).as("indicators scored with the maximum (%d do not apply)", notApplicable).isPositive();
			assertThat(totalText()).matches(TOTAL);

			// 4. The lead submits; the finding becomes a corrective action.
			this.driver.get(overviewUrl);
			WebElement submitCard = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("submit")));
			assertThat(submitCard.findElements(By.id("missing"))).isEmpty();
			WebElement submitForm = submitCard.findElement(By.cssSelector("form[action$='/submit']"));
			assertThat(submitForm.findElement(By.cssSelector("button[type='submit']")).getText()).isEqualTo("提交评审结果");
			this.browser.submit(submitForm);
			this.wait.until(ExpectedConditions.urlToBe(overviewUrl));
			assertThat(flash()).startsWith("评审结果已提交");
			assertThat(statusBadge()).isEqualTo("已提交");
			assertThat(this.driver.findElements(By.id("submit"))).isEmpty();
			List<WebElement> actions = this.driver.findElements(By.cssSelector("#actions .mz-indicator"));
			assertThat(actions).hasSize(1);
			WebElement action = actions.get(0);
			assertThat(action.findElement(By.tagName("strong")).getText()).endsWith(finding);
			assertThat(action.findElement(By.cssSelector(".mz-status")).getText()).isEqualTo("待整改");
			String actionElementId = action.getDomAttribute("id");
			assertThat(actionElementId).matches("action-\\d+");
			long actionId = Long.parseLong(actionElementId.substring("action-".length()));

			// 5. An administrator gives the institution an account ...
			signOut();
			signIn("admin", DEMO_PASSWORD, "/admin$");
			this.browser.open("/admin/users/new");
			WebElement userForm = this.wait.until(
					ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[action$='/admin/users/new']")));
			type(userForm.findElement(By.id("username")), clinicUsername);
			type(userForm.findElement(By.id("displayName")), "浏览器测试 机构质控员 " + suffix);
			new Select(userForm.findElement(By.id("role"))).selectByVisibleText("机构用户");
			type(userForm.findElement(By.id("institutionCreditCode")), creditCode);
			type(userForm.findElement(By.id("initialPassword")), initialPassword);
			this.browser.submit(userForm);
			this.wait.until(ExpectedConditions.urlMatches("/admin/users/\\d+$"));
			assertThat(flash()).isEqualTo("用户已创建。首次登录时需修改初始密码。");

			// ... whose user first replaces the initial password ...
			signOut();
			signIn(clinicUsername, initialPassword, "/account/password$");
			WebElement passwordForm = this.wait.until(
					ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[action$='/account/password']")));
			type(passwordForm.findElement(By.id("currentPassword")), initialPassword);
			type(passwordForm.findElement(By.id("newPassword")), newPassword);
			type(passwordForm.findElement(By.id("confirmation")), newPassword);
			this.browser.submit(passwordForm);
			this.wait.until(ExpectedConditions.urlMatches("/clinic$"));
			assertThat(this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText())
				.isEqualTo(institutionName);

			// ... and answers the corrective action.
			this.browser.open("/clinic/corrective-actions");
			WebElement clinicAction = this.wait
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("action-" + actionId)));
			assertThat(clinicAction.getText()).contains(finding);
			assertThat(clinicAction.findElement(By.cssSelector(".mz-status")).getText()).isEqualTo("待整改");
			WebElement respond = clinicAction.findElement(By.id("respond-" + actionId));
			type(respond.findElement(By.id("response-" + actionId)), response);
			this.browser.submit(respond);
			this.wait.until(ExpectedConditions.urlContains("/clinic/corrective-actions"));
			assertThat(flash()).isEqualTo("整改答复已提交，等待评审组长验证。");
			clinicAction = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("action-" + actionId)));
			assertThat(clinicAction.findElement(By.cssSelector(".mz-status")).getText()).isEqualTo("已答复待验证");
			assertThat(clinicAction.getText()).contains(response);
			assertThat(clinicAction.findElements(By.id("respond-" + actionId))).isEmpty();

			// 6. The lead assessor verifies the answer and closes the action.
			signOut();
			signIn("assessor", DEMO_PASSWORD, "/assessor$");
			this.driver.get(overviewUrl);
			WebElement answered = this.wait
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("action-" + actionId)));
			assertThat(answered.findElement(By.cssSelector(".mz-status")).getText()).isEqualTo("已答复待验证");
			assertThat(answered.getText()).contains(response);
			WebElement verify = answered.findElement(By.cssSelector("form[action*='/verify']"));
			assertThat(verify.findElement(By.cssSelector("button[type='submit']")).getText()).isEqualTo("验证通过并关闭");
			this.browser.submit(verify);
			this.wait.until(ExpectedConditions.urlContains("/assessor/inspections/" + inspectionId));
			assertThat(flash()).isEqualTo("整改事项已验证关闭。");
			WebElement closed = this.wait
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("action-" + actionId)));
			assertThat(closed.findElement(By.cssSelector(".mz-status")).getText()).isEqualTo("已关闭");
			assertThat(closed.findElements(By.tagName("form"))).isEmpty();
		}
		catch (AssertionError | RuntimeException ex) {
			this.browser.saveEvidence("inspectionIsScheduledScoredSubmittedAndItsCorrectiveActionAnsweredAndClosed");
			throw ex;
		}
	}

	private record Scheduled(long inspectionId, String institutionName) {
	}

	private record Candidate(String institutionName, String scheduleUrl) {
	}

	/**
	 * Opens the open cycle and schedules an inspection (lead and one member) of the first
	 * not-started institution that has none yet; lands on the new inspection's page.
	 */
	private Scheduled scheduleInspection(String cycleName) {
		this.browser.open("/regulator/cycles");
		WebElement cycles = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cycles")));
		this.browser.click(cycles.findElement(By.linkText(cycleName)));
		this.wait.until(ExpectedConditions.urlMatches("/regulator/cycles/\\d+$"));
		WebElement rows = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("self-assessments")));
		List<Candidate> candidates = new ArrayList<>();
		for (WebElement row : rows.findElements(By.cssSelector("tbody tr"))) {
			List<WebElement> state = row.findElements(By.cssSelector(".mz-status"));
			List<WebElement> link = row.findElements(By.linkText("安排现场评审"));
			if (state.isEmpty() || !state.get(0).getText().equals("未开始") || link.isEmpty()) {
				continue;
			}
			candidates.add(new Candidate(row.findElement(By.cssSelector("td:first-child")).getText(),
					link.get(0).getDomProperty("href")));
		}
		assertThat(candidates).as("not-started institutions of %s", cycleName).isNotEmpty();
		List<String> refused = new ArrayList<>();
		for (Candidate candidate : candidates) {
			this.driver.get(candidate.scheduleUrl());
			WebElement form = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("schedule-form")));
			assertThat(this.driver.findElement(By.tagName("h1")).getText()).isEqualTo("安排现场评审");
			assertThat(this.driver.findElement(By.cssSelector("h1 + p strong")).getText())
				.isEqualTo(candidate.institutionName());
			WebElement scheduledOn = form.findElement(By.id("scheduledOn"));
			assertThat(scheduledOn.getDomProperty("value")).as("default date").isNotEmpty();
			// the visit is today: an inspection is scored from its scheduled day on
			((org.openqa.selenium.JavascriptExecutor) this.driver).executeScript("arguments[0].value = arguments[1];",
					scheduledOn, java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
			Select lead = new Select(form.findElement(By.id("leadId")));
			WebElement leadOption = lead.getOptions()
				.stream()
				.filter(o -> o.getText().startsWith(LEAD + " · "))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no lead option " + LEAD));
			lead.selectByValue(leadOption.getDomProperty("value"));
			WebElement memberLabel = form.findElements(By.cssSelector("label.form-check-label"))
				.stream()
				.filter(l -> l.getText().startsWith(MEMBER + " · "))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no member checkbox " + MEMBER));
			WebElement member = form.findElement(By.id(memberLabel.getDomAttribute("for")));
			this.browser.click(member);
			assertThat(member.isSelected()).isTrue();
			this.browser.submit(form);
			this.wait.until(ExpectedConditions.or(ExpectedConditions.urlMatches(INSPECTION_URL.pattern()),
					ExpectedConditions.visibilityOfElementLocated(By.id("problems"))));
			Matcher matcher = INSPECTION_URL.matcher(this.driver.getCurrentUrl());
			if (matcher.find()) {
				return new Scheduled(Long.parseLong(matcher.group(1)), candidate.institutionName());
			}
			// Another test (or a rerun on the same data) got there first: try the next
			// institution.
			assertThat(this.driver.findElement(By.id("problems")).getText()).as("scheduling %s", candidate)
				.contains("已有现场评审安排");
			refused.add(candidate.institutionName());
		}
		throw new AssertionError("Every not-started institution of " + cycleName + " has an inspection: " + refused);
	}

	/**
	 * The overview's section buttons, by section code, in page order (not the links of
	 * the list of missing indicators, which point into the sections).
	 */
	private Map<String, String> sectionUrls(long inspectionId) {
		Map<String, String> urls = new LinkedHashMap<>();
		for (WebElement a : this.driver
			.findElements(By.cssSelector("main a.btn[href*='/assessor/inspections/" + inspectionId + "/sections/']"))) {
			String href = a.getDomProperty("href");
			Matcher matcher = SECTION_HREF.matcher(href);
			assertThat(matcher.find()).as("section link %s", href).isTrue();
			urls.put(matcher.group(1), href);
		}
		return urls;
	}

	/** The indicator ids of the section page's cards, in page order. */
	private List<String> cardIds() {
		return this.driver.findElements(By.cssSelector(".mz-score-card"))
			.stream()
			.map(c -> c.getDomAttribute("id").substring("indicator-".length()))
			.toList();
	}

	private static String selectedValue(WebElement card, String indicatorId) {
		String value = card.findElement(By.id("value-" + indicatorId)).getDomProperty("value");
		return value == null ? "" : value;
	}

	private void choose(String indicatorId, String value) {
		WebElement select = this.driver.findElement(By.id("value-" + indicatorId));
		this.browser.scrollIntoView(select);
		new Select(select).selectByValue(value);
	}

	/**
	 * Clicks the card's 保存 (htmx posts the card's form) and waits until the server's
	 * answer has replaced the card; returns the new card.
	 */
	private WebElement save(String indicatorId) {
		WebElement card = this.driver.findElement(By.id("indicator-" + indicatorId));
		this.browser.click(card.findElement(By.xpath(".//button[@type='submit' and normalize-space()='保存']")));
		this.wait.until(BrowserWaits.stalenessOf(card));
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("indicator-" + indicatorId)));
	}

	private static void assertSaved(WebElement card) {
		assertThat(card.findElements(By.cssSelector(".alert"))).extracting(WebElement::getText).isEmpty();
		assertThat(card.findElement(By.cssSelector("[role='status']")).getText()).isEqualTo("已保存");
	}

	private String totalText() {
		return this.driver.findElement(By.cssSelector("#totals strong")).getText();
	}

	private String starsLabel() {
		return this.driver.findElement(By.cssSelector("#totals .mz-stars")).getDomAttribute("aria-label");
	}

	/**
	 * Waits until the running total (swapped in out of band) differs from {@code before};
	 * returns it.
	 */
	private String waitForTotalOtherThan(String before) {
		String after = this.wait.until(d -> {
			String now = totalText();
			return now.equals(before) ? null : now;
		});
		assertThat(after).matches(TOTAL);
		return after;
	}

	private String statusBadge() {
		return this.driver.findElement(By.cssSelector("h1 + p .mz-status")).getText();
	}

}
