package cn.meizhi.demo;

import java.util.List;
import java.util.Map;

import cn.meizhi.demo.internal.DemoData;
import cn.meizhi.institution.UnifiedSocialCreditCode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@ActiveProfiles("demo")
class DemoDataTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	DemoData demoData;

	@Test
	void seedsAtLeastSixtyRealisticInstitutionsAcrossHangzhouAndOtherCities() {
		assertThat(count("select count(*) from institution")).isGreaterThanOrEqualTo(60);
		assertThat(count("select count(distinct region_code) from institution where region_code like '3301%'"))
			.isGreaterThanOrEqualTo(3);
		assertThat(count(
				"select count(distinct substr(region_code, 1, 4)) from institution where region_code not like '3301%'"))
			.isGreaterThanOrEqualTo(2);
		assertThat(count("select count(distinct type) from institution")).isEqualTo(4);
		assertThat(count("select count(distinct surgery_level) from institution")).isGreaterThanOrEqualTo(3);
		assertThat(count("select count(distinct status) from institution")).isEqualTo(3);
		assertThat(count("select count(distinct department) from institution_department")).isGreaterThanOrEqualTo(5);
		List<String> codes = jdbc.queryForList("select credit_code from institution", String.class);
		assertThat(codes).allMatch(UnifiedSocialCreditCode::isValid);
	}

	@Test
	void seedsTheDemoAccountsWithTheDemoPassword() {
		Map<String, String> roles = Map.of("admin", "ADMIN", "regulator", "REGULATOR", "regulator-sc", "REGULATOR",
				"assessor", "ASSESSOR", "assessor2", "ASSESSOR", "clinic", "CLINIC", "clinic2", "CLINIC");
		roles.forEach((username, role) -> {
			var row = jdbc.queryForMap("select * from user_account where username = ?", username);
			assertThat(row.get("role")).isEqualTo(role);
			assertThat(passwordEncoder.matches("meizhi-demo", (String) row.get("password_hash"))).isTrue();
			assertThat(row.get("password_change_required")).isEqualTo(false);
		});
		assertThat(jdbc.queryForObject("select jurisdiction_code from user_account where username = 'regulator'",
				String.class))
			.isEqualTo("330100");
		assertThat(jdbc.queryForObject("select jurisdiction_code from user_account where username = 'regulator-sc'",
				String.class))
			.isEqualTo("330102");
		Long clinic = jdbc.queryForObject("select institution_id from user_account where username = 'clinic'",
				Long.class);
		Long clinic2 = jdbc.queryForObject("select institution_id from user_account where username = 'clinic2'",
				Long.class);
		assertThat(clinic).isNotNull().isNotEqualTo(clinic2);
	}

	@Test
	void publishesTheExampleStandardAndADraftDerivedFromIt() {
		var published = jdbc.queryForMap("select v.id, s.example from standard_version v join evaluation_standard s"
				+ " on s.id = v.standard_id where v.status = 'PUBLISHED'");
		assertThat(published.get("example")).isEqualTo(true);
		Long id = (Long) published.get("id");
		assertThat(jdbc.queryForObject("select count(*) from standard_section where version_id = ?", Long.class, id))
			.isGreaterThanOrEqualTo(8);
		assertThat(jdbc.queryForObject("select count(*) from indicator where version_id = ?", Long.class, id))
			.isGreaterThanOrEqualTo(40);
		assertThat(jdbc.queryForObject("select count(*) from indicator where version_id = ? and core", Long.class, id))
			.isGreaterThanOrEqualTo(5);
		assertThat(jdbc.queryForObject(
				"select count(*) from standard_version where status = 'DRAFT' and derived_from_id = ?", Long.class, id))
			.isOne();
	}

	@Test
	void seedsAnOpenCycleWithEveryKindOfSelfAssessmentAndLastYearsClosedOne() {
		Long open = jdbc.queryForObject(
				"select id from evaluation_cycle where status = 'OPEN' and jurisdiction_code = '330102'", Long.class);
		assertThat(
				jdbc.queryForList("select distinct status from self_assessment where cycle_id = ?", String.class, open))
			.contains("DRAFT", "SUBMITTED", "RETURNED");
		long enrolled = jdbc.queryForObject(
				"select count(*) from enrolment where cycle_id = ? and withdrawn_at is null", Long.class, open);
		long started = jdbc.queryForObject("select count(*) from self_assessment where cycle_id = ?", Long.class, open);
		assertThat(started).as("some institutions have not started").isLessThan(enrolled);
		var clinicDraft = jdbc.queryForMap("select s.status, count(a.id) as answers from self_assessment s"
				+ " join user_account u on u.institution_id = s.institution_id and u.username = 'clinic'"
				+ " left join self_assessment_answer a on a.self_assessment_id = s.id where s.cycle_id = ? group by s.status",
				open);
		assertThat(clinicDraft.get("status")).isEqualTo("DRAFT");
		assertThat((Long) clinicDraft.get("answers")).isBetween(10L, 39L);
		var closed = jdbc.queryForMap(
				"select id, self_assessment_closes from evaluation_cycle where status = 'CLOSED' and name like '%上城区%'");
		assertThat(((java.sql.Date) closed.get("self_assessment_closes")).toLocalDate())
			.isBefore(java.time.LocalDate.now().minusMonths(6));
		assertThat(jdbc.queryForList("select distinct status from self_assessment where cycle_id = ?", String.class,
				closed.get("id")))
			.containsExactly("SUBMITTED");
	}

	@Test
	void seedsInspectionsInEveryStatusAndCorrectiveActionsInEveryState() {
		Long open = jdbc.queryForObject(
				"select id from evaluation_cycle where status = 'OPEN' and jurisdiction_code = '330102'", Long.class);
		assertThat(jdbc.queryForList("select distinct status from inspection where cycle_id = ?", String.class, open))
			.containsExactlyInAnyOrder("SCHEDULED", "IN_PROGRESS", "SUBMITTED", "CANCELLED");
		var halfScored = jdbc.queryForMap("select i.id, count(s.id) as scored from inspection i"
				+ " join inspection_member m on m.inspection_id = i.id and m.lead"
				+ " join user_account u on u.id = m.assessor_id and u.username = 'assessor'"
				+ " left join inspection_score s on s.inspection_id = i.id where i.status = 'IN_PROGRESS' group by i.id");
		assertThat((Long) halfScored.get("scored")).isBetween(10L, 40L);
		Long clinicInstitution = jdbc
			.queryForObject("select institution_id from user_account where username = 'clinic'", Long.class);
		assertThat(jdbc.queryForObject("select status from inspection where institution_id = ? and cycle_id = ?",
				String.class, clinicInstitution, open))
			.isEqualTo("SUBMITTED");
		assertThat(jdbc.queryForList("select distinct status from corrective_action where institution_id = ?",
				String.class, clinicInstitution))
			.containsExactlyInAnyOrder("OPEN", "ANSWERED", "CLOSED");
		assertThat(jdbc
			.queryForObject("select count(*) from corrective_action where institution_id = ? and status <> 'CLOSED'"
					+ " and due_on < current_date", Long.class, clinicInstitution))
			.isPositive();
	}

	@Test
	void theDemoReadsAsARealRegistry() {
		// people by their names: no technical loader anywhere in the trail or the
		// histories
		assertThat(count("select count(*) from audit_event where actor like 'demo%' or actor_name like 'demo%'"))
			.isZero();
		assertThat(jdbc.queryForList("select distinct actor_name from audit_event where action = 'CYCLE_CREATED'",
				String.class))
			.contains("上城区卫健局 李主任", "杭州市卫健委 王科长");
		assertThat(count("select count(*) from rating_transition where actor like 'demo%'")).isZero();
		// each finding sits under the indicator it describes
		var findings = jdbc.queryForList("""
				select i.code, s.finding from inspection_score s join indicator i on i.id = s.indicator_id
				where s.finding is not null""");
		assertThat(findings).isNotEmpty().allSatisfy(row -> {
			String code = (String) row.get("code");
			String finding = (String) row.get("finding");
			String expected = switch (code) {
				case "3.3" -> "急救";
				case "2.5" -> "术前讨论";
				case "6.2" -> "入库验收";
				case "4.4" -> "手卫生";
				case "7.3" -> "投诉";
				case "1.3" -> "主诊医师";
				default -> "no finding is expected under " + code;
			};
			assertThat(finding).contains(expected);
		});
		// the standard behind the rating history was published before the first of those
		// ratings
		assertThat(count("""
				select count(*) from rating r join standard_version v on v.id = r.standard_version_id
				where r.approved_at is not null and r.approved_at < v.published_at""")).isZero();
	}

	@Test
	void seedsARatingHistoryInEveryStateAndTheLiveProposals() {
		assertThat(jdbc.queryForList("select distinct stars from rating where status = 'PUBLISHED' order by stars",
				Integer.class))
			.containsExactly(1, 2, 3, 4, 5);
		long active = count("select count(*) from institution where status = 'ACTIVE'");
		assertThat(count(
				"select count(distinct institution_id) from rating where status in ('PUBLISHED', 'SUPERSEDED', 'EXPIRED', 'SUSPENDED', 'REVOKED')"))
			.as("most institutions have been rated")
			.isGreaterThan(active / 2);
		assertThat(count("select count(*) from rating where status = 'SUPERSEDED'")).isGreaterThanOrEqualTo(10);
		assertThat(count("select count(*) from rating where status = 'EXPIRED'")).isGreaterThanOrEqualTo(1);
		assertThat(count("select count(*) from rating where status = 'SUSPENDED'")).isEqualTo(1);
		assertThat(count("select count(*) from rating where status = 'REVOKED'")).isEqualTo(1);
		assertThat(count("select count(*) from rating where status = 'PUBLISHED' and valid_until < current_date + 90"))
			.as("some due for re-assessment")
			.isPositive();
		assertThat(count("select count(distinct cycle_id) from rating")).isGreaterThanOrEqualTo(3);
		assertThat(count("select count(*) from (select certificate_no from rating where certificate_no is not null"
				+ " group by certificate_no having count(*) > 1) d"))
			.isZero();

		var appealed = jdbc
			.queryForMap("select r.proposed_by, a.filed_by from rating r join appeal a on a.rating_id = r.id"
					+ " join user_account u on u.institution_id = r.institution_id and u.username = 'clinic'"
					+ " where r.status = 'APPEALED' and a.outcome = 'PENDING'");
		assertThat(appealed).containsEntry("proposed_by", "assessor").containsEntry("filed_by", "clinic");
		var waiting = jdbc.queryForMap("select proposed_by, accepted_at from rating where status = 'PROPOSED'");
		assertThat(waiting.get("proposed_by")).isEqualTo("assessor");
		assertThat(waiting.get("accepted_at")).as("accepted: regulator may approve at once").isNotNull();

		assertThat(jdbc.queryForList("select status from rating_reply order by status", String.class))
			.containsExactly("PENDING", "PUBLISHED");
	}

	@Test
	void loadsOnlyOnce() throws Exception {
		long before = count("select count(*) from institution");
		demoData.run(null);
		assertThat(count("select count(*) from institution")).isEqualTo(before);
	}

	@Test
	void seedsComplaintsInEveryStateInTwoDistrictsThatTheDemoCodeOpens() {
		for (String district : List.of("330102", "330106")) {
			assertThat(jdbc.queryForList("select distinct status from complaint where region_code = ?", String.class,
					district))
				.as(district)
				.contains("RECEIVED", "ACKNOWLEDGED", "AWAITING_STATEMENT", "DECIDED");
		}
		assertThat(
				jdbc.queryForList("select distinct status from complaint where region_code = '330102'", String.class))
			.contains("STATEMENT_GIVEN");
		assertThat(jdbc.queryForList("select distinct outcome from complaint where outcome is not null", String.class))
			.contains("SUBSTANTIATED", "PARTLY_SUBSTANTIATED", "NOT_SUBSTANTIATED", "OUTSIDE_REMIT");
		String number = jdbc.queryForObject(
				"select tracking_number from complaint where status = 'DECIDED' order by id limit 1", String.class);
		assertThat(complaints.track(number, "MZDEMO26"))
			.hasValueSatisfying(t -> assertThat(t.stage()).isEqualTo("DECIDED"));
		assertThat(count("select count(*) from audit_event where action = 'COMPLAINT_DECIDED'"))
			.isGreaterThanOrEqualTo(5);
	}

	@Test
	void seedsAdverseEventsWithASevereOneToReviewAndTwoPenalties() {
		assertThat(count("select count(*) from adverse_event where severity in ('I', 'II') and reviewed_at is null"))
			.isGreaterThanOrEqualTo(1);
		assertThat(count("select count(*) from adverse_event where reviewed_at is not null")).isGreaterThanOrEqualTo(2);
		assertThat(jdbc.queryForList("select distinct region_code from penalty", String.class))
			.containsExactlyInAnyOrder("330102", "330106");
	}

	@Test
	void seedsPractitionersWithASuspendedOneOneAtFourPlacesAndAnUnstaffedSpecialty() {
		assertThat(count("select count(*) from practitioner")).isGreaterThanOrEqualTo(150);
		assertThat(count("select count(*) from practitioner where status = 'SUSPENDED'")).isGreaterThanOrEqualTo(1);
		assertThat(count(
				"select max(n) from (select count(*) n from practitioner_registration group by practitioner_id) r"))
			.isGreaterThanOrEqualTo(4);
		assertThat(count("select count(*) from procedure_catalogue where status = 'PUBLISHED' and example"))
			.isEqualTo(1);
		assertThat(count("select count(*) from catalogue_procedure")).isGreaterThanOrEqualTo(80);
		var regulator = new cn.meizhi.shared.CurrentUser(0, "t", "t", cn.meizhi.shared.Role.REGULATOR,
				cn.meizhi.shared.Jurisdiction.of("330000"), null);
		assertThat(plausibility.report(regulator)).extracting(cn.meizhi.procedure.RegisterPlausibility.Finding::rule)
			.contains("plausibility.noPractitioner", "plausibility.tooManySites", "plausibility.notPractising");
	}

	@Autowired
	cn.meizhi.procedure.RegisterPlausibility plausibility;

	@Autowired
	cn.meizhi.complaint.Complaints complaints;

	private long count(String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}

}
