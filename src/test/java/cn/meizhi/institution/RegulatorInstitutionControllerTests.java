package cn.meizhi.institution;

import java.nio.charset.StandardCharsets;

import cn.meizhi.shared.CurrentUser;
import cn.meizhi.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@SpringBootTest
@AutoConfigureMockMvc
class RegulatorInstitutionControllerTests {

	static final CurrentUser HANGZHOU = Fixtures.regulator("330100");

	static final CurrentUser SHANGCHENG = Fixtures.regulator("330102");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	InstitutionManagement institutions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void listShowsOnlyInstitutionsInsideTheJurisdiction() throws Exception {
		String marker = Fixtures.unique("辖区");
		fixtures.institution("330102", "杭州" + marker + "医疗美容诊所");
		fixtures.institution("330106", "杭州西湖" + marker + "医疗美容诊所");
		fixtures.institution("440303", "深圳" + marker + "医疗美容诊所");
		mvc.perform(get("/regulator/institutions").param("q", marker).with(as(HANGZHOU)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("杭州" + marker)))
			.andExpect(content().string(containsString("杭州西湖" + marker)))
			.andExpect(content().string(not(containsString("深圳" + marker))));
		mvc.perform(get("/regulator/institutions").param("q", marker).with(as(SHANGCHENG)))
			.andExpect(content().string(containsString("杭州" + marker)))
			.andExpect(content().string(not(containsString("杭州西湖" + marker))));
	}

	@Test
	void searchFindsChineseSubstringsAndWholeCreditCodes() throws Exception {
		String marker = Fixtures.unique("悦颜");
		Institution institution = fixtures.institution("330102", "杭州" + marker + "医疗美容诊所");
		mvc.perform(get("/regulator/institutions").param("q", marker.substring(0, 2) + marker.substring(2))
			.with(as(HANGZHOU))).andExpect(content().string(containsString(institution.getName())));
		mvc.perform(
				get("/regulator/institutions").param("q", institution.getCreditCode().toLowerCase()).with(as(HANGZHOU)))
			.andExpect(content().string(containsString(institution.getName())));
		mvc.perform(get("/regulator/institutions").param("q", "%").param("sort", "nonsense,desc").with(as(HANGZHOU)))
			.andExpect(status().isOk());
	}

	@Test
	void theRegisterListsAPageInTheChosenOrderAndCountsItsMatchesUpToTheCap() throws Exception {
		String marker = Fixtures.unique("序列");
		fixtures.institution("330102", "杭州" + marker + "A医疗美容诊所");
		fixtures.institution("330102", "杭州" + marker + "B医疗美容诊所");
		fixtures.institution("330106", "杭州" + marker + "C医疗美容诊所");
		var byNameDown = PageRequest.of(0, 2, Sort.by(Sort.Direction.DESC, "name").and(Sort.by("id")));
		var page = institutions.registerPage(HANGZHOU, new InstitutionSearch(marker, null, null, null), byNameDown);
		assertThat(page.getContent()).extracting(InstitutionManagement.RegisterLine::name)
			.containsExactly("杭州" + marker + "C医疗美容诊所", "杭州" + marker + "B医疗美容诊所");
		assertThat(page.getTotalElements()).isEqualTo(3);
		assertThat(
				institutions.registerPage(HANGZHOU, new InstitutionSearch(marker, null, null, null), byNameDown.next())
					.getContent())
			.extracting(InstitutionManagement.RegisterLine::name)
			.containsExactly("杭州" + marker + "A医疗美容诊所");
		assertThat(institutions.registerPage(SHANGCHENG, new InstitutionSearch(marker, null, null, null), byNameDown)
			.getTotalElements()).isEqualTo(2);
		// a page asked for past the end is empty and still counts the three
		var pastTheEnd = institutions.registerPage(HANGZHOU, new InstitutionSearch(marker, null, null, null),
				PageRequest.of(5, 2, byNameDown.getSort()));
		assertThat(pastTheEnd.getContent()).isEmpty();
		assertThat(pastTheEnd.getTotalElements()).isEqualTo(3);
		assertThat(institutions.registerPage(HANGZHOU, new InstitutionSearch(marker, "330106", null, null), byNameDown)
			.getContent()).extracting(InstitutionManagement.RegisterLine::name)
			.containsExactly("杭州" + marker + "C医疗美容诊所");

		// a fragment with more matches than the register counts: it counts to the cap and
		// says that there are at least that many
		String many = Fixtures.unique("批量");
		jdbc.update("""
				insert into institution (name, credit_code, licence_number, type, region_code, address,
				                         legal_representative, surgery_level, status, created_at, updated_at)
				select '武隆' || ? || n || '医疗美容诊所', 'T' || substr(md5(? || n), 1, 17), ? || '-' || n,
				       'AESTHETIC_CLINIC', '500156', '地址', '法人', 1, 'ACTIVE', now(), now()
				from generate_series(1, 1001) n""", many, many, many);
		CurrentUser wulong = Fixtures.regulator("500156");
		assertThat(institutions.registerPage(wulong, new InstitutionSearch(many, null, null, null), byNameDown)
			.getTotalElements()).isEqualTo(InstitutionManagement.REGISTER_COUNT_CAP);
		mvc.perform(get("/regulator/institutions").param("q", many).with(as(wulong)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("至少 1,000 条记录")));
		mvc.perform(get("/regulator/institutions").param("q", marker).with(as(HANGZHOU)))
			.andExpect(content().string(containsString("共 3 条记录")));
	}

