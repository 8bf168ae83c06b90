package cn.meizhi.procedure;

import java.util.EnumSet;

import cn.meizhi.institution.Department;
import cn.meizhi.institution.HospitalGrade;
import cn.meizhi.institution.Institution;
import cn.meizhi.institution.InstitutionForm;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.practitioner.PractitionerRegister;
import cn.meizhi.shared.InstitutionType;
import cn.meizhi.support.Browser;
import cn.meizhi.support.BrowserJourney;
import cn.meizhi.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * "May this clinic do it?" on a phone, in a real (headless) Chromium: a consumer searches
 * 双眼皮, asks whether a clinic may perform the incision method (level 2), reads "no" with
 * the level rule as the reason, finds a hospital that may, and looks up its 主诊医师.
 * <p>
 * Needs Debian's {@code chromium} and {@code chromium-driver}; skipped without them
 * except on CI.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@EnabledIf(value = Browser.AVAILABLE_OR_REQUIRED, disabledReason = Browser.NOT_INSTALLED)
class ProcedureBrowserTests extends BrowserJourney {

	@Autowired
	ProcedureCatalogue catalogue;

	@Autowired
	InstitutionManagement institutions;

	@Autowired
	PractitionerRegister practitioners;

	@Override
	protected String logName() {
		return "procedure";
	}

	@Test
	void aConsumerLearnsAClinicMayNotAndFindsAHospitalThatMayWithItsDoctor() throws Exception {
		if (catalogue.published().isEmpty()) {
			try (var json = new ClassPathResource("demo/example-procedure-catalogue.json").getInputStream()) {
				catalogue.publish(Fixtures.admin(), catalogue.importJson(Fixtures.admin(), json).version().getId());
			}
		}
		Institution clinic = institution(Fixtures.unique("浏览器测试诊所"), InstitutionType.AESTHETIC_CLINIC, null, 1);
		Institution hospital = institution(Fixtures.unique("浏览器测试医院"), InstitutionType.AESTHETIC_HOSPITAL,
				HospitalGrade.GRADE_3, 4);
		practitioners.register(Fixtures.regulator("330000"), ProcedureCatalogueTests.surgeon(clinic, null));
		var doctor = ProcedureCatalogueTests.surgeon(hospital, null);
		doctor.setName("浏览器医师");
		practitioners.register(Fixtures.regulator("330000"), doctor);
		try {
			this.driver.manage().window().setSize(new Dimension(390, 844));
			// 1. The consumer searches 双眼皮 and opens the incision method.
			this.browser.open("/procedures");
			WebElement search = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
			type(search, "双眼皮");
			this.browser.submit(search.findElement(By.xpath("./ancestor::form")));
			WebElement row = this.wait.until(ExpectedConditions
				.visibilityOfElementLocated(By.xpath("//table[@id='procedures']//a[contains(., '切开法')]")));
			this.browser.click(row);
			assertThat(
					this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("procedure-level"))).getText())
				.isEqualTo("二级手术");
			assertNoSidewaysScroll();

			// 2. May the clinic? No: a clinic may perform level 1 only.
			askFor(clinic.getName());
			WebElement answer = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("answer")));
			assertThat(answer.getText()).isEqualTo("不可以。");
			assertThat(this.driver.findElement(By.id("reasons")).getText()).contains("按目录只能开展至1级");
			assertNoSidewaysScroll();

			// 3. The hospital may, and its 主诊医师 is named.
			this.browser.click(this.driver.findElement(By.partialLinkText("哪些机构可以做这个项目")));
			this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("performers")));
			askFor(hospital.getName());
			assertThat(this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("answer"))).getText())
				.isEqualTo("可以。");
			this.browser.click(this.driver.findElement(By.linkText(hospital.getName())));
			WebElement staff = this.wait
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-practitioners")));
			this.browser.click(staff.findElement(By.linkText("浏览器医师")));
			WebElement found = this.wait
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id^='practitioner-']")));
			assertThat(found.getText()).contains("浏览器医师").contains("执业中").contains("美容外科").contains(hospital.getName());
			assertNoSidewaysScroll();
		}
		catch (RuntimeException | AssertionError ex) {
			this.browser.saveEvidence("procedure-failure");
			throw ex;
		}
	}

	private void askFor(String institutionName) {
		WebElement ask = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ask form")));
		type(ask.findElement(By.id("q")), institutionName);
		this.browser.submit(ask);
		WebElement match = this.wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.xpath("//ul[@id='ask-matches']/li[span[.='" + institutionName + "']]//a")));
		this.browser.click(match);
	}

	private Institution institution(String name, InstitutionType type, HospitalGrade grade, int level) {
		InstitutionForm form = Fixtures.institutionForm("330102", name);
		form.setType(type);
		form.setHospitalGrade(grade);
		form.setDepartments(EnumSet.of(Department.AESTHETIC_SURGERY));
		form.setSurgeryLevel(level);
		form.setOperatingRooms(1);
		form.setBeds(type == InstitutionType.AESTHETIC_HOSPITAL ? 20 : 0);
		return institutions.register(Fixtures.regulator("330000"), form);
	}

}
