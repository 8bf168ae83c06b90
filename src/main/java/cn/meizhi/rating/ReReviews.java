package cn.meizhi.rating;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.meizhi.cycle.CycleManagement;
import cn.meizhi.cycle.CycleStatus;
import cn.meizhi.cycle.EvaluationCycle;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionSummary;
import cn.meizhi.rating.internal.ReReviewApplicationRepository;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.shared.Role;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-review (复审) as a process, with its schedule in one place: a published rating is
 * valid for the months its standard's rating rules give; within {@link #DUE_WITHIN_DAYS}
 * days of its last day it is due, and is offered to the regulator for enrolment in an
 * open cycle of the area; a clinic may apply earlier (one application at a time), and the
 * regulator enrols it or declines with a note.
 */
@Service
@Transactional(readOnly = true)
public class ReReviews {

	/** How far ahead of its last day a published rating is due for re-review. */
	public static final int DUE_WITHIN_DAYS = RatingRegister.RENEWAL_WINDOW_DAYS;

	private final ReReviewApplicationRepository applications;

	private final RatingRegister register;

	private final CycleManagement cycles;

	private final InstitutionManagement institutions;

	private final Clock clock;

	ReReviews(ReReviewApplicationRepository applications, RatingRegister register, CycleManagement cycles,
			InstitutionManagement institutions, Clock clock) {
		this.applications = applications;
		this.register = register;
		this.cycles = cycles;
		this.institutions = institutions;
		this.clock = clock;
	}

	/** The published ratings of the jurisdiction due for re-review, soonest first. */
	public List<Rating> due(CurrentUser regulator) {
		requireRole(regulator, Role.REGULATOR);
		return register.expiringSoon(regulator);
	}

	/** The jurisdiction's pending applications, oldest first. */
	public List<ReReviewApplication> pending(CurrentUser regulator) {
		requireRole(regulator, Role.REGULATOR);
		return applications.findPendingWithin(regulator.jurisdiction().prefix());
	}

	/** The cycles of the jurisdiction that still take enrolments (planned or open). */
	public List<EvaluationCycle> openCycles(CurrentUser regulator) {
		return cycles.list(regulator)
			.stream()
			.filter(c -> c.getStatus() == CycleStatus.PLANNED || c.getStatus() == CycleStatus.OPEN)
			.toList();
	}

	/** The institutions' names, for the page. */
	public Map<Long, String> names(Collection<Long> institutionIds) {
		return institutions.names(institutionIds);
	}

	/**
	 * Enrols the chosen institutions (due, or applicants) in a cycle; their pending
	 * applications become enrolled. Those the cycle refuses are reported by the cycle.
	 */
	@Transactional
	public CycleManagement.EnrolmentOutcome enrol(CurrentUser regulator, long cycleId,
			Collection<Long> institutionIds) {
		requireRole(regulator, Role.REGULATOR);
		if (institutionIds == null || institutionIds.isEmpty()) {
			throw FormRejectedException.of(null, "reReview.noneChosen");
		}
		Set<Long> chosen = new LinkedHashSet<>(institutionIds);
		var outcome = cycles.enrol(regulator, cycleId, chosen, null);
		EvaluationCycle cycle = cycles.get(regulator, cycleId);
		for (Long id : chosen) {
			if (cycle.enrolls(id)) {
				applications.findByInstitutionIdAndStatus(id, ReReviewApplication.Status.PENDING)
					.ifPresent(a -> a.enrolled(cycleId, regulator.username(), clock.instant()));
			}
		}
		applications.flush();
		return outcome;
	}

	@Transactional
	public void decline(CurrentUser regulator, long applicationId, String note) {
		requireRole(regulator, Role.REGULATOR);
		ReReviewApplication application = applications.findById(applicationId)
			.filter(a -> regulator.reaches(a.getRegionCode()))
			.orElseThrow(() -> new NotFoundException("ReReviewApplication", applicationId));
		String text = note == null ? "" : note.strip();
		if (text.isEmpty() || text.length() > 2000) {
			throw FormRejectedException.of("note", "reReview.noteRequired");
		}
		application.decline(text, regulator.username(), clock.instant());
		applications.flush();
	}

	/** The clinic's applications, newest first. */
	public List<ReReviewApplication> applicationsOf(CurrentUser clinic) {
		requireRole(clinic, Role.CLINIC);
		return applications.findByInstitutionIdOrderByAppliedAtDesc(clinic.institutionId());
	}

	/** The clinic applies for re-review before its rating is due. */
	@Transactional
	public ReReviewApplication apply(CurrentUser clinic, String reason) {
		requireRole(clinic, Role.CLINIC);
		String text = reason == null ? "" : reason.strip();
		if (text.length() < 10 || text.length() > 2000) {
			throw FormRejectedException.of("reason", "reReview.reasonRequired", 10);
		}
		if (applications.findByInstitutionIdAndStatus(clinic.institutionId(), ReReviewApplication.Status.PENDING)
			.isPresent()) {
			throw FormRejectedException.of(null, "reReview.alreadyPending");
		}
		InstitutionSummary institution = institutions.findSummary(clinic.institutionId()).orElseThrow();
		return applications.saveAndFlush(new ReReviewApplication(institution.id(), institution.regionCode(), text,
				clinic.username(), clock.instant()));
	}

	private static void requireRole(CurrentUser user, Role role) {
		if (!user.is(role)) {
			throw new AccessDeniedException("Only " + role);
		}
	}

}
