package cn.meizhi.inspection;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import cn.meizhi.account.internal.UserAccount;
import cn.meizhi.cycle.CycleManagement;
import cn.meizhi.cycle.CycleStatus;
import cn.meizhi.inspection.ActionStatus;
import cn.meizhi.inspection.InspectionFixtures.Team;
import cn.meizhi.inspection.Inspections.ScoreInput;
import cn.meizhi.inspection.internal.InspectionFile;
import cn.meizhi.inspection.internal.InspectionMember;
import cn.meizhi.institution.Institution;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.EditConflictException;
import cn.meizhi.shared.EvidenceFiles.Upload;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.shared.Role;
import cn.meizhi.standard.EvaluationMethod;
import cn.meizhi.standard.RatingEngine;
import cn.meizhi.standard.Score;
import cn.meizhi.standard.StandardManagement;
import cn.meizhi.support.Fixtures;
import cn.meizhi.support.StandardFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest
class InspectionTests {

	static final CurrentUser REGULATOR = Fixtures.regulator("330100");

	@Autowired
	Inspections inspections;

	@Autowired
	CorrectiveActions correctiveActions;

	@Autowired
	InspectionScheduling scheduling;

	@Autowired
	Fixtures fixtures;

	@Autowired
	StandardFixtures standardFixtures;

	@Autowired
	StandardManagement standards;

	@Autowired
	CycleManagement cycles;

	@Autowired
	RatingEngine engine;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	InspectionFixtures teams;

	@Test
	void theTeamNeedsEnrolledInstitutionsRealAssessorsAndALead() {
		Team team = team();
		Institution notEnrolled = fixtures.institution("330110");
		assertThat(reasons(() -> scheduling.schedule(REGULATOR, team.inspection().getCycleId(), notEnrolled.getId(),
				LocalDate.now(), team.lead().id(), List.of())))
			.contains("inspection.institution.notEnrolled");
		assertThat(reasons(() -> scheduling.schedule(REGULATOR, team.inspection().getCycleId(),
				team.institution().getId(), LocalDate.now(), team.lead().id(), List.of())))
			.contains("inspection.institution.alreadyScheduled");
		UserAccount clinicUser = fixtures.account(Role.CLINIC, null, team.institution().getId());
		Institution another = enrolledInstitution(team.inspection().getCycleId());
		assertThat(reasons(() -> scheduling.schedule(REGULATOR, team.inspection().getCycleId(), another.getId(),
				LocalDate.now(), clinicUser.getId(), List.of())))
			.contains("inspection.member.notAssessor");
		assertThat(reasons(() -> scheduling.schedule(REGULATOR, team.inspection().getCycleId(), another.getId(),
				LocalDate.now(), null, List.of(team.member().id()))))
			.contains("inspection.lead.required");
	}