	@Test
	void registeringWithABadCreditCodeShowsWhyAndKeepsWhatWasTyped() throws Exception {
		String name = Fixtures.unique("杭州校验测试医疗美容诊所");
		String good = Fixtures.creditCode("330102");
		String bad = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
		mvc.perform(fill(post("/regulator/institutions/new"), name, bad, "330102").with(as(HANGZHOU)))
			.andExpect(status().isOk())
			.andExpect(view().name("institution/form"))
			.andExpect(
					model().attributeHasFieldErrorCode("form", "creditCode", "institution.creditCode.CHECK_CHARACTER"))
			.andExpect(content().string(containsString("校验位不正确")))
			.andExpect(content().string(containsString(name)));
		assertThat(count("select count(*) from institution where name = ?", name)).isZero();

		mvc.perform(fill(post("/regulator/institutions/new"), name, good, "330102").with(as(HANGZHOU)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/regulator/institutions/*"));
		assertThat(count("select count(*) from institution where name = ? and credit_code = ?", name, good)).isOne();
		assertThat(
				count("select count(*) from audit_event where action = 'INSTITUTION_REGISTERED' and summary = ?", name))
			.isOne();
	}

	@Test
	void theFormDrawsEachFieldOnce() throws Exception {
		String html = mvc.perform(get("/regulator/institutions/new").with(as(HANGZHOU)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (String field : new String[] { "name=\"type\"", "name=\"hospitalGrade\"", "name=\"regionCode\"",
				"name=\"name\"", "name=\"address\"" }) {
			assertThat(html.split(field, -1)).as(field).hasSize(2);
		}
	}

	@Test
	void errorsSpeakEnglishOnRequest() throws Exception {
		mvc.perform(
				fill(post("/regulator/institutions/new").param("lang", "en"), "X", "123", "330102").with(as(HANGZHOU)))
			.andExpect(content().string(containsString("A unified social credit code has 18 characters.")));
	}

	@Test
	void refusesRegionsOutsideTheJurisdictionDuplicatesAndMissingFields() throws Exception {
		mvc.perform(fill(post("/regulator/institutions/new"), "杭州越界医疗美容诊所", Fixtures.creditCode("440303"), "440303")
			.with(as(HANGZHOU)))
			.andExpect(model().attributeHasFieldErrorCode("form", "regionCode",
					"institution.regionCode.outsideJurisdiction"));
		Institution existing = fixtures.institution("330102");
		mvc.perform(fill(post("/regulator/institutions/new"), "杭州重复医疗美容诊所", existing.getCreditCode(), "330102")
			.with(as(HANGZHOU)))
			.andExpect(model().attributeHasFieldErrorCode("form", "creditCode", "institution.creditCode.taken"));
		mvc.perform(post("/regulator/institutions/new").with(csrf())
			.with(as(HANGZHOU))
			.param("name", "")
			.param("beds", "many"))
			.andExpect(model().attributeHasFieldErrorCode("form", "name", "NotBlank"))
			.andExpect(model().attributeHasFieldErrorCode("form", "beds", "typeMismatch"))
			.andExpect(model().attributeHasFieldErrorCode("form", "departments", "NotEmpty"))
			.andExpect(content().string(containsString("请输入整数")));
	}

	@Test
	void aCodeThatFailsTheCheckMayBeRecordedAsAVerifiedExceptionWithAReason() throws Exception {
		String good = Fixtures.creditCode("330102");
		String bad = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
		String name = Fixtures.unique("杭州早期试点医疗美容诊所");
		mvc.perform(fill(post("/regulator/institutions/new"), name, bad, "330102").param("creditCodeException", "true")
			.with(as(HANGZHOU)))
			.andExpect(model().attributeHasFieldErrorCode("form", "creditCodeExceptionReason",
					"institution.creditCodeExceptionReason.required"));
		mvc.perform(fill(post("/regulator/institutions/new"), name, bad, "330102").param("creditCodeException", "true")
			.param("creditCodeExceptionReason", "2016 年试点期间核发，已核对营业执照原件")
			.with(as(HANGZHOU))).andExpect(status().is3xxRedirection());
		assertThat(count("select count(*) from institution where credit_code = ? and credit_code_exception", bad))
			.isOne();
		assertThat(count("select count(*) from audit_event where action = 'INSTITUTION_REGISTERED_WITH_CODE_EXCEPTION'"
				+ " and summary = ?", name))
			.isOne();
	}

	@Test
	void institutionsOutsideTheJurisdictionAnswer404ForEveryPageAndAction() throws Exception {
		Institution xihu = fixtures.institution("330106");
		String id = String.valueOf(xihu.getId());
		mvc.perform(get("/regulator/institutions/" + id).with(as(SHANGCHENG))).andExpect(status().isNotFound());
		mvc.perform(get("/regulator/institutions/" + id + "/edit").with(as(SHANGCHENG)))
			.andExpect(status().isNotFound());
		mvc.perform(fill(post("/regulator/institutions/" + id + "/edit"), "改名", xihu.getCreditCode(), "330106")
			.param("version", "0")
			.with(as(SHANGCHENG))).andExpect(status().isNotFound());
		mvc.perform(post("/regulator/institutions/" + id + "/status").with(csrf())
			.with(as(SHANGCHENG))
			.param("status", "SUSPENDED")
			.param("reason", "越权")).andExpect(status().isNotFound());
		mvc.perform(get("/regulator/institutions/987654321").with(as(HANGZHOU))).andExpect(status().isNotFound());
		assertThat(institutions.get(HANGZHOU, xihu.getId()).getStatus()).isEqualTo(InstitutionStatus.ACTIVE);
		mvc.perform(get("/regulator/institutions/" + id).with(as(HANGZHOU))).andExpect(status().isOk());
	}

	@Test
	void aConcurrentEditGetsAConflictMessageAndKeepsWhatWasTyped() throws Exception {
		Institution institution = fixtures.institution("330102");
		InstitutionForm loadedByA = institutions.editForm(HANGZHOU, institution.getId());
		InstitutionForm savedByB = institutions.editForm(HANGZHOU, institution.getId());
		savedByB.setPhone("0571-11112222");
		institutions.update(HANGZHOU, institution.getId(), savedByB);

		String typedByA = Fixtures.unique("杭州A改的名字医疗美容诊所");
		mvc.perform(fill(post("/regulator/institutions/" + institution.getId() + "/edit"), typedByA,
				loadedByA.getCreditCode(), "330102", loadedByA.getLicenceNumber())
			.param("version", String.valueOf(loadedByA.getVersion()))
			.with(as(HANGZHOU)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasErrors("form"))
			.andExpect(content().string(containsString("其他人已修改")))
			.andExpect(content().string(containsString(typedByA)))
			.andExpect(content().string(containsString("0571-11112222")));
		Institution now = institutions.get(HANGZHOU, institution.getId());
		assertThat(now.getName()).isEqualTo(institution.getName());
		assertThat(now.getPhone()).isEqualTo("0571-11112222");
	}

	@Test
	void anEditRecordsWhatChangedInTheAuditTrail() throws Exception {
		Institution institution = fixtures.institution("330102");
		InstitutionForm form = institutions.editForm(HANGZHOU, institution.getId());
		String renamed = Fixtures.unique("杭州更名后医疗美容诊所");
		mvc.perform(
				fill(post("/regulator/institutions/" + institution.getId() + "/edit"), renamed, form.getCreditCode(),
						"330102", form.getLicenceNumber())
					.param("version", String.valueOf(form.getVersion()))
					.with(as(HANGZHOU)))
			.andExpect(status().is3xxRedirection());
		String details = jdbc.queryForObject(
				"select details from audit_event where action = 'INSTITUTION_UPDATED' and object_id = ?", String.class,
				String.valueOf(institution.getId()));
		assertThat(details).contains("name").contains(institution.getName()).contains(renamed).doesNotContain("phone");
	}

	@Test
	void statusChangesNeedAReasonAndClosedIsFinal() throws Exception {
		Institution institution = fixtures.institution("330102");
		String url = "/regulator/institutions/" + institution.getId() + "/status";
		mvc.perform(post(url).with(csrf()).with(as(HANGZHOU)).param("status", "SUSPENDED").param("reason", " "))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("statusForm", "reason"));
		assertThat(institutions.get(HANGZHOU, institution.getId()).getStatus()).isEqualTo(InstitutionStatus.ACTIVE);

		mvc.perform(post(url).with(csrf()).with(as(HANGZHOU)).param("status", "SUSPENDED").param("reason", "投诉调查"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post(url).with(csrf()).with(as(HANGZHOU)).param("status", "CLOSED").param("reason", "注销"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post(url).with(csrf()).with(as(HANGZHOU)).param("status", "ACTIVE").param("reason", "恢复"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("statusForm", "status", "institution.status.notAllowed"));
		assertThat(institutions.get(HANGZHOU, institution.getId()).getStatus()).isEqualTo(InstitutionStatus.CLOSED);
		assertThat(
				count("select count(*) from audit_event where action = 'INSTITUTION_STATUS_CHANGED' and object_id = ?",
						String.valueOf(institution.getId())))
			.isEqualTo(2);
	}

	@Test
	void formsWithoutACsrfTokenAreRefused() throws Exception {
		String name = Fixtures.unique("杭州无令牌医疗美容诊所");
		MockHttpServletRequestBuilder request = post("/regulator/institutions/new").with(as(HANGZHOU));
		mvc.perform(fillWithoutCsrf(request, name, Fixtures.creditCode("330102"), "330102"))
			.andExpect(status().isForbidden());
		assertThat(count("select count(*) from institution where name = ?", name)).isZero();
	}

	@Test
	void importRegistersEveryRowOfAGoodFileWithOrWithoutBom() throws Exception {
		String a = Fixtures.unique("杭州导入甲医疗美容诊所");
		String b = Fixtures.unique("杭州导入乙医疗美容门诊部");
		String csv = "\uFEFF" + csvHeader() + "\r\n"
				+ row(a, Fixtures.creditCode("330102"), "医疗美容诊所", "330102", "美容皮肤科", "1") + "\r\n"
				+ row(b, Fixtures.creditCode("330106"), "医疗美容门诊部", "330106", "美容外科、麻醉科", "2") + "\r\n";
		mvc.perform(multipart("/regulator/institutions/import").file(csvFile(csv)).with(csrf()).with(as(HANGZHOU)))
			.andExpect(status().is3xxRedirection());
		assertThat(count("select count(*) from institution where name in (?, ?)", a, b)).isEqualTo(2);
		assertThat(count("select count(*) from institution_department d join institution i on i.id = d.institution_id"
				+ " where i.name = ?", b))
			.isEqualTo(2);
	}

	@Test
	void importOfAFileWithBadRowsListsEachProblemByLineAndImportsNothing() throws Exception {
		String good = Fixtures.unique("杭州导入好行医疗美容诊所");
		String code = Fixtures.creditCode("330102");
		String csv = csvHeader() + "\n" + row(good, code, "医疗美容诊所", "330102", "美容皮肤科", "1") + "\n"
				+ row("", "123", "诊所", "330102", "美容皮肤科", "9") + "\n"
				+ row(Fixtures.unique("杭州导入重复医疗美容诊所"), code, "医疗美容诊所", "440303", "美发科", "x") + "\n";
		mvc.perform(multipart("/regulator/institutions/import").file(csvFile(csv)).with(csrf()).with(as(HANGZHOU)))
			.andExpect(status().isOk())
			.andExpect(view().name("institution/import"))
			.andExpect(content().string(containsString("统一社会信用代码应为 18 位")))
			.andExpect(content().string(containsString("无法识别的值“诊所”")))
			.andExpect(content().string(containsString("与文件第 2 行重复")))
			.andExpect(content().string(containsString("所选区划不在您的辖区内")))
			.andExpect(content().string(containsString("“x”不是整数")))
			.andExpect(content().string(containsString("<td>3</td>")))
			.andExpect(content().string(containsString("<td>4</td>")));
		assertThat(count("select count(*) from institution where name = ?", good)).isZero();
	}

	@Test
	void importRefusesAFileWithoutRequiredColumns() throws Exception {
		mvc.perform(multipart("/regulator/institutions/import").file(csvFile("机构名称,地址\n某机构,某路\n"))
			.with(csrf())
			.with(as(HANGZHOU))).andExpect(content().string(containsString("缺少必填列“统一社会信用代码”")));
	}

	@Test
	void exportOpensInExcelWithChineseAndHasTheImportLayout() throws Exception {
		Institution institution = fixtures.institution("330102");
		byte[] body = mvc
			.perform(get("/regulator/institutions/export.csv").param("q", institution.getName()).with(as(HANGZHOU)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
		String csv = new String(body, StandardCharsets.UTF_8);
		assertThat(csv).contains(csvHeader())
			.contains(institution.getName())
			.contains(institution.getCreditCode())
			.contains("医疗美容诊所")
			.contains("美容皮肤科");
		byte[] template = mvc.perform(get("/regulator/institutions/import/template.csv").with(as(HANGZHOU)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(template, StandardCharsets.UTF_8)).isEqualTo("\uFEFF" + csvHeader() + "\r\n");
	}

	private long count(String sql, Object... args) {
		return jdbc.queryForObject(sql, Long.class, args);
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor as(CurrentUser user) {
		return user(Fixtures.principal(user));
	}

	static String csvHeader() {
		return "机构名称,统一社会信用代码,执业许可证登记号,机构类型,医院等级,行政区划代码,地址,法定代表人,诊疗科目,最高手术级别,床位数,手术室数,美容主诊医师数,联系电话,网站,其他认证";
	}

	static String row(String name, String code, String type, String region, String departments, String level) {
		return String.join(",", name, code, Fixtures.unique("PDY").toUpperCase(), type, "", region, "解放路 8 号", "李四",
				departments, level, "0", "1", "2", "0571-88880000", "", "");
	}

	private static MockMultipartFile csvFile(String content) {
		return new MockMultipartFile("file", "institutions.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8));
	}

	private static MockHttpServletRequestBuilder fill(MockHttpServletRequestBuilder request, String name,
			String creditCode, String region) {
		return fillWithoutCsrf(request.with(csrf()), name, creditCode, region);
	}

	private static MockHttpServletRequestBuilder fill(MockHttpServletRequestBuilder request, String name,
			String creditCode, String region, String licenceNumber) {
		return fields(request.with(csrf()), name, creditCode, region, licenceNumber);
	}

	private static MockHttpServletRequestBuilder fillWithoutCsrf(MockHttpServletRequestBuilder request, String name,
			String creditCode, String region) {
		return fields(request, name, creditCode, region, Fixtures.unique("PDY").toUpperCase());
	}

	private static MockHttpServletRequestBuilder fields(MockHttpServletRequestBuilder request, String name,
			String creditCode, String region, String licenceNumber) {
		return request.param("name", name)
			.param("creditCode", creditCode)
			.param("licenceNumber", licenceNumber)
			.param("type", "AESTHETIC_CLINIC")
			.param("regionCode", region)
			.param("address", "解放路 1 号")
			.param("legalRepresentative", "张三")
			.param("departments", "AESTHETIC_DERMATOLOGY")
			.param("surgeryLevel", "1")
			.param("beds", "0")
			.param("operatingRooms", "1")
			.param("chiefPhysicians", "2")
			.param("phone", "0571-88886666");
	}

}
