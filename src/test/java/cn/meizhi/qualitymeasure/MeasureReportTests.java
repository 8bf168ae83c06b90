package cn.meizhi.qualitymeasure;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import cn.meizhi.institution.Institution;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.support.Fixtures;
import cn.meizhi.support.MutableClock;
import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
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
 * Periodic reporting of quality measures, on a clock fixed at 2026-10-20 (2026-Q3 ended
 * on 30 September and was due on 15 October): drafts, submission, return and
 * resubmission, correction with its reason and history; every rule of a value named by
 * its measure; uploads of good and bad files; late periods reminded once; a clinic
 * reaches only its own reports and a regulator only its jurisdiction's.
 */
@SpringBootTest(
		properties = { "spring.mail.host=mail.invalid", "meizhi.quality-measures.reminder-mail.3301=qc@hz.example" })
@AutoConfigureMockMvc
class MeasureReportTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@TestConfiguration
	static class Clocks {

		@Bean
		@Primary
		MutableClock reportingClock() {
			return new MutableClock(LocalDateTime.of(2026, 10, 20, 10, 0).atZone(ZONE).toInstant());
		}

		@Bean
		@Primary
		RecordingSender reminderOutbox() {
			return new RecordingSender();
		}

	}

	/**
	 * The mail server is the only thing replaced: a sender that keeps what it would send.
	 */
	static class RecordingSender extends org.springframework.mail.javamail.JavaMailSenderImpl {

		final List<org.springframework.mail.SimpleMailMessage> sent = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Override
		public void send(org.springframework.mail.SimpleMailMessage... messages) {
			sent.addAll(List.of(messages));
		}

	}

	static final CurrentUser REGULATOR = Fixtures.regulator("330100");

	/**
	 * A small set reported by aesthetic clinics from 2026: a rate in percent (0–20), a
	 * rate per thousand, a count, days, a monthly rate; and a measure only hospitals
	 * report.
	 */
	static final String SET = """
			{"label": "测试指标集", "reportingFrom": "2026-01-01", "measures": [
			 {"code": "T1", "name": "手术并发症发生率", "nameEn": "Complications", "definition": "d", "numerator": "并发症例数",
			  "denominator": "手术例数", "unit": "RATE_PERCENT", "direction": "LOWER_BETTER",
			  "institutionTypes": ["AESTHETIC_CLINIC"], "period": "QUARTERLY", "min": 0, "max": 20, "disclosed": true},
			 {"code": "T2", "name": "投诉率", "nameEn": "Complaints", "definition": "d", "numerator": "投诉件数",
			  "denominator": "就诊人次", "unit": "PER_THOUSAND", "direction": "LOWER_BETTER",
			  "institutionTypes": ["AESTHETIC_CLINIC"], "period": "QUARTERLY", "disclosed": true},
			 {"code": "T3", "name": "不良事件报告例数", "nameEn": "Adverse events", "definition": "d", "numerator": "例数",
			  "unit": "COUNT", "direction": "HIGHER_BETTER", "institutionTypes": ["AESTHETIC_CLINIC"],
			  "period": "QUARTERLY", "disclosed": false},
			 {"code": "T4", "name": "平均住院日", "nameEn": "Length of stay", "definition": "d", "numerator": "天数",
			  "unit": "DAYS", "direction": "LOWER_BETTER", "institutionTypes": ["AESTHETIC_CLINIC"],
			  "period": "QUARTERLY", "max": 30, "disclosed": true},
			 {"code": "T5", "name": "知情同意书规范签署率", "nameEn": "Consent", "definition": "d", "numerator": "规范例数",
			  "denominator": "手术例数", "unit": "RATE_PERCENT", "direction": "HIGHER_BETTER",
			  "institutionTypes": ["AESTHETIC_CLINIC"], "period": "MONTHLY", "disclosed": true},
			 {"code": "H1", "name": "麻醉意外发生率", "nameEn": "Anaesthesia", "definition": "d", "numerator": "例数",
			  "denominator": "麻醉例数", "unit": "RATE_PERCENT", "direction": "LOWER_BETTER",
			  "institutionTypes": ["AESTHETIC_HOSPITAL"], "period": "QUARTERLY", "disclosed": true}
			]}
			""";

	@Autowired
	MeasureSets sets;

	@Autowired
	MeasureReports reports;

	@Autowired
	MeasureBenchmarks benchmarks;

	@Autowired
	PublicQualityMeasures publicMeasures;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	RecordingSender outbox;

	@Autowired
	MeasureDistrictStats districtStats;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	Institution institution;

	CurrentUser clinic;

	@BeforeEach
	void publishTheSet() {
		var imported = sets.importJson(REGULATOR, new ByteArrayInputStream(SET.getBytes(StandardCharsets.UTF_8)));
		assertThat(imported.problems()).isEmpty();
		sets.publish(REGULATOR, imported.set().getId());
		institution = fixtures.institution("330102");
		clinic = Fixtures.clinic(institution.getId());
	}

	@Test
	void theClinicSeesEachEndedPeriodItReportsWithItsDueDayAndLateness() {
		var periods = reports.periodsOf(clinic);
		// quarters Q1–Q3 and months January–September of 2026; Q4 and October have not
		// ended
		assertThat(periods).extracting(p -> p.period().key())
			.contains("2026-Q3", "2026-Q2", "2026-Q1", "2026-09", "2026-01")
			.doesNotContain("2026-Q4", "2026-10", "2025-Q4");
		var q3 = periods.stream().filter(p -> p.period().key().equals("2026-Q3")).findFirst().orElseThrow();
		assertThat(q3.due()).isEqualTo(LocalDate.of(2026, 10, 15));
		assertThat(q3.late()).isTrue();
		assertThat(q3.state()).isEqualTo(MeasureReports.NOT_STARTED);
		// the clinic reports its type's measures of the period's frequency, not the
		// hospitals'
		assertThat(reports.reportOf(clinic, "2026-Q3").measures()).extracting(QualityMeasure::getCode)
			.containsExactly("T1", "T2", "T3", "T4");
		assertThat(reports.reportOf(clinic, "2026-09").measures()).extracting(QualityMeasure::getCode)
			.containsExactly("T5");
	}

	@Test
	void aDraftIsSubmittedReturnedResubmittedAndCorrectedWithEverySubmissionKept() {
		// a draft may have blanks
		MeasureReport draft = reports.save(clinic, "2026-Q3", form(Map.of("T1", "2"), Map.of("T1", "150")), false);
		assertThat(draft.getStatus()).isEqualTo(ReportStatus.DRAFT);
		assertThat(draft.getRevision()).isZero();
		// a submission may not
		assertThat(reasons(() -> reports.save(clinic, "2026-Q3", form(Map.of("T1", "2"), Map.of("T1", "150")), true)))
			.contains("measureReport.numerator.required", "measureReport.denominator.required");
		MeasureReport submitted = reports.save(clinic, "2026-Q3", complete(), true);
		assertThat(submitted.getStatus()).isEqualTo(ReportStatus.SUBMITTED);
		assertThat(submitted.getRevision()).isEqualTo(1);
		var view = reports.reportOf(clinic, "2026-Q3");
		assertThat(view.late()).isFalse();
		// 2 of 150 operations: 1.3333 %; 3 complaints in 1,200 visits: 2.5 per thousand
		assertThat(valueOf(view, "T1")).isEqualByComparingTo("1.3333");
		assertThat(valueOf(view, "T2")).isEqualByComparingTo("2.5");
		assertThat(valueOf(view, "T3")).isEqualByComparingTo("4");
		// locked
		assertThat(reasons(() -> reports.save(clinic, "2026-Q3", complete(), false)))
			.containsExactly("measureReport.locked");

		// the regulator returns it with a reason; the clinic is told
		assertThat(reasons(() -> reports.returnReport(REGULATOR, submitted.getId(), " ")))
			.containsExactly("measureReport.return.reason");
		reports.returnReport(REGULATOR, submitted.getId(), "T3 与不良事件报告数不符");
		assertThat(reports.reportOf(clinic, "2026-Q3").report().getStatus()).isEqualTo(ReportStatus.RETURNED);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(jdbc.queryForList(
					"select detail from notification where institution_id = ? and kind = 'MEASURE_REPORT_RETURNED'",
					String.class, institution.getId()))
				.containsExactly("T3 与不良事件报告数不符"));
		assertThat(reasons(() -> reports.returnReport(REGULATOR, submitted.getId(), "again")))
			.containsExactly("measureReport.returnOnlySubmitted");

		// resubmitted with the fixed count: the second submission
		MeasureValuesForm fixed = complete();
		fixed.getNumerator().put("T3", "5");
		assertThat(reports.save(clinic, "2026-Q3", fixed, true).getRevision()).isEqualTo(2);

		// a correction needs its reason; it is a third submission and the second is kept
		MeasureValuesForm corrected = complete();
		corrected.getNumerator().put("T1", "3");
		assertThat(reasons(() -> reports.correct(clinic, "2026-Q3", corrected)))
			.containsExactly("measureReport.correction.reason");
		corrected.setReason("漏报一例血肿");
		assertThat(reports.correct(clinic, "2026-Q3", corrected).getRevision()).isEqualTo(3);
		var history = reports.reportOf(clinic, "2026-Q3").history();
		assertThat(history).extracting(MeasureReports.Revision::revision).containsExactly(3, 2, 1);
		assertThat(history.get(0).reason()).isEqualTo("漏报一例血肿");
		assertThat(history.get(0).values()).filteredOn(v -> v.code().equals("T1"))
			.extracting(v -> v.numerator().intValue())
			.containsExactly(3);
		assertThat(history.get(1).values()).filteredOn(v -> v.code().equals("T1"))
			.extracting(v -> v.numerator().intValue())
			.containsExactly(2);
		assertThat(history.get(2).values()).filteredOn(v -> v.code().equals("T3"))
			.extracting(v -> v.numerator().intValue())
			.containsExactly(4);
		// the audit trail has each step
		assertThat(jdbc.queryForList(
				"select action from audit_event where object_type = 'MeasureReport' " + "and object_id = ? order by id",
				String.class, String.valueOf(submitted.getId())))
			.containsExactly("MEASURE_REPORT_SUBMITTED", "MEASURE_REPORT_RETURNED", "MEASURE_REPORT_SUBMITTED",
					"MEASURE_REPORT_CORRECTED");
	}

	@Test
	void everyRuleOfAValueIsNamedByItsMeasureAndNothingIsSaved() {
		MeasureValuesForm bad = form(Map.of("T1", "两例", "T2", "30", "T3", "1.5", "T4", "-2"),
				Map.of("T1", "100", "T2", "20"));
		var problems = problems(() -> reports.save(clinic, "2026-Q2", bad, true));
		assertThat(problems).extracting(p -> p.field() + " " + p.code())
			.containsExactlyInAnyOrder("numerator[T1] measureReport.numerator.notANumber",
					"numerator[T2] measureReport.numeratorAboveDenominator",
					"numerator[T3] measureReport.numerator.notWhole",
					"numerator[T4] measureReport.numerator.notANumber");
		assertThat(reports.reportOf(clinic, "2026-Q2").report()).isNull();

		// a rate above its plausible range (25 % > 20 %) needs the reporter's
		// confirmation
		MeasureValuesForm outlier = complete();
		outlier.getNumerator().put("T1", "1");
		outlier.getDenominator().put("T1", "4");
		assertThat(problems(() -> reports.save(clinic, "2026-Q2", outlier, true)))
			.extracting(p -> p.code() + " " + p.arguments()[1] + " " + p.arguments()[2])
			.containsExactly("measureReport.outsideRange 25 0–20");
		outlier.setConfirmOutliers(true);
		assertThat(reports.save(clinic, "2026-Q2", outlier, true).getStatus()).isEqualTo(ReportStatus.SUBMITTED);

		// no operations at all: 0 of 0 is reported, with no value
		MeasureValuesForm none = complete();
		none.getNumerator().put("T1", "0");
		none.getDenominator().put("T1", "0");
		reports.save(clinic, "2026-Q1", none, true);
		assertThat(reports.reportOf(clinic, "2026-Q1").report().valueOf(measureId("T1")).orElseThrow().getValue())
			.isNull();
	}

	@Test
	void theFormShowsTheProblemNextToItsFieldAndKeepsWhatWasTyped() throws Exception {
		mvc.perform(post("/clinic/quality-measures/2026-Q3").with(csrf())
			.with(user(Fixtures.principal(clinic)))
			.param("action", "submit")
			.param("numerator[T1]", "3")
			.param("denominator[T1]", "2")
			.param("numerator[T2]", "abc"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("分子（3）不能大于分母（2）")))
			.andExpect(content().string(containsString("T2 投诉率：分子“abc”不是数字")))
			.andExpect(content().string(containsString("value=\"abc\"")))
			.andExpect(content().string(containsString("aria-describedby=\"n-T1-error\"")));
		mvc.perform(post("/clinic/quality-measures/2026-Q3").with(csrf())
			.with(user(Fixtures.principal(clinic)))
			.param("action", "save")
			.param("numerator[T1]", "1")
			.param("denominator[T1]", "20")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/clinic/quality-measures/2026-Q3").with(user(Fixtures.principal(clinic))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"20\"")))
			.andExpect(content().string(containsString("草稿")));
	}

	@Test
	void aDownloadedTemplateFilledInUploadsIntoTheDraft() throws Exception {
		String template = new String(
				mvc.perform(get("/clinic/quality-measures/2026-Q3/template.csv").with(user(Fixtures.principal(clinic))))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsByteArray(),
				StandardCharsets.UTF_8);
		assertThat(template).startsWith("\uFEFF指标代码,指标名称,单位,分子,分母");
		byte[] workbook = mvc
			.perform(get("/clinic/quality-measures/2026-Q3/template.xlsx").with(user(Fixtures.principal(clinic))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var read = new org.dhatim.fastexcel.reader.ReadableWorkbook(new ByteArrayInputStream(workbook))) {
			var rows = read.getFirstSheet().read();
			assertThat(rows.get(0).getCellText(0)).isEqualTo("指标代码");
			assertThat(rows.stream().skip(1).map(r -> r.getCellText(0))).containsExactly("T1", "T2", "T3", "T4");
		}
		String filled = template.replace("T1,手术并发症发生率,RATE_PERCENT,,", "T1,手术并发症发生率,RATE_PERCENT,2,150")
			.replace("T3,不良事件报告例数,COUNT,,", "T3,不良事件报告例数,COUNT,4,");
		upload("2026-Q3", "q3.csv", filled.getBytes(StandardCharsets.UTF_8)).andExpect(status().is3xxRedirection());
		var view = reports.reportOf(clinic, "2026-Q3");
		assertThat(view.report().getStatus()).isEqualTo(ReportStatus.DRAFT);
		assertThat(valueOf(view, "T1")).isEqualByComparingTo("1.3333");
		assertThat(valueOf(view, "T3")).isEqualByComparingTo("4");

		// the same from Excel, with the English header
		byte[] xlsx = xlsx(List.of("code", "measure", "unit", "numerator", "denominator"),
				List.of(List.of("T1", "x", "", 5, 100), List.of("T2", "x", "", 3, 1200), List.of("T3", "x", "", 1, ""),
						List.of("T4", "x", "", 6.5, "")));
		upload("2026-Q3", "q3.xlsx", xlsx).andExpect(status().is3xxRedirection());
		view = reports.reportOf(clinic, "2026-Q3");
		assertThat(valueOf(view, "T1")).isEqualByComparingTo("5");
		assertThat(valueOf(view, "T4")).isEqualByComparingTo("6.5");
		// and it submits as it is
		assertThat(reports.save(clinic, "2026-Q3", reports.formOf(view), true).getStatus())
			.isEqualTo(ReportStatus.SUBMITTED);
		// a submitted period takes no upload
		upload("2026-Q3", "q3.xlsx", xlsx).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("本期已提交并锁定")));
	}

	@Test
	void aBadFileIsRefusedWithEveryProblemByRowAndTheDraftIsUnchanged() throws Exception {
		reports.save(clinic, "2026-Q2", form(Map.of("T1", "1"), Map.of("T1", "50")), false);
		String header = "指标代码,指标名称,单位,分子,分母\n";
		upload("2026-Q2", "bad.csv", (header + """
				T1,x,,abc,100
				T2,x,,30,20
				T9,x,,1,2
				T1,x,,1,2
				T3,x,,2.5,
				""").getBytes(StandardCharsets.UTF_8)).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("第 2 行（T1 手术并发症发生率）：分子“abc”不是数字")))
			.andExpect(content().string(containsString("第 3 行（T2 投诉率）：分子（30）不能大于分母（20）")))
			.andExpect(content().string(containsString("第 4 行：指标代码“T9”不是本期需要上报的指标")))
			.andExpect(content().string(containsString("第 5 行：指标“T1”在第 2 行已经填写过")))
			.andExpect(content().string(containsString("第 6 行（T3 不良事件报告例数）：分子是例数，须为整数")));
		upload("2026-Q2", "wrong.csv", "name,score\nA,1\n".getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("文件不是上报模板")));
		upload("2026-Q2", "gbk.csv", (header + "T1,并发症,,1,2\n").getBytes(java.nio.charset.Charset.forName("GBK")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("无法读取文件")));
		upload("2026-Q2", "broken.xlsx", "PK not a workbook".getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("无法读取文件")));
		byte[] large = new byte[10 * 1024 * 1024];
		java.util.Arrays.fill(large, (byte) '1');
		upload("2026-Q2", "large.csv", large).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("文件超过 2 MB")));
		// the draft is as it was
		assertThat(valueOf(reports.reportOf(clinic, "2026-Q2"), "T1")).isEqualByComparingTo("2");
	}

	@Test
	void lateReportsAreRemindedOnceHoweverOftenTheJobRuns() {
		Institution submittedOnTime = fixtures.institution("330102");
		reports.save(Fixtures.clinic(submittedOnTime.getId()), "2026-Q3", complete(), true);
		reports.remindOverdue();
		reports.remindOverdue();
		assertThat(jdbc.queryForList(
				"select detail from notification where institution_id = ? and kind = 'MEASURE_REPORT_OVERDUE'",
				String.class, institution.getId()))
			.containsExactlyInAnyOrder("2026-Q3 2026-10-15", "2026-09 2026-10-15");
		assertThat(jdbc.queryForList(
				"select detail from notification where institution_id = ? and kind = 'MEASURE_REPORT_OVERDUE'",
				String.class, submittedOnTime.getId()))
			.containsExactly("2026-09 2026-10-15");
		// the region's quality-control centre gets one mail per period listing who is
		// late
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(outbox.sent)
				.filteredOn(m -> m.getSubject().contains("2026-Q3") && m.getText().contains(institution.getName()))
				.singleElement()
				.satisfies(m -> {
					assertThat(m.getTo()).containsExactly("qc@hz.example");
					assertThat(m.getText()).contains(institution.getCreditCode())
						.doesNotContain(submittedOnTime.getName())
						.contains("/regulator/quality-measures/reports?period=2026-Q3&state=LATE");
				}));
	}

	@Test
	void theRegulatorFollowsThePeriodAcrossTheJurisdictionOnly() throws Exception {
		Institution other = fixtures.institution("330102");
		MeasureReport submitted = reports.save(Fixtures.clinic(other.getId()), "2026-Q3", complete(), true);
		reports.save(clinic, "2026-Q3", form(Map.of("T1", "1"), Map.of("T1", "10")), false);

		var overview = reports.overview(REGULATOR, "2026-Q3", MeasureReports.LATE, 0);
		assertThat(overview.period().key()).isEqualTo("2026-Q3");
		assertThat(overview.counts().get("SUBMITTED")).isPositive();
		assertThat(overview.late())
			.isEqualTo(overview.counts().get(MeasureReports.NOT_STARTED) + overview.counts().get("DRAFT"));
		mvc.perform(get("/regulator/quality-measures/reports").param("period", "2026-Q3")
			.param("state", "SUBMITTED")
			.with(user(Fixtures.principal(REGULATOR))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/regulator/quality-measures/reports/" + submitted.getId())));
		mvc.perform(get("/regulator/quality-measures/reports/" + submitted.getId())
			.with(user(Fixtures.principal(REGULATOR))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(other.getName())));

		// another city's regulator: as if the report did not exist
		CurrentUser ningbo = Fixtures.regulator("330200");
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> reports.report(ningbo, submitted.getId()));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> reports.returnReport(ningbo, submitted.getId(), "x"));
		mvc.perform(
				get("/regulator/quality-measures/reports/" + submitted.getId()).with(user(Fixtures.principal(ningbo))))
			.andExpect(status().isNotFound());
		assertThat(reports.overview(ningbo, "2026-Q3", "SUBMITTED", 0).rows().getContent())
			.extracting(MeasureReports.OverviewRow::institutionId)
			.doesNotContain(other.getId());

		// a clinic reaches only its own institution's periods: the period key names no
		// one else's
		mvc.perform(get("/clinic/quality-measures/2026-Q3").with(user(Fixtures.principal(clinic))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(other.getName()))));
		// periods that have not ended, began before the set, or do not exist
		for (String period : List.of("2026-Q4", "2025-Q4", "2026-Q5", "x", "2026-13")) {
			mvc.perform(get("/clinic/quality-measures/" + period).with(user(Fixtures.principal(clinic))))
				.andExpect(status().isNotFound());
		}
	}

	@Test
	void theRegulatorSeesTheOutlierOnTheFunnelTheClinicItsFeedbackAndThePublicTheComparison() throws Exception {
		// complications in 2026-Q3: overall 50 of 400 = 12.5 %; C's 27 of 100 is beyond
		// the
		// 99.8 % limit there (22.72 %), D's 3 of 10 is not (44.82 % at ten cases)
		Institution a = reported(5, 100);
		Institution b = reported(10, 100);
		Institution c = reported(27, 100);
		Institution d = reported(3, 10);
		Institution small = reported(5, 90);

		var view = benchmarks.forRegulator(REGULATOR, "2026-Q3", "T1", "330102", 0).orElseThrow();
		assertThat(view.benchmark().outliers()).extracting(MeasureBenchmark.Entry::institutionId)
			.containsExactly(c.getId());
		assertThat(view.benchmark().distribution().median()).isEqualTo(10.0);
		assertThat(view.outliers()).extracting(o -> o.measure().getCode() + " " + o.institutionId())
			.contains("T1 " + c.getId());
		// the city: the district's line, the pooled rate and the same outlier, flagged
		// against its district
		var city = benchmarks.forRegulator(REGULATOR, "2026-Q3", "T1", null, 0).orElseThrow();
		assertThat(city.district()).isFalse();
		assertThat(city.districts()).singleElement().satisfies(line -> {
			assertThat(line.regionCode()).isEqualTo("330102");
			assertThat(line.distribution().institutions()).isEqualTo(5);
			assertThat(line.distribution().median()).isEqualTo(10.0);
			assertThat(line.overall()).isEqualTo(12.5);
		});
		assertThat(city.regionTrend()).last().satisfies(point -> assertThat(point.overall()).isEqualTo(12.5));
		assertThat(city.outliers()).extracting(o -> o.measure().getCode() + " " + o.institutionId())
			.contains("T1 " + c.getId());
		assertThat(city.outlierCounts()).extracting(o -> o.measure().getCode() + " " + o.outliers()).contains("T1 1");
		mvc.perform(get("/regulator/quality-measures/benchmarks").param("period", "2026-Q3")
			.param("measure", "T1")
			.with(user(Fixtures.principal(REGULATOR))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"district-330102\"")))
			.andExpect(content().string(containsString(c.getName())))
			.andExpect(content().string(not(containsString("id=\"funnel-plot\""))));
		mvc.perform(get("/regulator/quality-measures/benchmarks").param("period", "2026-Q3")
			.param("measure", "T1")
			.param("region", "330102")
			.with(user(Fixtures.principal(REGULATOR))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"funnel-plot\"")))
			.andExpect(content().string(containsString("显著偏高（超出 99.8% 限）")))
			.andExpect(content().string(containsString(c.getName())))
			.andExpect(content().string(containsString("<option value=\"330102\" selected=\"selected\">上城区</option>")));
		// in English the filter names the districts in English, and a measure's outlier
		// count links to the measure in the same period and district
		mvc.perform(get("/regulator/quality-measures/benchmarks").param("period", "2026-Q3")
			.param("measure", "T1")
			.param("region", "330102")
			.param("lang", "en")
			.with(user(Fixtures.principal(REGULATOR))))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("<option value=\"330102\" selected=\"selected\">Shangcheng District</option>")))
			.andExpect(content().string(containsString(
					"href=\"/regulator/quality-measures/benchmarks?period=2026-Q3&amp;measure=T1&amp;region=330102\"")));
		mvc.perform(get("/regulator/quality-measures/benchmarks").param("region", "330102")
			.with(user(Fixtures.principal(Fixtures.regulator("330200"))))).andExpect(status().isNotFound());

		// C's feedback report names the outlier
		var feedback = benchmarks.feedback(Fixtures.clinic(c.getId()), null).orElseThrow();
		assertThat(feedback.period().key()).isEqualTo("2026-Q3");
		assertThat(feedback.outliers()).extracting(l -> l.measure().getCode()).containsExactly("T1");
		// its rank among the district's five (5, 5.56, 10, 27, 30): three below, itself
		// half
		assertThat(feedback.outliers().get(0).own().percentileRank()).isEqualTo(70.0);
		assertThat(feedback.outliers().get(0).district().median()).isEqualTo(10.0);
		mvc.perform(get("/clinic/quality-measures/feedback").with(user(Fixtures.principal(Fixtures.clinic(c.getId())))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"feedback-outliers\"")));

		// the public: D's rate over ten cases is withheld; the median of five is shown
		var comparison = publicMeasures.compare("330102", "T1", "2026-Q3", 0).orElseThrow();
		assertThat(comparison.median()).isEqualTo(10.0);
		var withheld = comparison.entries()
			.getContent()
			.stream()
			.filter(e -> e.institutionId() == d.getId())
			.findFirst()
			.orElseThrow();
		assertThat(withheld.value().suppressed()).isTrue();
		assertThat(withheld.value().value()).isNull();
		assertThat(withheld.value().numerator()).isNull();
		// withheld values come last, so their place does not tell them
		assertThat(comparison.entries().getContent().get(4).institutionId()).isEqualTo(d.getId());
		// in value order: 5 %, 5.56 %, 10 %, 27 %, then the withheld
		assertThat(comparison.entries().getContent())
			.extracting(PublicQualityMeasures.ComparedInstitution::institutionId)
			.containsExactly(a.getId(), small.getId(), b.getId(), c.getId(), d.getId());
		assertThat(comparison.entries().getTotalElements()).isEqualTo(5);
		// a page past the end still counts the district's values
		var beyond = publicMeasures.compare("330102", "T1", "2026-Q3", 3).orElseThrow();
		assertThat(beyond.entries().getContent()).isEmpty();
		assertThat(beyond.entries().getTotalElements()).isEqualTo(5);
		mvc.perform(get("/api/public/quality-measures").param("region", "330102")
			.param("measure", "T1")
			.param("period", "2026-Q3"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.values.length()")
				.value(5))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.jsonPath("$.values[?(@.institutionId == " + d.getId() + ")].suppressed")
				.value(true))
			.andExpect(
					org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.median").value(10.0));
		mvc.perform(get("/api/public/quality-measures.csv").param("region", "330102").param("measure", "T1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"region,period,measure,institution_id,institution,numerator,denominator,value,suppressed")))
			.andExpect(content().string(containsString(d.getId() + "," + d.getName() + ",,,,true")));
		// a measure that is not published has no public face
		mvc.perform(get("/api/public/quality-measures").param("region", "330102").param("measure", "T3"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/quality-measures").param("region", "330102").param("measure", "T1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("病例数过少")));
		// the profile shows the published measures with the district median, not the
		// others
		mvc.perform(get("/institutions/" + a.getId()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"public-measure-T1\"")))
			.andExpect(content().string(not(containsString("id=\"public-measure-T3\""))));

		// returned for checking: out of every public face at once
		var report = reports.reportOf(Fixtures.clinic(c.getId()), "2026-Q3").report();
		reports.returnReport(REGULATOR, report.getId(), "请核对并发症例数");
		assertThat(publicMeasures.compare("330102", "T1", "2026-Q3", 0).orElseThrow().entries().getContent())
			.extracting(PublicQualityMeasures.ComparedInstitution::institutionId)
			.doesNotContain(c.getId());
		mvc.perform(get("/institutions/" + c.getId()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"quality-measures\""))));
		// and off the district's kept distribution and outliers: 23 of 300 now, no
		// outlier
		var after = benchmarks.forRegulator(REGULATOR, "2026-Q3", "T1", "330102", 0).orElseThrow();
		assertThat(after.benchmark().distribution().institutions()).isEqualTo(4);
		assertThat(after.outliers()).extracting(o -> o.institutionId()).doesNotContain(c.getId());
		assertThat(benchmarks.forRegulator(REGULATOR, "2026-Q3", "T1", null, 0).orElseThrow().districts())
			.singleElement()
			.satisfies(line -> assertThat(line.overall()).isCloseTo(100.0 * 23 / 300, within(1e-9)));
	}

	@Test
	void theProfileShowsTheLatestSubmittedQuarterAndTheYearUpToIt() {
		Institution clinicA = fixtures.institution("330102");
		MeasureValuesForm q1 = complete();
		q1.getNumerator().put("T1", "5");
		q1.getDenominator().put("T1", "100");
		q1.setConfirmOutliers(true);
		reports.save(Fixtures.clinic(clinicA.getId()), "2026-Q1", q1, true);
		// no report for 2026-Q2; 2026-Q3 over too few cases to be shown
		MeasureValuesForm q3 = complete();
		q3.getNumerator().put("T1", "8");
		q3.getDenominator().put("T1", "10");
		q3.setConfirmOutliers(true);
		reports.save(Fixtures.clinic(clinicA.getId()), "2026-Q3", q3, true);

		var shown = publicMeasures.ofInstitution(clinicA.getId(), "330102").orElseThrow();
		assertThat(shown.period().key()).isEqualTo("2026-Q3");
		var t1 = shown.lines().stream().filter(l -> l.measure().getCode().equals("T1")).findFirst().orElseThrow();
		assertThat(t1.latest().suppressed()).isTrue();
		assertThat(t1.trend()).extracting(PublicQualityMeasures.TrendValue::label)
			.containsExactly("2026-Q1 5", "2026-Q3 …");
		assertThat(shown.lines()).extracting(l -> l.measure().getCode()).doesNotContain("T3");
		// a draft is not public
		Institution drafting = fixtures.institution("330102");
		reports.save(Fixtures.clinic(drafting.getId()), "2026-Q3", q1, false);
		assertThat(publicMeasures.ofInstitution(drafting.getId(), "330102")).isEmpty();
	}

	@Test
	void whatIsKeptByDistrictIsDecidedAgainFromTheReportsAloneByTheSameRule() {
		reported(5, 100);
		reported(10, 100);
		Institution c = reported(27, 100);
		reported(3, 10);
		reported(5, 90);
		long setId = sets.published().orElseThrow().getId();
		var kept = benchmarks.forRegulator(REGULATOR, "2026-Q3", "T1", "330102", 0).orElseThrow();
		assertThat(kept.outliers()).extracting(MeasureBenchmarks.Outlier::institutionId).containsExactly(c.getId());

		// reports loaded outside the application (a restore, the data generator):
		// nothing kept
		jdbc.update("delete from measure_district_value where set_id = ?", setId);
		jdbc.update("delete from measure_district_stat where set_id = ?", setId);
		var lost = benchmarks.forRegulator(REGULATOR, "2026-Q3", "T1", "330102", 0).orElseThrow();
		assertThat(lost.outliers()).isEmpty();
		assertThat(lost.benchmark().entries()).isEmpty();

		new org.springframework.transaction.support.TransactionTemplate(transactions)
			.executeWithoutResult(status -> districtStats.rebuild(setId));
		var rebuilt = benchmarks.forRegulator(REGULATOR, "2026-Q3", "T1", "330102", 0).orElseThrow();
		assertThat(rebuilt.outliers()).extracting(MeasureBenchmarks.Outlier::institutionId).containsExactly(c.getId());
		assertThat(rebuilt.benchmark().entries()).hasSize(5);
		assertThat(rebuilt.trend()).last().satisfies(point -> assertThat(point.median()).isEqualTo(10.0));
		// the kept flag and the one computed from the rows on the page agree
		assertThat(rebuilt.benchmark().outliers()).extracting(MeasureBenchmark.Entry::institutionId)
			.containsExactly(c.getId());
		// and a transaction is required: nothing is rebuilt half-way
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> districtStats.rebuild(setId))
			.isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
	}

	@Test
	void theCentreRecordsAPeriodForManyInstitutionsFromOneWorkbookAllOrNothing() throws Exception {
		Institution first = fixtures.institution("330102");
		Institution second = fixtures.institution("330106");
		Institution elsewhere = fixtures.institution("440303");
		List<String> header = List.of("统一社会信用代码", "机构名称", "指标代码", "指标名称", "单位", "分子", "分母");

		// every problem of a bad workbook is named by its row; nothing is saved
		byte[] bad = xlsx(header,
				List.of(List.of(first.getCreditCode(), "", "T1", "", "", 2, 100),
						List.of(first.getCreditCode(), "", "T2", "", "", 3, 1000),
						List.of(first.getCreditCode(), "", "T3", "", "", "两", ""),
						List.of(first.getCreditCode(), "", "T4", "", "", 3, ""),
						List.of(elsewhere.getCreditCode(), "", "T1", "", "", 1, 10),
						List.of(second.getCreditCode(), "", "H1", "", "", 1, 10),
						List.of(second.getCreditCode(), "", "T1", "", "", 1, 10)));
		var refused = reports.importPeriod(REGULATOR, "2026-Q3", "q3.xlsx", bad, false);
		assertThat(refused.saved()).isFalse();
		assertThat(refused.problems()).extracting(FormRejectedException.Reason::code)
			.containsExactlyInAnyOrder("measureReport.bulk.unknownInstitution", "measureReport.file.unknownMeasure",
					"measureReport.numerator.notANumber", "measureReport.numerator.required",
					"measureReport.numerator.required", "measureReport.numerator.required",
					"measureReport.denominator.required");
		assertThat(reports.periodsOf(Fixtures.clinic(first.getId())))
			.filteredOn(p -> p.period().key().equals("2026-Q3"))
			.extracting(MeasureReports.PeriodRow::state)
			.containsExactly(MeasureReports.NOT_STARTED);
		// the page names each problem: a row, or the institution whose measure is missing
		mvc.perform(multipart("/regulator/quality-measures/reports/import")
			.file(new MockMultipartFile("file", "q3.xlsx", "application/octet-stream", bad))
			.param("period", "2026-Q3")
			.with(csrf())
			.with(user(Fixtures.principal(REGULATOR))))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("第 6 行：统一社会信用代码“" + elsewhere.getCreditCode() + "”不是本辖区的机构")))
			.andExpect(content().string(containsString("机构 " + second.getCreditCode() + "（T2 投诉率）：请填写分子")));

		// a good one submits each institution's period on its behalf
		List<List<Object>> rows = new java.util.ArrayList<>();
		for (Institution institution : List.of(first, second)) {
			rows.add(List.of(institution.getCreditCode(), "", "T1", "", "", 2, 100));
			rows.add(List.of(institution.getCreditCode(), "", "T2", "", "", 3, 1000));
			rows.add(List.of(institution.getCreditCode(), "", "T3", "", "", 1, ""));
			rows.add(List.of(institution.getCreditCode(), "", "T4", "", "", 2.5, ""));
		}
		var imported = reports.importPeriod(REGULATOR, "2026-Q3", "q3.xlsx", xlsx(header, rows), false);
		assertThat(imported.problems()).isEmpty();
		assertThat(imported.submitted()).isEqualTo(2);
		var view = reports.reportOf(Fixtures.clinic(second.getId()), "2026-Q3");
		assertThat(view.report().getStatus()).isEqualTo(ReportStatus.SUBMITTED);
		assertThat(valueOf(view, "T2")).isEqualByComparingTo("3");
		assertThat(view.history()).singleElement()
			.satisfies(h -> assertThat(h.submittedBy()).isEqualTo(REGULATOR.username()));
		// one institution of 西湖区 has a value: no public median for so few
		var few = publicMeasures.compare("330106", "T1", "2026-Q3", 0).orElseThrow();
		assertThat(few.institutions()).isEqualTo(1);
		assertThat(few.median()).isNull();
		// the same file again: already submitted, refused as a whole
		assertThat(reports.importPeriod(REGULATOR, "2026-Q3", "q3.xlsx", xlsx(header, rows), false).problems())
			.extracting(FormRejectedException.Reason::code)
			.containsOnly("measureReport.bulk.alreadySubmitted");
		// the jurisdiction's template lists every institution yet to submit, with each
		// measure
		Institution third = fixtures.institution("330105");
		byte[] template = reports.bulkTemplate(REGULATOR, "2026-Q3", java.util.Locale.CHINA);
		try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new ByteArrayInputStream(template))) {
			var read = workbook.getFirstSheet().read();
			assertThat(read.get(0).getCellText(0)).isEqualTo("统一社会信用代码");
			assertThat(read.stream().filter(r -> third.getCreditCode().equals(r.getCellText(0))))
				.extracting(r -> r.getCellText(2))
				.containsExactly("T1", "T2", "T3", "T4");
			assertThat(read.stream().filter(r -> first.getCreditCode().equals(r.getCellText(0)))).isEmpty();
		}
	}

	/**
	 * An institution of 上城区 that submitted 2026-Q3 with these complications among
	 * operations.
	 */
	private Institution reported(int complications, int operations) {
		Institution reporting = fixtures.institution("330102");
		MeasureValuesForm values = complete();
		values.getNumerator().put("T1", String.valueOf(complications));
		values.getDenominator().put("T1", String.valueOf(operations));
		values.setConfirmOutliers(true);
		reports.save(Fixtures.clinic(reporting.getId()), "2026-Q3", values, true);
		return reporting;
	}

	// ------------------------------------------------------------------ helpers

	private ResultActions upload(String period, String name, byte[] content) throws Exception {
		return mvc.perform(multipart("/clinic/quality-measures/" + period + "/upload")
			.file(new MockMultipartFile("file", name, "application/octet-stream", content))
			.with(csrf())
			.with(user(Fixtures.principal(clinic))));
	}

	private static byte[] xlsx(List<String> header, List<List<Object>> rows) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (var workbook = new Workbook(out, "meizhi-test", "1.0")) {
			var sheet = workbook.newWorksheet("2026-Q3");
			for (int c = 0; c < header.size(); c++) {
				sheet.value(0, c, header.get(c));
			}
			for (int r = 0; r < rows.size(); r++) {
				for (int c = 0; c < rows.get(r).size(); c++) {
					Object cell = rows.get(r).get(c);
					if (cell instanceof Number number) {
						sheet.value(r + 1, c, number);
					}
					else if (!cell.toString().isEmpty()) {
						sheet.value(r + 1, c, cell.toString());
					}
				}
			}
		}
		return out.toByteArray();
	}

	/**
	 * 2 complications in 150 operations, 3 complaints in 1,200 visits, 4 events, 3.5
	 * days.
	 */
	private static MeasureValuesForm complete() {
		return form(Map.of("T1", "2", "T2", "3", "T3", "4", "T4", "3.5"), Map.of("T1", "150", "T2", "1200"));
	}

	private static MeasureValuesForm form(Map<String, String> numerators, Map<String, String> denominators) {
		MeasureValuesForm form = new MeasureValuesForm();
		form.getNumerator().putAll(numerators);
		form.getDenominator().putAll(denominators);
		return form;
	}

	private long measureId(String code) {
		return sets.measures(sets.published().orElseThrow().getId())
			.stream()
			.filter(m -> m.getCode().equals(code))
			.findFirst()
			.orElseThrow()
			.getId();
	}

	private BigDecimal valueOf(MeasureReports.ReportView view, String code) {
		return view.report().valueOf(measureId(code)).orElseThrow().getValue();
	}

	private static List<FormRejectedException.Reason> problems(Runnable step) {
		try {
			step.run();
		}
		catch (FormRejectedException ex) {
			return ex.reasons();
		}
		throw new AssertionError("not refused");
	}

	private static List<String> reasons(Runnable step) {
		return problems(step).stream().map(FormRejectedException.Reason::code).toList();
	}

}
