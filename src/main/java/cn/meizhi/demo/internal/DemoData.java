package cn.meizhi.demo.internal;

import java.util.ArrayList;
import java.util.List;

import cn.meizhi.account.AccountManagement;
import cn.meizhi.adverseevent.AdverseEvents;
import cn.meizhi.complaint.ComplaintHistory;
import cn.meizhi.cycle.CycleManagement;
import cn.meizhi.enforcement.Penalties;
import cn.meizhi.inspection.CorrectiveActions;
import cn.meizhi.inspection.InspectionHistory;
import cn.meizhi.inspection.InspectionScheduling;
import cn.meizhi.inspection.Inspections;
import cn.meizhi.institution.Institution;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionStatus;
import cn.meizhi.practitioner.PractitionerRegister;
import cn.meizhi.procedure.ProcedureCatalogue;
import cn.meizhi.qualitymeasure.MeasureSets;
import cn.meizhi.rating.RatingHistory;
import cn.meizhi.rating.RatingRegister;
import cn.meizhi.rating.RatingReplies;
import cn.meizhi.rating.Ratings;
import cn.meizhi.selfassessment.SelfAssessments;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.RegisterLoadedInBulk;
import cn.meizhi.shared.Role;
import cn.meizhi.shared.StartupLock;
import cn.meizhi.standard.RatingEngine;
import cn.meizhi.standard.StandardAuthoring;
import cn.meizhi.standard.StandardManagement;
import lombok.extern.slf4j.Slf4j;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo data on the first start in demo mode (when the {@code admin} account
 * does not exist yet). Institutions go through the same service and rules as a
 * regulator's form.
 */
@Slf4j
@Component
@Conditional(DemoMode.class)
@Order(10)
public class DemoData implements ApplicationRunner {

	/** The password of every demo account. */
	static final String PASSWORD = "meizhi-demo";

	private final AccountManagement accounts;

	private final InstitutionManagement institutions;

	private final StandardManagement standards;

	private final StandardAuthoring authoring;

	private final CycleManagement cycles;

	private final SelfAssessments selfAssessments;

	private final Inspections inspections;

	private final CorrectiveActions correctiveActions;

	private final InspectionScheduling scheduling;

	private final RatingEngine ratingEngine;

	private final Ratings ratings;

	private final RatingRegister ratingRegister;

	private final RatingReplies replies;

	private final InspectionHistory inspectionHistory;

	private final RatingHistory ratingHistory;

	private final ApplicationEventPublisher events;

	private final StartupLock startupLock;

	private final cn.meizhi.shared.DataLoading dataLoading;

	private final ComplaintHistory complaintHistory;

	private final AdverseEvents adverseEvents;

	private final Penalties penalties;

	private final ProcedureCatalogue procedureCatalogue;

	private final MeasureSets measureSets;

	private final cn.meizhi.qualitymeasure.MeasureReports measureReports;

	private final cn.meizhi.standard.Consultations consultations;

	private final PractitionerRegister practitionerRegister;

	DemoData(AccountManagement accounts, InstitutionManagement institutions, StandardManagement standards,
			StandardAuthoring authoring, CycleManagement cycles, SelfAssessments selfAssessments,
			Inspections inspections, InspectionScheduling scheduling, CorrectiveActions correctiveActions,
			RatingEngine ratingEngine, Ratings ratings, RatingRegister ratingRegister, RatingReplies replies,
			InspectionHistory inspectionHistory, RatingHistory ratingHistory, ApplicationEventPublisher events,
			StartupLock startupLock, cn.meizhi.shared.DataLoading dataLoading, ComplaintHistory complaintHistory,
			AdverseEvents adverseEvents, Penalties penalties, ProcedureCatalogue procedureCatalogue,
			PractitionerRegister practitionerRegister, cn.meizhi.standard.Consultations consultations,
			MeasureSets measureSets, cn.meizhi.qualitymeasure.MeasureReports measureReports) {
		this.measureSets = measureSets;
		this.measureReports = measureReports;
		this.consultations = consultations;
		this.practitionerRegister = practitionerRegister;
		this.procedureCatalogue = procedureCatalogue;
		this.complaintHistory = complaintHistory;
		this.adverseEvents = adverseEvents;
		this.penalties = penalties;
		this.startupLock = startupLock;
		this.dataLoading = dataLoading;
		this.events = events;
		this.ratingEngine = ratingEngine;
		this.ratings = ratings;
		this.ratingRegister = ratingRegister;
		this.replies = replies;
		this.inspectionHistory = inspectionHistory;
		this.ratingHistory = ratingHistory;
		this.inspections = inspections;
		this.correctiveActions = correctiveActions;
		this.scheduling = scheduling;
		this.accounts = accounts;
		this.institutions = institutions;
		this.standards = standards;
		this.authoring = authoring;
		this.cycles = cycles;
		this.selfAssessments = selfAssessments;
	}

	@Override
	public void run(ApplicationArguments args) {
		// nodes started together on an empty database: one loads, the others wait and
		// find it loaded
		if (accounts.exists("admin")) {
			return;
		}
		// pages say "loading" while this node loads, or waits for another node loading
		dataLoading.during(() -> startupLock.run("meizhi.demo-data", this::loadUnlessLoaded));
	}

