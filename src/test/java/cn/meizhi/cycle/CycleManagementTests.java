package cn.meizhi.cycle;

import java.time.LocalDate;
import java.util.List;

import cn.meizhi.institution.Institution;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionStatus;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.support.Fixtures;
import cn.meizhi.support.StandardFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class CycleManagementTests {

	static final CurrentUser HANGZHOU = Fixtures.regulator("330100");

	@Autowired
	CycleManagement cycles;

	@Autowired
	Fixtures fixtures;

	@Autowired
	StandardFixtures standards;

	@Autowired
	InstitutionManagement institutions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@Test
	void enrolsEveryActiveInstitutionOfTheAreaAndNothingElse() {
		String district = "330109";
		Institution active = fixtures.institution(district);
		Institution suspended = fixtures.institution(district);
		institutions.changeStatus(Fixtures.regulator("330100"), suspended.getId(), InstitutionStatus.SUSPENDED, "调查");
		Institution elsewhere = fixtures.institution("330110");
		EvaluationCycle cycle = cycles.create(HANGZHOU, form(district, standards.publishedVersionId()));
		EvaluationCycle loaded = cycles.get(HANGZHOU, cycle.getId());
		assertThat(loaded.enrolls(active.getId())).isTrue();
		assertThat(loaded.enrolls(suspended.getId())).isFalse();
		assertThat(loaded.enrolls(elsewhere.getId())).isFalse();
		assertThat(loaded.getStatus()).isEqualTo(CycleStatus.PLANNED);
	}

	@Test
	void refusesAreasOutsideTheJurisdictionDraftStandardsAndBackwardWindows() {
		CycleForm outside = form("440303", standards.publishedVersionId());
		assertThat(reasons(() -> cycles.create(HANGZHOU, outside)))
			.contains("jurisdictionCode:cycle.jurisdiction.outside");
		CycleForm draft = form("330102", standards.draftVersionId());
		assertThat(reasons(() -> cycles.create(HANGZHOU, draft)))
			.contains("standardVersionId:cycle.standard.notPublished");
		CycleForm backwards = form("330102", standards.publishedVersionId());
		backwards.setSelfAssessmentCloses(backwards.getSelfAssessmentOpens().minusDays(1));
		backwards.setInspectionStarts(backwards.getSelfAssessmentOpens().minusDays(2));
		assertThat(reasons(() -> cycles.create(HANGZHOU, backwards))).contains(
				"selfAssessmentCloses:cycle.window.closesBeforeOpens",
				"inspectionStarts:cycle.window.inspectionBeforeSelfAssessment");
	}

	@Test
	void aCycleMovesForwardOneStepAtATimeAndEveryStepIsAudited() {
		EvaluationCycle cycle = cycles.create(HANGZHOU, form("330102", standards.publishedVersionId()));
		assertThat(reasons(() -> cycles.advance(HANGZHOU, cycle.getId(), CycleStatus.INSPECTING)))
			.containsExactly("null:cycle.status.notAllowed");
		cycles.advance(HANGZHOU, cycle.getId(), CycleStatus.OPEN);
		assertThat(reasons(() -> cycles.advance(HANGZHOU, cycle.getId(), CycleStatus.PLANNED)))
			.containsExactly("null:cycle.status.notAllowed");
		cycles.advance(HANGZHOU, cycle.getId(), CycleStatus.INSPECTING);
		cycles.advance(HANGZHOU, cycle.getId(), CycleStatus.CLOSED);
		assertThat(reasons(() -> cycles.advance(HANGZHOU, cycle.getId(), CycleStatus.CLOSED)))
			.containsExactly("null:cycle.status.notAllowed");
		assertThat(
				reasons(() -> cycles.changeSelfAssessmentClose(HANGZHOU, cycle.getId(), LocalDate.now().plusDays(90))))
			.containsExactly("closes:cycle.closed");
		assertThat(jdbc
			.queryForList("select action from audit_event where object_type = 'EvaluationCycle' and object_id = ?"
					+ " order by id", String.class, String.valueOf(cycle.getId())))
			.containsExactly("CYCLE_CREATED", "CYCLE_STATUS_CHANGED", "CYCLE_STATUS_CHANGED", "CYCLE_STATUS_CHANGED");
	}

	@Test
	void theDeadlineCanBeExtendedAndIsAudited() {
		EvaluationCycle cycle = cycles.create(HANGZHOU, form("330102", standards.publishedVersionId()));
		LocalDate later = cycle.getSelfAssessmentCloses().plusDays(10);
		cycles.changeSelfAssessmentClose(HANGZHOU, cycle.getId(), later);
		assertThat(cycles.get(HANGZHOU, cycle.getId()).getSelfAssessmentCloses()).isEqualTo(later);
		assertThat(reasons(() -> cycles.changeSelfAssessmentClose(HANGZHOU, cycle.getId(),
				cycle.getSelfAssessmentOpens().minusDays(1))))
			.containsExactly("closes:cycle.window.beforeOpen");
		assertThat(jdbc.queryForObject(
				"select count(*) from audit_event where action = 'CYCLE_WINDOW_CHANGED'" + " and object_id = ?",
				Long.class, String.valueOf(cycle.getId())))
			.isOne();
	}

	@Test
	void institutionsAreAddedFromTheRegisterOrByCreditCodeAndWithdrawnWithAReason() {
		CycleForm form = form("330105", standards.publishedVersionId());
		form.setEnrolAll(false);
		EvaluationCycle cycle = cycles.create(HANGZHOU, form);
		Institution gongshu = fixtures.institution("330105");
		Institution xihu = fixtures.institution("330106");
		Institution suspended = fixtures.institution("330105");
		institutions.changeStatus(HANGZHOU, suspended.getId(), InstitutionStatus.SUSPENDED, "停业整顿");
		// one bad code costs the others nothing; each refusal is named
		var outcome = cycles.enrol(HANGZHOU, cycle.getId(), List.of(suspended.getId()),
				xihu.getCreditCode() + "\n" + "91330100716105852F, " + gongshu.getCreditCode().toLowerCase());
		assertThat(outcome.enrolled()).containsExactly(gongshu.getName());
		assertThat(outcome.outside()).containsExactly(xihu.getName());
		assertThat(outcome.unknownCodes()).containsExactly("91330100716105852F");
		assertThat(outcome.notPractising()).containsExactly(suspended.getName());
		assertThat(cycles.get(HANGZHOU, cycle.getId()).activeEnrolments()).extracting(Enrolment::getInstitutionId)
			.containsExactly(gongshu.getId());
		assertThat(cycles.enrol(HANGZHOU, cycle.getId(), gongshu.getCreditCode()).alreadyEnrolled())
			.containsExactly(gongshu.getName());
		assertThat(reasons(() -> cycles.enrol(HANGZHOU, cycle.getId(), " ")))
			.containsExactly("creditCodes:cycle.enrol.empty");
		assertThat(reasons(() -> cycles.withdraw(HANGZHOU, cycle.getId(), gongshu.getId(), " ")))
			.containsExactly("reason:cycle.withdraw.reasonRequired");
		cycles.withdraw(HANGZHOU, cycle.getId(), gongshu.getId(), "机构已停业整顿");
		EvaluationCycle after = cycles.get(HANGZHOU, cycle.getId());
		assertThat(after.enrolls(gongshu.getId())).isFalse();
		assertThat(after.enrolment(gongshu.getId()).orElseThrow().getWithdrawalReason()).isEqualTo("机构已停业整顿");
	}

	@Test
	void theRegulatorPicksInstitutionsFromTheRegisterByFilterAndEnrolsAllThatMayPractise() throws Exception {
		String district = "330108";
		CycleForm form = form(district, standards.publishedVersionId());
		form.setEnrolAll(false);
		EvaluationCycle cycle = cycles.create(HANGZHOU, form);
		Institution first = fixtures.institution(district);
		Institution second = fixtures.institution(district);
		Institution suspended = fixtures.institution(district);
		institutions.changeStatus(HANGZHOU, suspended.getId(), InstitutionStatus.SUSPENDED, "停业整顿");
		var regulator = user(Fixtures.principal(HANGZHOU));

		String page = mvc.perform(get("/regulator/cycles/" + cycle.getId() + "/enrol").with(regulator))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(first.getName(), second.getName())
			.doesNotContain(suspended.getName())
			.contains("data-select-all=\"institutionIds\"");
		assertThat(mvc
			.perform(get("/regulator/cycles/" + cycle.getId() + "/enrol").param("status", "SUSPENDED").with(regulator))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains(suspended.getName());

		// ticked ones, then everything the filter finds
		mvc.perform(post("/regulator/cycles/" + cycle.getId() + "/enrolments").with(csrf())
			.with(regulator)
			.param("institutionIds", String.valueOf(first.getId()), String.valueOf(suspended.getId())))
			.andExpect(flash().attribute("messageArgs", new Object[] { 1 }));
		assertThat(cycles.get(HANGZHOU, cycle.getId()).activeEnrolments()).extracting(Enrolment::getInstitutionId)
			.containsExactly(first.getId());
		mvc.perform(post("/regulator/cycles/" + cycle.getId() + "/enrolments").with(csrf())
			.with(regulator)
			.param("allMatching", "true")
			.param("region", district)
			.param("status", "ACTIVE"));
		assertThat(cycles.get(HANGZHOU, cycle.getId()).activeEnrolments()).extracting(Enrolment::getInstitutionId)
			.contains(first.getId(), second.getId())
			.doesNotContain(suspended.getId());
		mvc.perform(get("/regulator/cycles/" + cycle.getId()).with(regulator)).andExpect(status().isOk());
	}

	@Test
	void cyclesOutsideTheJurisdictionAnswer404() {
		EvaluationCycle cycle = cycles.create(HANGZHOU, form("330106", standards.publishedVersionId()));
		CurrentUser shangcheng = Fixtures.regulator("330102");
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> cycles.get(shangcheng, cycle.getId()));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> cycles.advance(shangcheng, cycle.getId(), CycleStatus.OPEN));
		assertThat(cycles.list(shangcheng)).extracting(EvaluationCycle::getId).doesNotContain(cycle.getId());
		assertThatThrownBy(() -> cycles.list(Fixtures.clinic(1))).isInstanceOf(NotFoundException.class);
	}

	static CycleForm form(String area, long versionId) {
		var form = new CycleForm();
		form.setName(Fixtures.unique("测试周期"));
		form.setJurisdictionCode(area);
		form.setStandardVersionId(versionId);
		LocalDate today = LocalDate.now();
		form.setSelfAssessmentOpens(today.minusDays(1));
		form.setSelfAssessmentCloses(today.plusDays(30));
		form.setInspectionStarts(today.plusDays(31));
		form.setInspectionEnds(today.plusDays(60));
		return form;
	}

	private static java.util.List<String> reasons(Runnable action) {
		try {
			action.run();
		}
		catch (FormRejectedException ex) {
			return ex.reasons().stream().map(r -> r.field() + ":" + r.code()).toList();
		}
		return java.util.List.of();
	}

}
