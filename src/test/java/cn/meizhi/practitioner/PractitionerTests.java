package cn.meizhi.practitioner;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;

import cn.meizhi.institution.Department;
import cn.meizhi.institution.Institution;
import cn.meizhi.institution.InstitutionForm;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.procedure.RegisterPlausibility;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The practitioner register: the licence number's format, category and uniqueness, the
 * specialty a category allows, a CSV import all or nothing with located problems, the
 * jurisdiction by guessed ids, no private field on any public page or in the open data,
 * and the plausibility report.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PractitionerTests {

	/** A district of its own, so the report lists only this test's findings. */
	static final String DISTRICT = "330110";

	private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

	@Autowired
	MockMvc mvc;

	@Autowired
	PractitionerRegister register;

	@Autowired
	RegisterPlausibility plausibility;

	@Autowired
	InstitutionManagement institutions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theLicenceNumberIsCheckedForFormatCategoryAndUniqueness() {
		Institution clinic = clinic(EnumSet.of(Department.AESTHETIC_SURGERY));
		CurrentUser regulator = Fixtures.regulator(DISTRICT);
		var form = surgeon(clinic);
		form.setLicenceNumber("12345");
		assertThat(codes(register.check(regulator, form, null))).contains("practitioner.licence.format");
		form.setLicenceNumber("13" + DISTRICT + "0000001");
		assertThat(codes(register.check(regulator, form, null))).contains("practitioner.licence.category");
		form = surgeon(clinic);
		form.setDentistrySince(LocalDate.of(2020, 1, 1));
		assertThat(codes(register.check(regulator, form, null))).containsExactly("practitioner.specialty.category");
		form = surgeon(clinic);
		register.register(regulator, form);
		var again = surgeon(clinic);
		again.setLicenceNumber(form.getLicenceNumber());
		assertThatThrownBy(() -> register.register(regulator, again)).isInstanceOfSatisfying(
				FormRejectedException.class,
				ex -> assertThat(ex.reasons()).extracting(FormRejectedException.Reason::code)
					.containsExactly("practitioner.licence.taken"));
	}

	@Test
	void aCsvIsImportedWholeOrNotAtAllWithEachProblemLocated() throws Exception {
		Institution clinic = clinic(EnumSet.of(Department.AESTHETIC_SURGERY));
		String good = licence('1');
		String header = String.join(",", PractitionerRegister.CSV_COLUMNS);
		String bad = header + "\n" + "李医生," + good + ",CLINICAL,ACTIVE,2020-01-01,,,," + clinic.getCreditCode()
				+ ",2021-01-01,,,\n" + "王医生,123,CLINICAL,ACTIVE,2020-13-01,,,," + clinic.getCreditCode()
				+ ",2021-01-01,,,\n" + "赵医生," + licence('3') + ",DENTAL,ACTIVE,2020-01-01,,,,NOPE,2021-01-01,,,\n";
		mvc.perform(multipart("/regulator/practitioners/import")
			.file(new MockMultipartFile("file", "p.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
			.with(csrf())
			.with(as(Fixtures.regulator(DISTRICT))))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("第 3 行，surgerySince：日期格式应为 年-月-日。")))
			.andExpect(content().string(containsString("第 4 行，mainInstitution：没有这个统一社会信用代码的机构。")))
			.andExpect(content().string(containsString("第 4 行，surgerySince：该执业类别不能取得此专业")));
		assertThat(jdbc.queryForObject("select count(*) from practitioner where licence_number = ?", Long.class, good))
			.isZero();
		String fine = "\uFEFF" + header + "\n" + "李医生," + good + ",CLINICAL,ACTIVE,2020-01-01,,,,"
				+ clinic.getCreditCode() + ",2021-01-01,,,\n";
		mvc.perform(multipart("/regulator/practitioners/import")
			.file(new MockMultipartFile("file", "p.csv", "text/csv", fine.getBytes(StandardCharsets.UTF_8)))
			.with(csrf())
			.with(as(Fixtures.regulator(DISTRICT)))).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select count(*) from practitioner where licence_number = ?", Long.class, good))
			.isEqualTo(1);
	}

	@Test
	void anExcelWorkbookIsImportedLikeACsvWithExcelDates() throws Exception {
		Institution clinic = clinic(EnumSet.of(Department.AESTHETIC_SURGERY));
		String good = licence('1');
		var out = new java.io.ByteArrayOutputStream();
		try (var workbook = new org.dhatim.fastexcel.Workbook(out, "meizhi-test", "1.0")) {
			var sheet = workbook.newWorksheet("主诊医师");
			for (int c = 0; c < PractitionerRegister.CSV_COLUMNS.size(); c++) {
				sheet.value(0, c, PractitionerRegister.CSV_COLUMNS.get(c));
			}
			Object[][] rows = {
					{ "钱医生", good, "CLINICAL", "ACTIVE", LocalDate.of(2019, 5, 1), null, null, null,
							clinic.getCreditCode(), LocalDate.of(2020, 1, 1) },
					{ "孙医生", "999", "CLINICAL", "ACTIVE", LocalDate.of(2019, 5, 1), null, null, null,
							clinic.getCreditCode(), LocalDate.of(2020, 1, 1) } };
			for (int r = 0; r < rows.length; r++) {
				for (int c = 0; c < rows[r].length; c++) {
					if (rows[r][c] instanceof LocalDate date) {
						sheet.value(r + 1, c, date);
						sheet.style(r + 1, c).format("yyyy-mm-dd").set();
					}
					else if (rows[r][c] != null) {
						sheet.value(r + 1, c, (String) rows[r][c]);
					}
				}
			}
		}
		byte[] xlsx = out.toByteArray();
		mvc.perform(multipart("/regulator/practitioners/import")
			.file(new MockMultipartFile("file", "p.xlsx", "application/octet-stream", xlsx))
			.with(csrf())
			.with(as(Fixtures.regulator(DISTRICT))))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("第 3 行，licenceNumber：执业证书编码为 15 位数字")));
		assertThat(jdbc.queryForObject("select count(*) from practitioner where licence_number = ?", Long.class, good))
			.isZero();
		var fixed = new java.io.ByteArrayOutputStream();
		try (var workbook = new org.dhatim.fastexcel.Workbook(fixed, "meizhi-test", "1.0")) {
			var sheet = workbook.newWorksheet("主诊医师");
			for (int c = 0; c < PractitionerRegister.CSV_COLUMNS.size(); c++) {
				sheet.value(0, c, PractitionerRegister.CSV_COLUMNS.get(c));
			}
			sheet.value(1, 0, "钱医生");
			sheet.value(1, 1, good);
			sheet.value(1, 2, "CLINICAL");
			sheet.value(1, 3, "ACTIVE");
			sheet.value(1, 4, LocalDate.of(2019, 5, 1));
			sheet.style(1, 4).format("yyyy-mm-dd").set();
			sheet.value(1, 8, clinic.getCreditCode());
			sheet.value(1, 9, "2020-01-01");
		}
		mvc.perform(multipart("/regulator/practitioners/import")
			.file(new MockMultipartFile("file", "p.xlsx", "application/octet-stream", fixed.toByteArray()))
			.with(csrf())
			.with(as(Fixtures.regulator(DISTRICT)))).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject(
				"select obtained_on from practitioner_specialty s join practitioner p on p.id = s.practitioner_id where p.licence_number = ?",
				LocalDate.class, good))
			.isEqualTo(LocalDate.of(2019, 5, 1));
	}

	@Test
	void anotherDistrictGetsNotFoundAndNothingPrivateIsPublic() throws Exception {
		Institution clinic = clinic(EnumSet.of(Department.AESTHETIC_SURGERY));
		var form = surgeon(clinic);
		form.setIdNumber("33010219800101123X");
		form.setPhone("13912345678");
		form.setNotes("内部备注：曾被投诉");
		Practitioner saved = register.register(Fixtures.regulator(DISTRICT), form);
		mvc.perform(get("/regulator/practitioners/" + saved.getId()).with(as(Fixtures.regulator("330106"))))
			.andExpect(status().isNotFound());
		mvc.perform(post("/regulator/practitioners/" + saved.getId() + "/edit").with(csrf())
			.with(as(Fixtures.regulator("330106")))
			.param("name", "改名")).andExpect(status().isNotFound());
		mvc.perform(get("/regulator/practitioners/" + saved.getId()).with(as(Fixtures.clinic(clinic.getId()))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/regulator/practitioners/" + saved.getId()).with(as(Fixtures.regulator(DISTRICT))))
			.andExpect(content().string(containsString("13912345678")));
		for (String url : new String[] { "/practitioners?q=" + saved.getLicenceNumber(),
				"/api/public/practitioners?q=" + saved.getLicenceNumber(), "/institutions/" + clinic.getId(),
				"/api/public/institutions/" + clinic.getId() }) {
			mvc.perform(get(url))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(saved.getLicenceNumber())))
				.andExpect(content().string(not(containsString("33010219800101123X"))))
				.andExpect(content().string(not(containsString("13912345678"))))
				.andExpect(content().string(not(containsString("内部备注"))));
		}
	}

	@Test
	void theReportNamesAnUnstaffedSpecialtyAndAPractitionerAtTooManyPlacesFarApart() {
		Institution clinic = clinic(EnumSet.of(Department.AESTHETIC_SURGERY, Department.AESTHETIC_DERMATOLOGY));
		Institution second = clinic(EnumSet.of(Department.AESTHETIC_SURGERY));
		Institution third = clinic(EnumSet.of(Department.AESTHETIC_SURGERY));
		Institution chongqing = institutions.register(Fixtures.regulator("500000"),
				Fixtures.institutionForm("500103", Fixtures.unique("重庆测试诊所")));
		var form = surgeon(clinic);
		form.setOtherInstitutions(second.getCreditCode() + " 2022-01-01\n" + third.getCreditCode() + " 2022-02-01\n"
				+ chongqing.getCreditCode() + " 2022-03-01");
		Practitioner busy = register.register(Fixtures.regulator(DISTRICT), form);
		var findings = plausibility.report(Fixtures.regulator(DISTRICT));
		assertThat(findings).anySatisfy(f -> {
			assertThat(f.rule()).isEqualTo("plausibility.noPractitioner");
			assertThat(f.subject()).isEqualTo(clinic.getName());
			assertThat(f.arguments()).containsExactly("AESTHETIC_DERMATOLOGY");
		});
		assertThat(findings).filteredOn(f -> f.link().equals("/regulator/practitioners/" + busy.getId()))
			.extracting(RegisterPlausibility.Finding::rule)
			.containsExactlyInAnyOrder("plausibility.tooManySites", "plausibility.farApart");
	}

	@Test
	void aClinicProposesForItsOwnStaffAndTheRegulatorConfirmsOrSendsBack() throws Exception {
		Institution clinic = clinic(EnumSet.of(Department.AESTHETIC_SURGERY));
		Institution other = clinic(EnumSet.of(Department.AESTHETIC_SURGERY));
		CurrentUser clinicUser = Fixtures.clinic(clinic.getId());
		var form = surgeon(clinic);
		mvc.perform(post("/clinic/practitioners/propose").with(csrf())
			.with(as(clinicUser))
			.param("name", "新来的医师")
			.param("licenceNumber", form.getLicenceNumber())
			.param("category", "CLINICAL")
			.param("status", "ACTIVE")
			.param("surgerySince", "2020-01-01")
			.param("mainInstitution", other.getCreditCode())
			.param("mainSince", "2021-01-01"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("本机构须是该医师登记的执业机构之一")));
		mvc.perform(post("/clinic/practitioners/propose").with(csrf())
			.with(as(clinicUser))
			.param("name", "新来的医师")
			.param("licenceNumber", form.getLicenceNumber())
			.param("category", "CLINICAL")
			.param("status", "ACTIVE")
			.param("surgerySince", "2020-01-01")
			.param("mainInstitution", clinic.getCreditCode())
			.param("mainSince", "2021-01-01")
			.param("phone", "13700001111")).andExpect(status().is3xxRedirection());
		long proposal = jdbc.queryForObject(
				"select id from practitioner_proposal where institution_id = ? and status = 'PENDING'", Long.class,
				clinic.getId());
		assertThat(jdbc.queryForObject("select count(*) from practitioner where licence_number = ?", Long.class,
				form.getLicenceNumber()))
			.isZero();
		mvc.perform(get("/regulator/practitioners/proposals/" + proposal).with(as(Fixtures.regulator("330106"))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/regulator/practitioners").with(as(Fixtures.regulator(DISTRICT))))
			.andExpect(content().string(containsString("待确认的机构申请")));
		mvc.perform(get("/regulator/practitioners/proposals/" + proposal).with(as(Fixtures.regulator(DISTRICT))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("新来的医师")));
		mvc.perform(post("/regulator/practitioners/proposals/" + proposal + "/confirm").with(csrf())
			.with(as(Fixtures.regulator(DISTRICT)))).andExpect(status().is3xxRedirection());
		long practitionerId = jdbc.queryForObject("select id from practitioner where licence_number = ?", Long.class,
				form.getLicenceNumber());
		mvc.perform(post("/regulator/practitioners/proposals/" + proposal + "/confirm").with(csrf())
			.with(as(Fixtures.regulator(DISTRICT)))).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select count(*) from practitioner where licence_number = ?", Long.class,
				form.getLicenceNumber()))
			.isEqualTo(1);
		// a change to a practitioner of another institution, guessed by id: 404
		Practitioner stranger = register.register(Fixtures.regulator(DISTRICT), surgeon(other));
		mvc.perform(get("/clinic/practitioners/" + stranger.getId() + "/propose").with(as(clinicUser)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/clinic/practitioners/" + stranger.getId() + "/propose").with(csrf())
			.with(as(clinicUser))
			.param("name", "改名")).andExpect(status().isNotFound());
		// the clinic proposes a change to its own; the regulator sends it back with a
		// reason
		mvc.perform(get("/clinic/practitioners/" + practitionerId + "/propose").with(as(clinicUser)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("新来的医师")));
		var change = register.form(Fixtures.regulator(DISTRICT), practitionerId);
		mvc.perform(post("/clinic/practitioners/" + practitionerId + "/propose").with(csrf())
			.with(as(clinicUser))
			.param("name", "改了名的医师")
			.param("licenceNumber", change.getLicenceNumber())
			.param("category", "CLINICAL")
			.param("status", "ACTIVE")
			.param("surgerySince", "2020-01-01")
			.param("mainInstitution", clinic.getCreditCode())
			.param("mainSince", "2021-01-01")).andExpect(status().is3xxRedirection());
		long second = jdbc.queryForObject(
				"select id from practitioner_proposal where institution_id = ? and status = 'PENDING'", Long.class,
				clinic.getId());
		mvc.perform(post("/regulator/practitioners/proposals/" + second + "/reject").with(csrf())
			.with(as(Fixtures.regulator(DISTRICT)))
			.param("reason", "请附资格证书复印件")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/clinic/practitioners").with(as(clinicUser)))
			.andExpect(content().string(containsString("退回理由：请附资格证书复印件")))
			.andExpect(content().string(containsString("新来的医师")));
	}

	private Institution clinic(EnumSet<Department> departments) {
		InstitutionForm form = Fixtures.institutionForm(DISTRICT, Fixtures.unique("医师测试诊所"));
		form.setDepartments(departments);
		return institutions.register(Fixtures.regulator("330000"), form);
	}

	private static PractitionerForm surgeon(Institution main) {
		var form = new PractitionerForm();
		form.setName("测试医师");
		form.setLicenceNumber(licence('1'));
		form.setCategory(QualificationCategory.CLINICAL);
		form.setSurgerySince(LocalDate.of(2020, 1, 1));
		form.setMainInstitution(main.getCreditCode());
		form.setMainSince(LocalDate.of(2021, 1, 1));
		return form;
	}

	private static String licence(char category) {
		return "1" + category + DISTRICT + "%07d".formatted(SEQUENCE.incrementAndGet() % 10_000_000);
	}

	private static java.util.List<String> codes(PractitionerRegister.Outcome outcome) {
		return outcome.problems().reasons().stream().map(FormRejectedException.Reason::code).toList();
	}

	private static RequestPostProcessor as(CurrentUser user) {
		return user(Fixtures.principal(user));
	}

}