	private void loadUnlessLoaded() {
		if (accounts.exists("admin")) {
			return;
		}
		log.info("Demo mode: loading demo data (accounts use the password '{}')", PASSWORD);
		List<Institution> registered = new ArrayList<>();
		for (var demo : DemoInstitutions.generate(20231101L)) {
			String province = demo.form().getRegionCode().substring(0, 2) + "0000";
			CurrentUser loader = DemoPeople.registerImport(province);
			Institution institution = institutions.register(loader, demo.form());
			if (demo.status() != InstitutionStatus.ACTIVE) {
				institution = institutions.changeStatus(loader, institution.getId(), demo.status(),
						demo.status() == InstitutionStatus.SUSPENDED ? "演示数据：因投诉调查暂停执业" : "演示数据：机构已注销");
			}
			registered.add(institution);
		}
		Institution clinicInstitution = firstActive(registered, "330102");
		Institution clinic2Institution = firstActive(registered, "330106");
		accounts.createDemoAccount("admin", "系统管理员", Role.ADMIN, null, null, PASSWORD);
		accounts.createDemoAccount("regulator", "杭州市卫健委 王科长", Role.REGULATOR, "330100", null, PASSWORD);
		accounts.createDemoAccount("regulator-sc", "上城区卫健局 李主任", Role.REGULATOR, "330102", null, PASSWORD);
		accounts.createDemoAccount("assessor", "评审专家 陈教授", Role.ASSESSOR, null, null, PASSWORD);
		accounts.createDemoAccount("assessor2", "评审专家 周主任", Role.ASSESSOR, null, null, PASSWORD);
		accounts.createDemoAccount("clinic", "机构质控专员 赵女士", Role.CLINIC, null, clinicInstitution.getId(), PASSWORD);
		accounts.createDemoAccount("clinic2", "机构质控专员 孙先生", Role.CLINIC, null, clinic2Institution.getId(), PASSWORD);
		long exampleVersion = loadExampleStandard();
		long openCycle = new DemoCycles(cycles, selfAssessments).load(exampleVersion, clinicInstitution.getId());
		var submitted = new DemoInspections(inspections, scheduling, correctiveActions, cycles).load(openCycle,
				clinicInstitution.getId());
		var assessors = inspections.assessors();
		var lead = assessors.stream().filter(a -> a.username().equals("assessor")).findFirst().orElseThrow();
		var member = assessors.stream().filter(a -> a.username().equals("assessor2")).findFirst().orElseThrow();
		var demoRatings = new DemoRatings(cycles, standards, ratingEngine, ratings, ratingRegister, replies,
				inspectionHistory, ratingHistory);
		int published = demoRatings.loadHistory(exampleVersion, registered, lead, member, clinicInstitution.getId(),
				clinic2Institution.getId());
		demoRatings.loadProposals(lead, submitted);
		demoRatings.loadReplies(clinicInstitution.getId(), clinic2Institution.getId());
		int complaints = new DemoComplaints(complaintHistory, cycles.today()).load(registered,
				clinicInstitution.getId(), clinic2Institution.getId());
		new DemoSupervision(adverseEvents, penalties, cycles.today()).load(registered, clinicInstitution.getId(),
				clinic2Institution.getId());
		ExampleCatalogue.load(procedureCatalogue);
		long measureSet = ExampleMeasures.load(measureSets);
		new DemoMeasureReports(measureReports, cycles.today()).load(registered, clinicInstitution.getId(),
				measureSets.measures(measureSet), measureSets.published().orElseThrow().getReportingFrom());
		int practitioners = new DemoPractitioners(practitionerRegister).load(registered, cycles.today());
		// the rating history went in without an event per rating: the public directory
		// catches up in one statement
		events.publishEvent(new RegisterLoadedInBulk("the demo data"));
		log.info(
				"Demo mode: {} institutions, 7 accounts, the example standard, cycles, {} rating histories, {} complaints, adverse events, penalties, the example procedure catalogue and {} practitioners loaded",
				registered.size(), published, complaints, practitioners);
	}

	/**
	 * The example standard: imported from its JSON export like any other, published, and
	 * a revision draft derived from it.
	 */
	private long loadExampleStandard() {
		long published = ExampleStandard.load(authoring);
		// it stands for the standard the demo's rating history (five years back) was
		// judged by: published
		// before the first of those ratings (before anything reads and keeps the
		// published version)
		authoring.recordPastPublication(published,
				java.time.Instant.parse(cycles.today().minusMonths(62) + "T01:00:00Z"),
				java.time.Instant.parse(cycles.today().minusMonths(61) + "T01:00:00Z"));
		long draft = authoring.newDraft(ExampleStandard.AUTHOR, published, "2024 修订征求意见稿").getId();
		// the revision draft is out for public comments, with one comment answered and
		// one awaiting
		consultations.open(ExampleStandard.AUTHOR, draft, cycles.today().plusDays(30));
		var answered = consultations.comment(draft, null, "某医疗美容诊所", "建议对只开展非手术项目的诊所，手术相关条款统一标为不适用，避免被误判扣分。");
		consultations.answer(ExampleStandard.AUTHOR, answered.getId(), "采纳：修订稿按机构登记的手术级别判断条款是否适用。");
		consultations.comment(draft, null, null, "希望增加对线上宣传内容真实性的评价条款。");
		return published;
	}

	private static Institution firstActive(List<Institution> institutions, String regionCode) {
		return institutions.stream()
			.filter(i -> i.getRegionCode().equals(regionCode) && i.getStatus() == InstitutionStatus.ACTIVE)
			.findFirst()
			.orElseThrow();
	}

}
