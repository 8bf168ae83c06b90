package cn.meizhi.institution;

import cn.meizhi.institution.internal.ContactForm;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class ClinicInstitutionControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	InstitutionManagement institutions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aClinicSeesItsOwnInstitutionOnHomeAndProfile() throws Exception {
		Institution own = fixtures.institution("330102");
		mvc.perform(get("/clinic").with(as(Fixtures.clinic(own.getId()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(own.getName())));
		mvc.perform(get("/clinic/institutions/" + own.getId()).with(as(Fixtures.clinic(own.getId()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(own.getCreditCode())));
	}

	@Test
	void anotherInstitutionsIdAnswers404ForEveryPageAndAction() throws Exception {
		Institution own = fixtures.institution("330102");
		Institution other = fixtures.institution("330102");
		CurrentUser clinic = Fixtures.clinic(own.getId());
		mvc.perform(get("/clinic/institutions/" + other.getId()).with(as(clinic))).andExpect(status().isNotFound());
		mvc.perform(get("/clinic/institutions/" + other.getId() + "/contact").with(as(clinic)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/clinic/institutions/" + other.getId() + "/contact").with(csrf())
			.with(as(clinic))
			.param("version", "0")
			.param("phone", "0571-00000000")
			.param("address", "别人的地址")).andExpect(status().isNotFound());
		mvc.perform(post("/clinic/institutions/" + other.getId() + "/contact").with(csrf())
			.with(as(clinic))
			.param("address", "")).andExpect(status().isNotFound());
		mvc.perform(get("/clinic/institutions/999999999").with(as(clinic))).andExpect(status().isNotFound());
		assertThat(institutions.get(Fixtures.regulator("330100"), other.getId()).getAddress()).isEqualTo("解放路 1 号");
		mvc.perform(get("/regulator/institutions/" + own.getId()).with(as(clinic))).andExpect(status().isForbidden());
	}

	@Test
	void aClinicUpdatesOnlyItsPublicContactData() throws Exception {
		Institution own = fixtures.institution("330102");
		CurrentUser clinic = Fixtures.clinic(own.getId());
		mvc.perform(post("/clinic/institutions/" + own.getId() + "/contact").with(csrf())
			.with(as(clinic))
			.param("version", String.valueOf(own.getVersion()))
			.param("phone", "0571-12345678")
			.param("website", "https://clinic.example.cn")
			.param("address", "庆春路 100 号 3 楼")
			.param("name", "偷偷改名")
			.param("creditCode", "91330102MA0000000X")).andExpect(redirectedUrl("/clinic/institutions/" + own.getId()));
		Institution now = institutions.get(clinic, own.getId());
		assertThat(now.getPhone()).isEqualTo("0571-12345678");
		assertThat(now.getWebsite()).isEqualTo("https://clinic.example.cn");
		assertThat(now.getAddress()).isEqualTo("庆春路 100 号 3 楼");
		assertThat(now.getName()).isEqualTo(own.getName());
		assertThat(now.getCreditCode()).isEqualTo(own.getCreditCode());
		assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'INSTITUTION_CONTACT_UPDATED'"
				+ " and object_id = ? and actor_role = 'CLINIC'", Long.class, String.valueOf(own.getId())))
			.isOne();
	}

	@Test
	void badContactDataIsExplainedAndKept() throws Exception {
		Institution own = fixtures.institution("330102");
		mvc.perform(post("/clinic/institutions/" + own.getId() + "/contact").with(csrf())
			.with(as(Fixtures.clinic(own.getId())))
			.param("version", String.valueOf(own.getVersion()))
			.param("phone", "call me")
			.param("website", "clinic.example.cn")
			.param("address", "庆春路 100 号"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "phone", "website"))
			.andExpect(content().string(containsString("call me")))
			.andExpect(content().string(containsString("网站地址应以 http:// 或 https:// 开头")));
	}

	@Test
	void aStaleContactEditGetsAConflictMessage() throws Exception {
		Institution own = fixtures.institution("330102");
		CurrentUser clinic = Fixtures.clinic(own.getId());
		ContactForm first = institutions.contactForm(clinic, own.getId());
		first.setPhone("0571-22223333");
		institutions.updateContact(clinic, own.getId(), first);
		mvc.perform(post("/clinic/institutions/" + own.getId() + "/contact").with(csrf())
			.with(as(clinic))
			.param("version", String.valueOf(own.getVersion()))
			.param("phone", "0571-99998888")
			.param("address", "我输入的地址"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("其他人已修改")))
			.andExpect(content().string(containsString("我输入的地址")));
		assertThat(institutions.get(clinic, own.getId()).getPhone()).isEqualTo("0571-22223333");
	}

	private static RequestPostProcessor as(CurrentUser user) {
		return user(Fixtures.principal(user));
	}

}
