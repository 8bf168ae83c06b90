package cn.meizhi.complaint;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.meizhi.institution.Institution;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.Role;
import cn.meizhi.support.Fixtures;
import cn.meizhi.support.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Complaints end to end through the pages: intake by the public, tracking, triage by the
 * regulator of the jurisdiction, the institution's statement, the decision and what the
 * public profile then counts. The clock starts on Tuesday 29 September 2026, two days
 * before the National Day holidays.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ComplaintTests {

	static final Instant START = Instant.parse("2026-09-29T02:00:00Z");

	@TestConfiguration
	static class Clocks {

		@Bean
		@Primary
		MutableClock complaintClock() {
			return new MutableClock(START);
		}

	}

	static final String DISTRICT = "330102";

	static final String OTHER_DISTRICT = "330106";

	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	private static final Pattern RECEIPT = Pattern.compile(
			"id=\"tracking-number\">(TS-\\d{6}-\\d{4}-\\d{6})<.*?id=\"secret-code\">([A-Z0-9]{8})<", Pattern.DOTALL);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Complaints complaints;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	record Filed(long id, String number, String code) {
	}

	@Test
	void aConsumerFilesAComplaintAndGetsANumberThatNamesTheRegionAndTheYear() throws Exception {
		Institution clinic = fixtures.institution(DISTRICT);
		String page = mvc
			.perform(filing(clinic.getId()).file(new MockMultipartFile("files", "收费单.pdf", "application/pdf", PDF)))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(content().string(containsString(clinic.getName())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher receipt = RECEIPT.matcher(page);
		assertThat(receipt.find()).isTrue();
		assertThat(receipt.group(1)).startsWith("TS-" + DISTRICT + "-2026-");
		var row = jdbc.queryForMap(
				"select id, status, region_code, acknowledge_by, decide_by, secret_hash from complaint where tracking_number = ?",
				receipt.group(1));
		assertThat(row.get("status")).isEqualTo("RECEIVED");
		assertThat(row.get("region_code")).isEqualTo(DISTRICT);
		// received Tuesday 29 September: 5 working days are Sep 30, Oct 8, Oct 9, Oct 10
		// (a Saturday
		// worked) and Oct 12, the National Day holidays (Oct 1-7) not counted
		assertThat(row.get("acknowledge_by").toString()).isEqualTo("2026-10-12");
		assertThat((String) row.get("secret_hash")).doesNotContain(receipt.group(2));
		long id = ((Number) row.get("id")).longValue();
		assertThat(jdbc.queryForObject("select count(*) from complaint_file where complaint_id = ?", Long.class, id))
			.isEqualTo(1);
		assertThat(jdbc.queryForList(
				"select actor || ' ' || action from audit_event where object_type = 'Complaint' and object_id = ?",
				String.class, String.valueOf(id)))
			.containsExactly("public COMPLAINT_RECEIVED");
	}

	@Test
	void theFormNamesEachMistakeInTheUsersLanguageKeepsWhatWasTypedAndSavesNothing() throws Exception {
		Institution clinic = fixtures.institution(DISTRICT);
		long before = count();
		mvc.perform(multipart("/complaints/new").with(csrf())
			.with(from(nextAddress()))
			.param("institutionId", String.valueOf(clinic.getId()))
			.param("occurredOn", "2026-12-31")
			.param("description", "太短")
			.param("procedureName", "玻尿酸注射")
			.param("contactPhone", "call me maybe")
			.param("contactEmail", "not-an-address")
			.param("consentToContact", "true"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请选择投诉类别")))
			.andExpect(content().string(containsString("发生日期不能晚于今天")))
			.andExpect(content().string(containsString("请写明事情经过，至少 10 个字")))
			.andExpect(content().string(containsString("电话号码只能包含数字")))
			.andExpect(content().string(containsString("电子邮箱格式不正确")))
			.andExpect(content().string(containsString("value=\"玻尿酸注射\"")))
			.andExpect(content().string(containsString("太短")));
		mvc.perform(multipart("/complaints/new").with(csrf())
			.with(from(nextAddress()))
			.param("lang", "en")
			.param("category", "PRICING")
			.param("occurredOn", "2026-09-01")
			.param("description", "They charged twice what they quoted.")
			.param("consentToContact", "true"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Find and choose the institution first.")))
			.andExpect(content().string(containsString("To be contacted, leave a phone number or e-mail.")))
			.andExpect(content().string(containsString("They charged twice what they quoted.")));
		mvc.perform(multipart("/complaints/new").with(csrf())
			.with(from(nextAddress()))
			.param("institutionId", "not-a-number")
			.param("category", "NO_SUCH_CATEGORY")
			.param("occurredOn", "yesterday")
			.param("description", "收费与报价不一致，多收了两千元。")).andExpect(status().isBadRequest());
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void filesAreCheckedByTheirContentAndSizeAndAtMostThreeAreTaken() throws Exception {
		Institution clinic = fixtures.institution(DISTRICT);
		long before = count();
		mvc.perform(filing(clinic.getId())
			.file(new MockMultipartFile("files", "照片.jpg", "image/jpeg", "<script>alert(1)</script>".getBytes())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("文件“照片.jpg”")))
			.andExpect(content().string(containsString("已拒收")))
			.andExpect(content().string(containsString("请重新选择")));
		byte[] large = new byte[(int) cn.meizhi.shared.EvidenceFiles.MAX_BYTES + 1];
		System.arraycopy(PDF, 0, large, 0, PDF.length);
		mvc.perform(filing(clinic.getId()).file(new MockMultipartFile("files", "big.pdf", "application/pdf", large)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("文件超过 10 MB")));
		var tooMany = filing(clinic.getId());
		for (int i = 0; i < 4; i++) {
			tooMany.file(new MockMultipartFile("files", "p" + i + ".pdf", "application/pdf", PDF));
		}
		mvc.perform(tooMany).andExpect(status().isBadRequest()).andExpect(content().string(containsString("附件至多 3 个")));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void markupIsKeptAsTextAndANulCharacterIsRefusedInEveryField() throws Exception {
		Institution clinic = fixtures.institution(DISTRICT);
		String script = "<script>alert('x')</script>";
		Filed filed = file(clinic.getId(), "描述" + script + "：收费不透明。", script, "13800000000");
		mvc.perform(get("/regulator/complaints/" + filed.id()).with(as(Fixtures.regulator(DISTRICT))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(script))))
			.andExpect(content().string(containsString("&lt;script&gt;")));
		long before = count();
		for (String field : List.of("description", "procedureName", "contactPhone", "contactEmail", "occurredOn",
				"category", "institutionId", "website")) {
			var request = filing(clinic.getId());
			request.param(field, "bad\u0000value");
			mvc.perform(request).andExpect(status().isBadRequest());
		}
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aRobotThatFillsTheHiddenFieldIsTurnedAway() throws Exception {
		Institution clinic = fixtures.institution(DISTRICT);
		long before = count();
		mvc.perform(filing(clinic.getId()).param("website", "http://spam.example"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("投诉未能提交")));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void oneAddressFilesAtMostFiveComplaintsAnHour() throws Exception {
		Institution clinic = fixtures.institution(DISTRICT);
		String address = nextAddress();
		for (int i = 0; i < 5; i++) {
			mvc.perform(filing(clinic.getId()).with(from(address))).andExpect(status().isOk());
		}
		long before = count();
		mvc.perform(filing(clinic.getId()).with(from(address)))
			.andExpect(status().isTooManyRequests())
			.andExpect(content().string(containsString("收费与报价不一致")));
		assertThat(count()).isEqualTo(before);
		mvc.perform(filing(clinic.getId()).with(from(nextAddress()))).andExpect(status().isOk());
	}

	@Test
	void trackingNeedsTheNumberAndTheCodeAndNeverSaysWhetherANumberExists() throws Exception {
		Institution clinic = fixtures.institution(DISTRICT);
		Filed filed = file(clinic.getId(), "收费与报价不一致，多收了两千元。", null, null);
		mvc.perform(track(filed.number(), filed.code()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已收到，待受理")))
			.andExpect(content().string(containsString(clinic.getName())));
		mvc.perform(track(filed.number().toLowerCase(), " " + filed.code().toLowerCase() + " "))
			.andExpect(status().isOk());
		String wrongCode = mvc.perform(track(filed.number(), "AAAAAAAA"))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String otherNumber = filed.number().substring(0, filed.number().length() - 6)
				+ (filed.number().endsWith("000000") ? "000001" : "000000");
		String unknownNumber = mvc.perform(track(otherNumber, filed.code()))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(wrongCode).contains("受理编号或查询码不正确").doesNotContain(clinic.getName());
		assertThat(strip(unknownNumber)).isEqualTo(strip(wrongCode).replace(filed.number(), otherNumber));
		mvc.perform(track("'; drop table complaint; --", "x")).andExpect(status().isNotFound());
	}

	@Test
	void theWholeWayFromFilingToTheAnswerWithAnAuditRowForEveryStep() throws Exception {
		Institution clinic = fixtures.institution(DISTRICT);
		CurrentUser regulator = fixtures.account(Role.REGULATOR, DISTRICT, null).toCurrentUser();
		CurrentUser colleague = fixtures.account(Role.REGULATOR, DISTRICT, null).toCurrentUser();
		CurrentUser clinicUser = Fixtures.clinic(clinic.getId());
		var before = complaintCounts(clinic.getId());
		Filed filed = file(clinic.getId(), "术后感染，机构拒绝处理。", "双眼皮手术", "13800000000");
		String detail = "/regulator/complaints/" + filed.id();

		mvc.perform(get("/regulator/complaints").with(as(regulator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(filed.number())));
		mvc.perform(post(detail + "/acknowledge").with(csrf()).with(as(regulator))).andExpect(redirectedUrl(detail));
		mvc.perform(post(detail + "/acknowledge").with(csrf()).with(as(regulator)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("该投诉已受理")));
		mvc.perform(post(detail + "/assign").with(csrf()).with(as(regulator)).param("assigneeId", "999999"))
			.andExpect(status().isBadRequest());
		mvc.perform(post(detail + "/assign").with(csrf())
			.with(as(regulator))
			.param("assigneeId", String.valueOf(colleague.id()))).andExpect(redirectedUrl(detail));
		mvc.perform(get("/regulator/complaints").param("view", "MINE").with(as(colleague)))
			.andExpect(content().string(containsString(filed.number())));
		mvc.perform(post(detail + "/statement").with(csrf())
			.with(as(regulator))
			.param("question", "请说明术后随访记录。")
			.param("due", "2026-09-29"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("说明期限应晚于今天")))
			.andExpect(content().string(containsString("请说明术后随访记录。")));
		mvc.perform(post(detail + "/statement").with(csrf())
			.with(as(regulator))
			.param("question", "请说明术后随访记录。")
			.param("due", "2026-10-20")).andExpect(redirectedUrl(detail));

		// the clinic is told, after the commit, by the notification module
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(jdbc.queryForObject(
					"select count(*) from notification where institution_id = ? and kind = 'COMPLAINT_STATEMENT_REQUESTED'",
					Long.class, clinic.getId()))
				.isEqualTo(1));
		mvc.perform(get("/clinic").with(as(clinicUser))).andExpect(content().string(containsString("待提交的投诉情况说明：1 件")));
		mvc.perform(get("/clinic/complaints").with(as(clinicUser)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请说明术后随访记录。")))
			.andExpect(content().string(containsString("术后感染，机构拒绝处理。")))
			.andExpect(content().string(not(containsString("13800000000"))));
		mvc.perform(post("/clinic/complaints/" + filed.id() + "/statement").with(csrf()).with(as(clinicUser)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请填写说明")));
		mvc.perform(post("/clinic/complaints/" + filed.id() + "/statement").with(csrf())
			.with(as(clinicUser))
			.param("statement", "已于术后第 3 天电话随访，记录附后。"))
			.andExpect(redirectedUrl("/clinic/complaints#complaint-" + filed.id()));

		decide(detail, regulator, "outcome", "NOT_SUBSTANTIATED", "publicAnswer", "经查", "followUp",
				"UNANNOUNCED_INSPECTION", "finding", "x")
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("只有投诉属实或部分属实时才能采取后续措施")));
		decide(detail, regulator, "outcome", "SUBSTANTIATED", "publicAnswer", "经查属实，已责令机构整改并退还费用。", "finding",
				"术后随访缺失。", "followUp", "UNANNOUNCED_INSPECTION")
			.andExpect(redirectedUrl(detail));
		decide(detail, regulator, "outcome", "NOT_SUBSTANTIATED", "publicAnswer", "改判")
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("该投诉已办结")));

		mvc.perform(track(filed.number(), filed.code()))
			.andExpect(content().string(containsString("已办结")))
			.andExpect(content().string(containsString("经查属实，已责令机构整改并退还费用。")))
			.andExpect(content().string(not(containsString("术后随访缺失。"))));

		var after = complaintCounts(clinic.getId());
		assertThat(after.decided()).isEqualTo(before.decided() + 1);
		assertThat(after.byOutcome().get(ComplaintOutcome.SUBSTANTIATED))
			.isEqualTo(before.byOutcome().get(ComplaintOutcome.SUBSTANTIATED) + 1);
		mvc.perform(get("/institutions/" + clinic.getId()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("办结投诉 1 件")))
			.andExpect(content().string(containsString("诊疗质量")))
			.andExpect(content().string(not(containsString("术后感染"))));
		mvc.perform(get("/api/public/institutions/" + clinic.getId()))
			.andExpect(jsonPath("$.complaints.decided").value(1))
			.andExpect(jsonPath("$.complaints.upheld").value(1))
			.andExpect(jsonPath("$.complaints.byOutcome.SUBSTANTIATED").value(1))
			.andExpect(jsonPath("$.complaints.byCategory.CARE_QUALITY").value(1))
			.andExpect(content().string(not(containsString("术后感染"))));
		mvc.perform(get("/api/public/institutions.csv").param("q", clinic.getCreditCode()))
			.andExpect(content().string(containsString("complaintsDecided12m,complaintsUpheld12m")))
			.andExpect(content().string(containsString(",1,1")));

		assertThat(jdbc.queryForList(
				"select action from audit_event where object_type = 'Complaint' and object_id = ? order by id",
				String.class, String.valueOf(filed.id())))
			.containsExactly("COMPLAINT_RECEIVED", "COMPLAINT_ACKNOWLEDGED", "COMPLAINT_ASSIGNED",
					"COMPLAINT_STATEMENT_REQUESTED", "COMPLAINT_STATEMENT_GIVEN", "COMPLAINT_DECIDED");
	}

	@Test
	void aSubstantiatedFindingBecomesACorrectiveActionTheClinicAnswersAndTheRegulatorCloses() throws Exception {
		Institution clinic = fixtures.institution(DISTRICT);
		CurrentUser regulator = Fixtures.regulator(DISTRICT);
		CurrentUser clinicUser = Fixtures.clinic(clinic.getId());
		Filed filed = file(clinic.getId(), "无资质人员操作激光设备。", "激光脱毛", null);
		String detail = "/regulator/complaints/" + filed.id();
		decide(detail, regulator, "outcome", "SUBSTANTIATED", "publicAnswer", "经查属实，已责令整改。", "finding",
				"激光设备由未取得资质的美容师操作。", "followUp", "CORRECTIVE_ACTION", "actionDue", "2026-09-29")
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("整改期限应晚于今天")));
		decide(detail, regulator, "outcome", "SUBSTANTIATED", "publicAnswer", "经查属实，已责令整改。", "finding",
				"激光设备由未取得资质的美容师操作。", "followUp", "CORRECTIVE_ACTION", "actionDue", "2026-10-30", "actionSeverity",
				"SERIOUS")
			.andExpect(redirectedUrl(detail));
		long actionId = jdbc.queryForObject("select corrective_action_id from complaint where id = ?", Long.class,
				filed.id());
		mvc.perform(get("/clinic/corrective-actions").with(as(clinicUser)))
			.andExpect(content().string(containsString("源于投诉 " + filed.number())))
			.andExpect(content().string(containsString("激光设备由未取得资质的美容师操作。")));
		mvc.perform(post(detail + "/action/close").with(csrf()).with(as(regulator))).andExpect(status().isBadRequest());
		mvc.perform(multipart("/clinic/corrective-actions/" + actionId + "/respond")
			.file(new MockMultipartFile("files", "培训证明.pdf", "application/pdf", PDF))
			.with(csrf())
			.with(as(clinicUser))
			.param("response", "已停止该美容师操作，安排持证医师，培训记录附后。")).andExpect(status().is3xxRedirection());
		// an assessor cannot close it, nor a regulator of another district
		mvc.perform(post("/assessor/actions/" + actionId + "/verify").with(csrf())
			.with(as(Fixtures.assessor()))
			.param("inspectionId", "1")).andExpect(status().isNotFound());
		mvc.perform(post(detail + "/action/close").with(csrf()).with(as(Fixtures.regulator(OTHER_DISTRICT))))
			.andExpect(status().isNotFound());
		mvc.perform(get(detail).with(as(regulator))).andExpect(content().string(containsString("已停止该美容师操作")));
		mvc.perform(post(detail + "/action/close").with(csrf()).with(as(regulator))).andExpect(redirectedUrl(detail));
		assertThat(jdbc.queryForObject("select status from corrective_action where id = ?", String.class, actionId))
			.isEqualTo("CLOSED");
		assertThat(jdbc.queryForList(
				"select action from audit_event where object_type = 'CorrectiveAction' and object_id = ? order by id",
				String.class, String.valueOf(actionId)))
			.containsExactly("CORRECTIVE_ACTION_ORDERED", "CORRECTIVE_ACTION_ANSWERED", "CORRECTIVE_ACTION_CLOSED");
	}

	@Test
	void aRegulatorOfAnotherDistrictAndAnotherClinicGetNotFound() throws Exception {
		Institution clinic = fixtures.institution(DISTRICT);
		Institution other = fixtures.institution(DISTRICT);
		Filed filed = file(clinic.getId(), "收费与报价不一致，多收了两千元。", null, "13800000000");
		CurrentUser outsider = Fixtures.regulator(OTHER_DISTRICT);
		String detail = "/regulator/complaints/" + filed.id();
		mvc.perform(get(detail).with(as(outsider))).andExpect(status().isNotFound());
		for (String step : List.of("/acknowledge", "/assign", "/statement", "/decide")) {
			mvc.perform(post(detail + step).with(csrf()).with(as(outsider))).andExpect(status().isNotFound());
		}
		mvc.perform(get("/regulator/complaints").param("view", "ALL").with(as(outsider)))
			.andExpect(content().string(not(containsString(filed.number()))));
		// a complaint on which no statement was asked, and one asked of another clinic:
		// the same 404
		mvc.perform(post("/clinic/complaints/" + filed.id() + "/statement").with(csrf())
			.with(as(Fixtures.clinic(clinic.getId())))
			.param("statement", "说明")).andExpect(status().isNotFound());
		complaints.requestStatement(Fixtures.regulator(DISTRICT), filed.id(), "请说明收费依据。", LocalDate.of(2026, 10, 20));
		mvc.perform(post("/clinic/complaints/" + filed.id() + "/statement").with(csrf())
			.with(as(Fixtures.clinic(other.getId())))
			.param("statement", "说明")).andExpect(status().isNotFound());
		mvc.perform(get("/clinic/complaints").with(as(Fixtures.clinic(other.getId()))))
			.andExpect(content().string(not(containsString(filed.number()))));
		mvc.perform(get("/regulator/complaints/" + filed.id()).with(as(Fixtures.clinic(clinic.getId()))))
			.andExpect(status().isForbidden());
		mvc.perform(get(detail + "/files/1").with(as(outsider))).andExpect(status().isNotFound());
	}

	@Test
	void deadlinesRunInWorkingDaysAndMoveWhenTheCalendarChanges() throws Exception {
		Institution clinic = fixtures.institution("330105");
		CurrentUser regulator = Fixtures.regulator("330105");
		long overdueBefore = complaints.overdueCount(regulator);
		Filed filed = file(clinic.getId(), "收费与报价不一致，多收了两千元。", null, null);
		Complaint complaint = complaints.get(regulator, filed.id());
		assertThat(complaint.getAcknowledgeBy()).isEqualTo(LocalDate.of(2026, 10, 12));
		// 30 working days: 1 in September, 18 in October after the holidays, 11 in
		// November
		assertThat(complaint.getDecideBy()).isEqualTo(LocalDate.of(2026, 11, 16));
		try {
			clock.advance(Duration.ofDays(13)); // 12 October: the last day to acknowledge
			assertThat(complaints.overdueCount(regulator)).isEqualTo(overdueBefore);
			clock.advance(Duration.ofDays(1)); // 13 October
			assertThat(complaints.overdueCount(regulator)).isEqualTo(overdueBefore + 1);
			mvc.perform(get("/regulator").with(as(regulator)))
				.andExpect(content().string(containsString("投诉超过受理或办结期限")));
			// an extra holiday on 12 October (a Monday) moves the deadline to the 13th
			calendar.mark(Fixtures.admin(), LocalDate.of(2026, 10, 12), cn.meizhi.calendar.DayKind.HOLIDAY, "测试假日");
			assertThat(complaints.get(regulator, filed.id()).getAcknowledgeBy()).isEqualTo(LocalDate.of(2026, 10, 13));
			assertThat(complaints.overdueCount(regulator)).isEqualTo(overdueBefore);
			calendar.unmark(Fixtures.admin(), LocalDate.of(2026, 10, 12));
			assertThat(complaints.get(regulator, filed.id()).getAcknowledgeBy()).isEqualTo(LocalDate.of(2026, 10, 12));
			complaints.acknowledge(regulator, filed.id());
			assertThat(complaints.overdueCount(regulator)).isEqualTo(overdueBefore);
		}
		finally {
			clock.advance(Duration.ofDays(-14));
		}
	}

	private ComplaintRecord.PublicCounts complaintCounts(long institutionId) {
		return record.of(institutionId);
	}

	@Autowired
	ComplaintRecord record;

	@Autowired
	cn.meizhi.calendar.WorkingCalendar calendar;

	private Filed file(long institutionId, String description, String procedure, String phone) throws Exception {
		var request = filing(institutionId).param("description", description);
		if (procedure != null) {
			request.param("procedureName", procedure);
		}
		if (phone != null) {
			request.param("contactPhone", phone).param("consentToContact", "true");
		}
		String page = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		Matcher receipt = RECEIPT.matcher(page);
		assertThat(receipt.find()).as(page).isTrue();
		long id = jdbc.queryForObject("select id from complaint where tracking_number = ?", Long.class,
				receipt.group(1));
		return new Filed(id, receipt.group(1), receipt.group(2));
	}

	/** A valid filing from a fresh address, to which a test adds or overrides. */
	private MockMultipartHttpServletRequestBuilder filing(long institutionId) {
		return (MockMultipartHttpServletRequestBuilder) multipart("/complaints/new").with(csrf())
			.with(from(nextAddress()))
			.param("institutionId", String.valueOf(institutionId))
			.param("category", "CARE_QUALITY")
			.param("occurredOn", "2026-09-20")
			.param("description", "收费与报价不一致，多收了两千元。");
	}

	private org.springframework.test.web.servlet.RequestBuilder track(String number, String code) {
		return post("/complaints/track").with(csrf())
			.with(from(nextAddress()))
			.param("number", number)
			.param("code", code);
	}

	/**
	 * The regulator's decision on a complaint, with the form's fields as name-value
	 * pairs.
	 */
	private org.springframework.test.web.servlet.ResultActions decide(String detail, CurrentUser regulator,
			String... fields) throws Exception {
		var request = post(detail + "/decide").with(csrf()).with(as(regulator));
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		return mvc.perform(request);
	}

	private long count() {
		return jdbc.queryForObject("select count(*) from complaint", Long.class);
	}

	private static String nextAddress() {
		int n = ADDRESSES.incrementAndGet();
		return "10.77." + (n / 250) + "." + (n % 250 + 1);
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static String strip(String page) {
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
	}

	private static RequestPostProcessor as(CurrentUser user) {
		return user(Fixtures.principal(user));
	}

}
