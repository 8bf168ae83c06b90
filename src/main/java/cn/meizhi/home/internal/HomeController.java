package cn.meizhi.home.internal;

import cn.meizhi.account.AccountManagement;
import cn.meizhi.adverseevent.AdverseEvents;
import cn.meizhi.complaint.Complaints;
import cn.meizhi.inspection.CorrectiveActions;
import cn.meizhi.inspection.InspectionStatus;
import cn.meizhi.inspection.Inspections;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.notification.Notifications;
import cn.meizhi.rating.RatingObjections;
import cn.meizhi.rating.RatingRegister;
import cn.meizhi.rating.RatingReplies;
import cn.meizhi.rating.RatingStatus;
import cn.meizhi.rating.Ratings;
import cn.meizhi.region.Regions;
import cn.meizhi.selfassessment.SelfAssessments;
import cn.meizhi.shared.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page of each role.
 */
@Controller
class HomeController {

	private final InstitutionManagement institutions;

	private final AccountManagement accounts;

	private final Regions regions;

	private final SelfAssessments selfAssessments;

	private final Inspections inspections;

	private final CorrectiveActions correctiveActions;

	private final Ratings ratings;

	private final RatingRegister ratingRegister;

	private final RatingReplies replies;

	private final Notifications notifications;

	private final Complaints complaints;

	private final AdverseEvents adverseEvents;

	private final RatingObjections objections;

	HomeController(InstitutionManagement institutions, AccountManagement accounts, Regions regions,
			SelfAssessments selfAssessments, Inspections inspections, CorrectiveActions correctiveActions,
			Ratings ratings, RatingRegister ratingRegister, RatingReplies replies, Notifications notifications,
			Complaints complaints, AdverseEvents adverseEvents, RatingObjections objections) {
		this.objections = objections;
		this.complaints = complaints;
		this.adverseEvents = adverseEvents;
		this.replies = replies;
		this.notifications = notifications;
		this.inspections = inspections;
		this.correctiveActions = correctiveActions;
		this.ratings = ratings;
		this.ratingRegister = ratingRegister;
		this.institutions = institutions;
		this.accounts = accounts;
		this.regions = regions;
		this.selfAssessments = selfAssessments;
	}

	@GetMapping("/regulator")
	String regulator(CurrentUser user, Model model) {
		model.addAttribute("statusCounts", institutions.countByStatus(user));
		var regionCounts = institutions.countOpenByRegion(user);
		model.addAttribute("regionCounts", regionCounts);
		model.addAttribute("overdueActions", correctiveActions.overdueActions(user));
		model.addAttribute("overdueComplaints", complaints.overdueCount(user));
		model.addAttribute("severeEvents", adverseEvents.severeUnreviewed(user));
		// ratings on public notice wait for the notice's end, not for a decision; an
		// objection to one waits for an answer
		model.addAttribute("awaitingDecision",
				ratingRegister.approvalQueue(user)
					.stream()
					.filter(r -> r.getStatus() != RatingStatus.IN_NOTICE)
					.count());
		model.addAttribute("openObjections", objections.ratingsWithOpenObjections(user).size());
		model.addAttribute("repliesPending", replies.pending(user).size());
		var expiring = ratingRegister.expiringSoon(user);
		model.addAttribute("expiring", expiring);
		model.addAttribute("expiringNames", ratingRegister.institutionNames(expiring));
		model.addAttribute("renewalDays", RatingRegister.RENEWAL_WINDOW_DAYS);
		model.addAttribute("stars", ratingRegister.starDistribution(user));
		model.addAttribute("maxRegionCount", regionCounts.values().stream().mapToLong(Long::longValue).max().orElse(1));
		model.addAttribute("jurisdictionName", regions.path(user.jurisdiction().regionCode(),
				org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		return "home/regulator";
	}

	@GetMapping("/admin")
	String admin(CurrentUser user, Model model) {
		model.addAttribute("roleCounts", accounts.countByRole(user));
		return "home/admin";
	}

	/** How many finished inspections the assessor's home lists below the live ones. */
	static final int FINISHED_SHOWN = 10;

	@GetMapping("/assessor")
	String assessor(CurrentUser user, Model model) {
		var mine = inspections.mine(user).stream().filter(i -> i.getStatus() != InspectionStatus.CANCELLED).toList();
		// live ones first, soonest first; then the finished ones, latest first
		var live = mine.stream()
			.filter(i -> i.getStatus() == InspectionStatus.SCHEDULED || i.getStatus() == InspectionStatus.IN_PROGRESS)
			.sorted(java.util.Comparator.comparing(cn.meizhi.inspection.Inspection::getScheduledOn))
			.toList();
		var finished = mine.stream()
			.filter(i -> i.getStatus() == InspectionStatus.SUBMITTED)
			.sorted(java.util.Comparator.comparing(cn.meizhi.inspection.Inspection::getScheduledOn).reversed())
			.toList();
		model.addAttribute("inspections", live);
		model.addAttribute("finished", finished.subList(0, Math.min(FINISHED_SHOWN, finished.size())));
		model.addAttribute("finishedCount", finished.size());
		model.addAttribute("institutions", inspections.institutionsOf(mine));
		model.addAttribute("me", user.id());
		return "home/assessor";
	}

	@GetMapping("/clinic")
	String clinic(CurrentUser user, Model model) {
		model.addAttribute("institution", institutions.get(user, user.institutionId()));
		var tasks = selfAssessments.tasksOf(user);
		model.addAttribute("tasks", tasks.stream().filter(SelfAssessments.ClinicTask::toDo).toList());
		// earlier self-assessments, to read back: newest cycle first
		model.addAttribute("pastTasks", tasks.stream()
			.filter(t -> !t.toDo() && t.selfAssessmentId() != null)
			.sorted(java.util.Comparator.comparing((SelfAssessments.ClinicTask t) -> t.cycle().getId()).reversed())
			.toList());
		model.addAttribute("inspections", inspections.inspectionsOf(user));
		var actions = correctiveActions.actionsOf(user);
		var today = inspections.today();
		model.addAttribute("openActions",
				actions.stream().filter(a -> a.getStatus() != cn.meizhi.inspection.ActionStatus.CLOSED).count());
		model.addAttribute("overdueActions", actions.stream().filter(a -> a.isOverdue(today)).count());
		model.addAttribute("expiring", ratingRegister.expiringSoon(user));
		model.addAttribute("statementsDue", complaints.statementsDue(user));
		model.addAttribute("proposals",
				ratingRegister.ofClinic(user)
					.stream()
					.filter(r -> r.getStatus() == RatingStatus.PROPOSED || r.getStatus() == RatingStatus.APPEALED)
					.toList());
		model.addAttribute("latestNotifications",
				notifications.of(user, org.springframework.data.domain.PageRequest.of(0, 5)).getContent());
		return "home/clinic";
	}

}
