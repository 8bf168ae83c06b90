package cn.meizhi.inspection;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import cn.meizhi.account.internal.UserAccount;
import cn.meizhi.cycle.CycleForm;
import cn.meizhi.cycle.CycleManagement;
import cn.meizhi.cycle.CycleStatus;
import cn.meizhi.cycle.EvaluationCycle;
import cn.meizhi.inspection.Inspections.ScoreInput;
import cn.meizhi.inspection.internal.InspectionScore;
import cn.meizhi.institution.Institution;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.Role;
import cn.meizhi.standard.EvaluationMethod;
import cn.meizhi.standard.Indicator;
import cn.meizhi.standard.StandardManagement;
import cn.meizhi.support.Fixtures;
import cn.meizhi.support.StandardFixtures;

import org.springframework.stereotype.Component;

/**
 * An inspection in a fresh cycle with a lead, a member and an assessor who is not on the
 * team.
 */
@Component
public class InspectionFixtures {

	public static final CurrentUser REGULATOR = Fixtures.regulator("330100");

	public record Team(Inspection inspection, CurrentUser lead, CurrentUser member, CurrentUser outsider,
			Institution institution) {

		public long id() {
			return inspection.getId();
		}

		public CurrentUser clinic() {
			return Fixtures.clinic(institution.getId());
		}

	}

	private final Inspections inspections;

	private final InspectionScheduling scheduling;

	private final Fixtures fixtures;

	private final StandardFixtures standardFixtures;

	private final StandardManagement standards;

	private final CycleManagement cycles;

	InspectionFixtures(Inspections inspections, InspectionScheduling scheduling, Fixtures fixtures,
			StandardFixtures standardFixtures, StandardManagement standards, CycleManagement cycles) {
		this.inspections = inspections;
		this.scheduling = scheduling;
		this.fixtures = fixtures;
		this.standardFixtures = standardFixtures;
		this.standards = standards;
		this.cycles = cycles;
	}

	public Team team() {
		return team(fixtures.institution("330102"));
	}

	/** A submitted inspection of a given institution, in a new cycle. */
	public Team submittedFor(Institution institution) {
		Team team = team(institution);
		inspections.declare(team.lead(), team.id(), false, null);
		inspections.declare(team.member(), team.id(), false, null);
		score(team.lead(), team.id(), "1.1", "5", null, null);
		score(team.lead(), team.id(), "1.2", "4", null, null);
		score(team.lead(), team.id(), "2.1", "10", null, null);
		inspections.submit(team.lead(), team.id());
		return team;
	}

	private Team team(Institution institution) {
		var form = new CycleForm();
		form.setName(Fixtures.unique("评审网页测试周期"));
		form.setJurisdictionCode("330102");
		form.setStandardVersionId(standardFixtures.publishedVersionId());
		form.setSelfAssessmentOpens(LocalDate.now().minusDays(30));
		form.setSelfAssessmentCloses(LocalDate.now().minusDays(1));
		form.setInspectionStarts(LocalDate.now());
		form.setInspectionEnds(LocalDate.now().plusDays(30));
		form.setEnrolAll(false);
		EvaluationCycle cycle = cycles.create(REGULATOR, form);
		cycles.enrol(REGULATOR, cycle.getId(), institution.getCreditCode());
		cycles.advance(REGULATOR, cycle.getId(), CycleStatus.OPEN);
		CurrentUser lead = assessor();
		CurrentUser member = assessor();
		CurrentUser outsider = assessor();
		Inspection inspection = scheduling.schedule(REGULATOR, cycle.getId(), institution.getId(),
				LocalDate.now().minusDays(1), lead.id(), List.of(member.id()));
		return new Team(inspection, lead, member, outsider, institution);
	}

	public Team cleared() {
		Team team = team();
		inspections.declare(team.lead(), team.id(), false, null);
		inspections.declare(team.member(), team.id(), false, null);
		return team;
	}

	public Team submitted() {
		Team team = cleared();
		score(team.lead(), team.id(), "1.1", "4", "急救药品过期", Severity.MAJOR);
		score(team.lead(), team.id(), "1.2", "4", null, null);
		score(team.lead(), team.id(), "2.1", "10", null, null);
		inspections.submit(team.lead(), team.id());
		return team;
	}

	public InspectionView score(CurrentUser assessor, long id, String code, String value, String finding,
			Severity severity) {
		Long version = inspections.assessorView(assessor, id)
			.scores()
			.values()
			.stream()
			.filter(s -> s.getIndicatorId() == indicator(code))
			.map(InspectionScore::getVersion)
			.findFirst()
			.orElse(null);
		return inspections.saveScore(assessor, id, indicator(code),
				new ScoreInput(value, EnumSet.of(EvaluationMethod.DOCUMENT_REVIEW), finding, severity, version));
	}

	public long indicator(String code) {
		return standards.publicVersion(standardFixtures.publishedVersionId())
			.indicators()
			.filter(i -> i.getCode().equals(code))
			.map(Indicator::getId)
			.findFirst()
			.orElseThrow();
	}

	private CurrentUser assessor() {
		UserAccount account = fixtures.account(Role.ASSESSOR, null, null);
		return new CurrentUser(account.getId(), account.getUsername(), account.getDisplayName(), Role.ASSESSOR, null,
				null);
	}

}
