package cn.meizhi.procedure;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

import cn.meizhi.institution.Department;
import cn.meizhi.institution.Institution;
import cn.meizhi.institution.InstitutionForm;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.InstitutionType;
import cn.meizhi.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The catalogue's versions (import with located problems, publish retiring the one
 * before, export) and the public's questions answered from the published version: which
 * procedures, who may perform them, may this institution.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProcedureCatalogueTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ProcedureCatalogue catalogue;

	@Autowired
	InstitutionManagement institutions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aDraftIsImportedPublishedAndAnsweredFromAndTheNextRetiresIt() throws Exception {
		long first = importExample();
		mvc.perform(post("/regulator/procedures/" + first + "/publish").with(csrf()).with(as(Fixtures.admin())))
			.andExpect(status().is3xxRedirection());
		long second = importExample();
		mvc.perform(post("/regulator/procedures/" + second + "/publish").with(csrf())
			.with(as(Fixtures.regulator("330100")))).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select status from procedure_catalogue where id = ?", String.class, first))
			.isEqualTo("RETIRED");
		assertThat(catalogue.published()).hasValueSatisfying(v -> assertThat(v.getId()).isEqualTo(second));
		mvc.perform(post("/regulator/procedures/" + first + "/publish").with(csrf()).with(as(Fixtures.admin())))
			.andExpect(status().is3xxRedirection());
		assertThat(catalogue.published()).hasValueSatisfying(v -> assertThat(v.getId()).isEqualTo(second));
		String exported = mvc
			.perform(get("/regulator/procedures/" + second + "/export.json").with(as(Fixtures.admin())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(exported).contains("\"WK-001\"").contains("\"maxLevel\"");
		assertThat(jdbc.queryForList(
				"select action from audit_event where object_type = 'ProcedureCatalogue' and object_id = ? order by id",
				String.class, String.valueOf(first)))
			.containsExactly("CATALOGUE_IMPORTED", "CATALOGUE_PUBLISHED");
	}

	@Test
	void aBadFileIsRefusedWithEveryProblemLocatedAndNothingSaved() throws Exception {
		long before = jdbc.queryForObject("select count(*) from procedure_catalogue", Long.class);
		String bad = """
				{"label": "", "levelRules": [{"type": "AESTHETIC_CLINIC", "maxLevel": 7}],
				 "procedures": [{"code": "A", "name": "x", "specialty": "AESTHETIC_SURGERY", "level": 5},
				                {"code": "A", "name": "", "specialty": "LABORATORY"}]}
				""";
		mvc.perform(multipart("/regulator/procedures/import")
			.file(new MockMultipartFile("file", "bad.json", "application/json", bad.getBytes(StandardCharsets.UTF_8)))
			.with(csrf())
			.with(as(Fixtures.admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("缺少版本名称")))
			.andExpect(content().string(containsString("procedures[0]：分级须为 1 至 4")))
			.andExpect(content().string(containsString("procedures[1] A：编码重复")))
			.andExpect(content().string(containsString("procedures[1]：专业须为")))
			.andExpect(content().string(containsString("levelRules[0]：最高手术级别须为 0 至 4")));
		mvc.perform(multipart("/regulator/procedures/import")
			.file(new MockMultipartFile("file", "not.json", "application/json", "{not json".getBytes()))
			.with(csrf())
			.with(as(Fixtures.admin()))).andExpect(content().string(containsString("文件不是可读的目录 JSON")));
		assertThat(jdbc.queryForObject("select count(*) from procedure_catalogue", Long.class)).isEqualTo(before);
		mvc.perform(get("/regulator/procedures").with(as(Fixtures.clinic(1)))).andExpect(status().isForbidden());
		mvc.perform(get("/regulator/procedures").with(as(Fixtures.assessor()))).andExpect(status().isForbidden());
	}

	@Test
	void aConsumerFindsAProcedureAndLearnsWhetherAClinicMayPerformIt() throws Exception {
		publishExample();
		Institution clinic = institution(InstitutionType.AESTHETIC_CLINIC, null, 1, 1);
		Institution hospital = institution(InstitutionType.AESTHETIC_HOSPITAL, "GRADE_3", 4, 2);
		Institution visited = institution(InstitutionType.AESTHETIC_HOSPITAL, "GRADE_3", 4, 2);
		// a surgeon whose main institution is the hospital, and who also practises at the
		// second one
		practitioners.register(Fixtures.regulator("330000"), surgeon(hospital, visited));
		practitioners.register(Fixtures.regulator("330000"), surgeon(clinic, null));
		mvc.perform(get("/procedures").param("q", "双眼皮"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("重睑成形术（埋线法）")))
			.andExpect(content().string(containsString("重睑成形术（切开法）")))
			.andExpect(content().string(not(containsString("隆乳术"))));
		// 隆乳术（假体） is a level 3 operation: a clinic may not, a grade-3 aesthetic hospital
		// may (with the
		// practitioner to check)
		mvc.perform(get("/check").param("institution", String.valueOf(clinic.getId())).param("procedure", "WK-031"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("不可以。")))
			.andExpect(content().string(containsString("按目录只能开展至1级")));
		mvc.perform(get("/check").param("institution", String.valueOf(hospital.getId())).param("procedure", "WK-031"))
			.andExpect(content().string(containsString("可以。")))
			.andExpect(content().string(containsString("以本机构为主要执业机构")));
		mvc.perform(get("/check").param("institution", String.valueOf(visited.getId())).param("procedure", "WK-031"))
			.andExpect(content().string(containsString("可以，但有条件")))
			.andExpect(content().string(containsString("多机构执业备案")));
		// dermatology is licensed at the clinic, but no 主诊医师 of it is registered there
		mvc.perform(get("/check").param("institution", String.valueOf(clinic.getId())).param("procedure", "PF-001"))
			.andExpect(content().string(containsString("不可以。")))
			.andExpect(content().string(containsString("没有登记在本机构执业的美容皮肤科美容主诊医师")));
		mvc.perform(get("/api/public/check").param("institution", String.valueOf(clinic.getId()))
			.param("procedure", "WK-001"))
			.andExpect(jsonPath("$.answer").value("YES"))
			.andExpect(jsonPath("$.procedure.level").value(1))
			.andExpect(jsonPath("$.reasons[0].key").value("check.licenceActive"))
			.andExpect(jsonPath("$.reasons[0].met").value(true));
		mvc.perform(get("/api/public/procedures").param("q", "玻尿酸"))
			.andExpect(jsonPath("$.procedures[0].code").value("WK-047"))
			.andExpect(jsonPath("$.procedures[0].performedBy.length()").value(7));
		mvc.perform(get("/institutions/" + clinic.getId() + "/procedures"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("重睑成形术（埋线法）")))
			.andExpect(content().string(not(containsString("隆乳术"))));
		mvc.perform(get("/check").param("institution", "999999999").param("procedure", "WK-001"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/check").param("institution", String.valueOf(clinic.getId())).param("procedure", "NOPE"))
			.andExpect(status().isNotFound());
	}

	@Autowired
	cn.meizhi.practitioner.PractitionerRegister practitioners;

	private static final java.util.concurrent.atomic.AtomicInteger LICENCES = new java.util.concurrent.atomic.AtomicInteger(
			(int) (System.nanoTime() % 1_000_000));

	static cn.meizhi.practitioner.PractitionerForm surgeon(Institution main, Institution other) {
		var form = new cn.meizhi.practitioner.PractitionerForm();
		form.setName("测试医师");
		form.setLicenceNumber("11" + main.getRegionCode() + "%07d".formatted(LICENCES.incrementAndGet() % 10_000_000));
		form.setCategory(cn.meizhi.practitioner.QualificationCategory.CLINICAL);
		form.setSurgerySince(java.time.LocalDate.of(2020, 1, 1));
		form.setMainInstitution(main.getCreditCode());
		form.setMainSince(java.time.LocalDate.of(2021, 1, 1));
		if (other != null) {
			form.setOtherInstitutions(other.getCreditCode() + " 2022-01-01");
		}
		return form;
	}

	private Institution institution(InstitutionType type, String grade, int surgeryLevel, int rooms) {
		InstitutionForm form = Fixtures.institutionForm("330102", Fixtures.unique("项目测试机构"));
		form.setType(type);
		if (grade != null) {
			form.setHospitalGrade(cn.meizhi.institution.HospitalGrade.valueOf(grade));
		}
		form.setDepartments(EnumSet.of(Department.AESTHETIC_SURGERY, Department.AESTHETIC_DERMATOLOGY));
		form.setSurgeryLevel(surgeryLevel);
		form.setOperatingRooms(rooms);
		form.setBeds(type == InstitutionType.AESTHETIC_HOSPITAL ? 20 : 0);
		return institutions.register(Fixtures.regulator("330000"), form);
	}

	private void publishExample() throws Exception {
		if (catalogue.published().isEmpty()) {
			catalogue.publish(Fixtures.admin(), importExample());
		}
	}

	private long importExample() throws Exception {
		try (var json = new ClassPathResource("demo/example-procedure-catalogue.json").getInputStream()) {
			var result = catalogue.importJson(Fixtures.admin(), json);
			assertThat(result.problems()).isEmpty();
			return result.version().getId();
		}
	}

	private static RequestPostProcessor as(CurrentUser user) {
		return user(Fixtures.principal(user));
	}

}