	@Test
	void assessorsSeeNothingBeforeDeclaringAndAConflictTakesThemOffTheTeam() {
		Team team = team();
		long id = team.inspection().getId();
		assertThatExceptionOfType(Inspections.DeclarationRequired.class)
			.isThrownBy(() -> inspections.assessorView(team.lead(), id));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> inspections.forDeclaration(team.outsider(), id));
		inspections.declare(team.member(), id, true, "曾在该机构兼职");
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> inspections.assessorView(team.member(), id));
		assertThat(inspections.mine(team.member())).extracting(Inspection::getId).doesNotContain(id);
		assertThat(inspections.regulatorView(REGULATOR, id).inspection().getMembers())
			.filteredOn(InspectionMember::isConflict)
			.singleElement()
			.satisfies(m -> assertThat(m.getDeclarationNote()).isEqualTo("曾在该机构兼职"));
		assertThat(reasons(() -> scheduling.addMember(REGULATOR, id, team.member().id(), false)))
			.containsExactly("inspection.member.declaredConflict");
		inspections.declare(team.lead(), id, false, null);
		assertThat(inspections.assessorView(team.lead(), id).inspection().getId()).isEqualTo(id);
		assertThat(jdbc.queryForList(
				"select action from audit_event where object_type = 'Inspection' and object_id = ?" + " order by id",
				String.class, String.valueOf(id)))
			.contains("INSPECTION_SCHEDULED", "INSPECTION_CONFLICT_DECLARED", "INSPECTION_NO_CONFLICT_DECLARED");
	}

	@Test
	void scoresAreValidatedAndAFindingIsRequiredBelowTheMaximum() {
		Team team = cleared();
		long id = team.inspection().getId();
		long i11 = teams.indicator("1.1");
		assertThat(reasons(() -> teams.score(team.lead(), id, "1.1", "5.5", null, null)))
			.containsExactly("selfAssessment.value.range");
		assertThat(reasons(() -> teams.score(team.lead(), id, "1.1", "4.2", null, null)))
			.containsExactly("selfAssessment.value.offStep");
		assertThat(reasons(() -> teams.score(team.lead(), id, "2.1", "NA", null, null)))
			.containsExactly("selfAssessment.value.naNotAllowed");
		assertThat(reasons(() -> teams.score(team.lead(), id, "1.1", "4", null, null)))
			.containsExactly("inspection.finding.required");
		assertThat(reasons(() -> teams.score(team.lead(), id, "1.1", "4", "未见培训记录", null)))
			.containsExactly("inspection.severity.required");
		assertThat(reasons(() -> teams.score(team.lead(), id, "2.2", "3", null, null)))
			.containsExactly("inspection.score.notApplicableToInstitution");
		InspectionView view = teams.score(team.lead(), id, "1.1", "4", "未见培训记录", Severity.SERIOUS);
		assertThat(view.inspection().getStatus()).isEqualTo(InspectionStatus.IN_PROGRESS);
		assertThat(view.scores().get(i11).getFinding()).isEqualTo("未见培训记录");
		assertThat(view.scores().get(i11).getMethodSet()).containsExactly(EvaluationMethod.DOCUMENT_REVIEW);
	}

	@Test
	void anInspectionIsNeitherScoredNorSubmittedBeforeItsScheduledDay() {
		Team team = cleared();
		long id = team.inspection().getId();
		LocalDate later = inspections.today().plusDays(3);
		scheduling.reschedule(REGULATOR, id, later, "专家组时间调整");
		assertThat(reasonsWithArguments(() -> teams.score(team.lead(), id, "1.1", "5", null, null)))
			.containsExactly("inspection.notYet " + later);
		assertThat(reasons(() -> inspections.submit(team.lead(), id))).contains("inspection.notYet");
		assertThat(inspections.regulatorView(REGULATOR, id).scores()).isEmpty();
		// from that day on it can
		scheduling.reschedule(REGULATOR, id, inspections.today(), "按原计划当天进行");
		assertThat(teams.score(team.lead(), id, "1.1", "5", null, null).inspection().getStatus())
			.isEqualTo(InspectionStatus.IN_PROGRESS);
	}

	@Test
	void totalsAndStarsAreTheEnginesForTheSameInputs() {
		Team team = cleared();
		long id = team.inspection().getId();
		teams.score(team.lead(), id, "1.1", "4.5", "缺少一项记录", Severity.GENERAL);
		teams.score(team.member(), id, "1.2", "NA", null, null);
		InspectionView view = teams.score(team.lead(), id, "2.1", "7", "院感培训不足", Severity.GENERAL);
		var expected = engine.evaluate(
				standards.scoringModel(standardFixtures.publishedVersionId(), team.institution().getType(),
						team.institution().getSurgeryLevel()),
				java.util.Map.of("1.1", Score.of("4.5"), "1.2", Score.NOT_APPLICABLE, "2.1", Score.of("7")));
		assertThat(view.outcome().total()).isEqualByComparingTo(expected.total());
		assertThat(view.outcome().stars()).isEqualTo(expected.stars());
		assertThat(view.outcome().reasons()).isEqualTo(expected.reasons());
		assertThat(view.outcome().sections()).extracting(s -> s.percent())
			.containsExactlyElementsOf(expected.sections().stream().map(s -> s.percent()).toList());
		assertThat(view.outcome().total()).isEqualByComparingTo("82.0");
		assertThat(view.outcome().stars()).isEqualTo(2);
	}

	@Test
	void teammatesSavingTheSameIndicatorFromStalePagesAreTold() {
		Team team = cleared();
		long id = team.inspection().getId();
		teams.score(team.lead(), id, "2.1", "10", null, null);
		assertThatExceptionOfType(EditConflictException.class)
			.isThrownBy(() -> inspections.saveScore(team.member(), id, teams.indicator("2.1"),
					new ScoreInput("8", EnumSet.noneOf(EvaluationMethod.class), "x", Severity.GENERAL, null)));
		assertThat(inspections.assessorView(team.lead(), id).scores().get(teams.indicator("2.1")).getValue())
			.isEqualTo("10");
	}

	@Test
	void onlyTheLeadSubmitsACompleteInspectionAndFindingsBecomeCorrectiveActions() {
		Team team = cleared();
		long id = team.inspection().getId();
		teams.score(team.lead(), id, "1.1", "4", "急救药品过期", Severity.MAJOR);
		assertThat(reasons(() -> inspections.submit(team.lead(), id))).containsExactly("inspection.submit.missing",
				"inspection.submit.missing");
		teams.score(team.member(), id, "1.2", "4", null, null);
		teams.score(team.member(), id, "2.1", "9", "培训签到不全", Severity.GENERAL);
		assertThat(reasons(() -> inspections.submit(team.member(), id))).containsExactly("inspection.submit.leadOnly");
		inspections.submit(team.lead(), id);
		InspectionView view = inspections.regulatorView(REGULATOR, id);
		assertThat(view.inspection().getStatus()).isEqualTo(InspectionStatus.SUBMITTED);
		assertThat(view.actions()).extracting(CorrectiveAction::getFinding)
			.containsExactlyInAnyOrder("急救药品过期", "培训签到不全");
		assertThat(view.actions()).allSatisfy(a -> {
			assertThat(a.getStatus()).isEqualTo(ActionStatus.OPEN);
			assertThat(a.getDueOn()).isEqualTo(cycles.today().plusDays(30));
		});
		assertThat(reasons(() -> teams.score(team.lead(), id, "2.1", "10", null, null)))
			.containsExactly("inspection.notScorable");
	}

	@Test
	void correctiveActionsAreAnsweredVerifiedOrReopenedAndFlaggedWhenOverdue() {
		Team team = submitted();
		CurrentUser clinic = Fixtures.clinic(team.institution().getId());
		CorrectiveAction action = correctiveActions.actionsOf(clinic).get(0);
		assertThat(reasons(() -> correctiveActions.verify(team.lead(), action.getId())))
			.containsExactly("action.verify.notAnswered");
		assertThat(reasons(() -> correctiveActions.respond(clinic, action.getId(), " ", List.of())))
			.containsExactly("action.respond.textRequired");
		correctiveActions.respond(clinic, action.getId(), "已更换全部过期药品并建立效期检查表", List
			.of(new Upload("效期检查表.pdf", "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
		// the lead who verifies sees what the institution sent with its answer
		InspectionView forLead = inspections.assessorView(team.lead(), team.id());
		assertThat(forLead.filesOfAction(action.getId())).extracting(InspectionFile::getFileName)
			.containsExactly("效期检查表.pdf");
		assertThat(reasons(() -> correctiveActions.respond(clinic, action.getId(), "again", List.of())))
			.containsExactly("action.respond.notOpen");
		assertThat(reasons(() -> correctiveActions.verify(team.member(), action.getId())))
			.containsExactly("action.leadOnly");
		assertThat(reasons(() -> correctiveActions.reopen(team.lead(), action.getId(), "")))
			.containsExactly("action.reopen.commentRequired");
		correctiveActions.reopen(team.lead(), action.getId(), "请上传效期检查表照片");
		CorrectiveAction reopened = find(clinic, action.getId());
		assertThat(reopened.getStatus()).isEqualTo(ActionStatus.OPEN);
		assertThat(reopened.getReopenComment()).isEqualTo("请上传效期检查表照片");
		correctiveActions.respond(clinic, action.getId(), "已上传", List.of());
		correctiveActions.verify(team.lead(), action.getId());
		assertThat(find(clinic, action.getId()).getStatus()).isEqualTo(ActionStatus.CLOSED);

		CorrectiveAction other = correctiveActions.actionsOf(clinic)
			.stream()
			.filter(a -> !a.getId().equals(action.getId()))
			.findFirst()
			.orElseThrow();
		correctiveActions.changeDue(team.lead(), other.getId(), LocalDate.now().minusDays(1));
		CorrectiveAction overdue = correctiveActions.actionsOf(clinic)
			.stream()
			.filter(a -> a.getId().equals(other.getId()))
			.findFirst()
			.orElseThrow();
		assertThat(overdue.isOverdue(LocalDate.now())).isTrue();
		assertThat(overdue.isOverdue(LocalDate.now().minusDays(2))).isFalse();
		assertThat(find(clinic, action.getId()).isOverdue(LocalDate.now().plusYears(1))).as("closed never overdue")
			.isFalse();

		CurrentUser otherClinic = Fixtures.clinic(fixtures.institution("330102").getId());
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> correctiveActions.respond(otherClinic, other.getId(), "not mine", List.of()));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> correctiveActions.verify(team.outsider(), other.getId()));
	}

	@Test
	void clinicsSeeOnlyTheirOwnSubmittedResultsAndRegulatorsOnlyTheirJurisdiction() {
		Team team = cleared();
		long id = team.inspection().getId();
		CurrentUser clinic = Fixtures.clinic(team.institution().getId());
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> inspections.clinicView(clinic, id));
		assertThat(inspections.inspectionsOf(clinic)).extracting(Inspection::getScheduledOn).isNotEmpty();
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> inspections.regulatorView(Fixtures.regulator("330106"), id));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> scheduling.cancel(Fixtures.regulator("330106"), id, "越权"));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> inspections.clinicView(Fixtures.clinic(fixtures.institution("330102").getId()), id));
	}

	@Test
	void rescheduleAndCancelNeedAReason() {
		Team team = team();
		long id = team.inspection().getId();
		assertThat(reasons(() -> scheduling.reschedule(REGULATOR, id, LocalDate.now().plusDays(3), "")))
			.containsExactly("inspection.reschedule.reasonRequired");
		scheduling.reschedule(REGULATOR, id, LocalDate.now().plusDays(3), "专家组时间冲突");
		assertThat(reasons(() -> scheduling.cancel(REGULATOR, id, " ")))
			.containsExactly("inspection.cancel.reasonRequired");
		scheduling.cancel(REGULATOR, id, "机构停业");
		InspectionView view = inspections.regulatorView(REGULATOR, id);
		assertThat(view.inspection().getStatus()).isEqualTo(InspectionStatus.CANCELLED);
		assertThat(view.inspection().getScheduledOn()).isEqualTo(LocalDate.now().plusDays(3));
	}

	// ---- helpers
	// -------------------------------------------------------------------------------

	/** A scheduled inspection in a cycle that has reached its inspection phase. */
	private Team team() {
		Team team = teams.team();
		cycles.advance(REGULATOR, team.inspection().getCycleId(), CycleStatus.INSPECTING);
		return team;
	}

	private Team cleared() {
		Team team = team();
		inspections.declare(team.lead(), team.inspection().getId(), false, null);
		inspections.declare(team.member(), team.inspection().getId(), false, "无利益冲突");
		return team;
	}

	private Team submitted() {
		Team team = cleared();
		long id = team.inspection().getId();
		teams.score(team.lead(), id, "1.1", "4", "急救药品过期", Severity.MAJOR);
		teams.score(team.lead(), id, "1.2", "3", "制度未更新", Severity.GENERAL);
		teams.score(team.lead(), id, "2.1", "10", null, null);
		inspections.submit(team.lead(), id);
		return team;
	}

	private CorrectiveAction find(CurrentUser clinic, long actionId) {
		return correctiveActions.actionsOf(clinic)
			.stream()
			.filter(a -> a.getId() == actionId)
			.findFirst()
			.orElseThrow();
	}

	private Institution enrolledInstitution(long cycleId) {
		Institution institution = fixtures.institution("330102");
		cycles.enrol(REGULATOR, cycleId, institution.getCreditCode());
		return institution;
	}

	private static List<String> reasonsWithArguments(Runnable action) {
		try {
			action.run();
		}
		catch (FormRejectedException ex) {
			return ex.reasons()
				.stream()
				.map(r -> r.code() + " "
						+ java.util.Arrays.stream(r.arguments())
							.map(String::valueOf)
							.collect(java.util.stream.Collectors.joining(" ")))
				.toList();
		}
		return List.of();
	}

	private static List<String> reasons(Runnable action) {
		try {
			action.run();
		}
		catch (FormRejectedException ex) {
			return ex.reasons().stream().map(FormRejectedException.Reason::code).toList();
		}
		return List.of();
	}

}
