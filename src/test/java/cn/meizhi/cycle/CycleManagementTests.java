package cn.meizhi.cycle;

import java.time.LocalDate;

import cn.meizhi.institution.Institution;
import cn.meizhi.institution.InstitutionStatus;
import cn.meizhi.institution.InstitutionManagement;
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

@SpringBootTest
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
		assertThat(reasons(() -> cycles.create(HANGZHOU, outside))).contains("jurisdictionCode:cycle.jurisdiction.outside");
		CycleForm draft = form("330102", standards.draftVersionId());
		assertThat(reasons(() -> cycles.create(HANGZHOU, draft))).contains("standardVersionId:cycle.standard.notPublished");
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
		assertThat(reasons(() -> cycles.changeSelfAssessmentClose(HANGZHOU, cycle.getId(), LocalDate.now().plusDays(90))))
			.containsExactly("closes:cycle.closed");
		assertThat(jdbc.queryForList("select action from audit_event where object_type = 'EvaluationCycle' and object_id = ?"
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
				cycle.getSelfAssessmentOpens().minusDays(1)))).containsExactly("closes:cycle.window.beforeOpen");
		assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'CYCLE_WINDOW_CHANGED'"
				+ " and object_id = ?", Long.class, String.valueOf(cycle.getId()))).isOne();
	}

	@Test
	void institutionsAreAddedByCreditCodeAndWithdrawnWithAReason() {
		CycleForm form = form("330105", standards.publishedVersionId());
		form.setEnrolAll(false);
		EvaluationCycle cycle = cycles.create(HANGZHOU, form);
		Institution gongshu = fixtures.institution("330105");
		Institution xihu = fixtures.institution("330106");
		assertThat(reasons(() -> cycles.enrol(HANGZHOU, cycle.getId(), gongshu.getCreditCode() + "\n" + xihu.getCreditCode())))
			.containsExactly("creditCodes:cycle.enrol.outside");
		assertThat(reasons(() -> cycles.enrol(HANGZHOU, cycle.getId(), "91330100716105852F")))
			.containsExactly("creditCodes:cycle.enrol.unknown");
		assertThat(cycles.get(HANGZHOU, cycle.getId()).activeEnrolments()).isEmpty();
		assertThat(cycles.enrol(HANGZHOU, cycle.getId(), gongshu.getCreditCode().toLowerCase())).isOne();
		assertThat(reasons(() -> cycles.withdraw(HANGZHOU, cycle.getId(), gongshu.getId(), " ")))
			.containsExactly("reason:cycle.withdraw.reasonRequired");
		cycles.withdraw(HANGZHOU, cycle.getId(), gongshu.getId(), "机构已停业整顿");
		EvaluationCycle after = cycles.get(HANGZHOU, cycle.getId());
		assertThat(after.enrolls(gongshu.getId())).isFalse();
		assertThat(after.enrolment(gongshu.getId()).orElseThrow().getWithdrawalReason()).isEqualTo("机构已停业整顿");
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
