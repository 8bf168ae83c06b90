package cn.meizhi.rating.internal;

import java.util.List;

import cn.meizhi.rating.ReReviews;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Re-review: the regulator's list of ratings due and early applications, enrolled into an
 * open cycle in one step; the clinic's application.
 */
@Controller
class ReReviewController {

	private final ReReviews reReviews;

	ReReviewController(ReReviews reReviews) {
		this.reReviews = reReviews;
	}

	@GetMapping("/regulator/re-reviews")
	String regulator(CurrentUser user, Model model) {
		var due = reReviews.due(user);
		var pending = reReviews.pending(user);
		var ids = new java.util.HashSet<Long>();
		due.forEach(r -> ids.add(r.getInstitutionId()));
		pending.forEach(a -> ids.add(a.getInstitutionId()));
		model.addAttribute("due", due);
		model.addAttribute("pending", pending);
		model.addAttribute("names", reReviews.names(ids));
		model.addAttribute("cycles", reReviews.openCycles(user));
		model.addAttribute("dueWithin", ReReviews.DUE_WITHIN_DAYS);
		return "rating/reReviews";
	}

	@PostMapping("/regulator/re-reviews/enrol")
	String enrol(CurrentUser user, @RequestParam(required = false) Long cycleId,
			@RequestParam(name = "institutionIds", required = false) List<Long> institutionIds,
			RedirectAttributes redirect) {
		try {
			if (cycleId == null) {
				throw FormRejectedException.of("cycleId", "reReview.cycleRequired");
			}
			var outcome = reReviews.enrol(user, cycleId, institutionIds);
			redirect.addFlashAttribute("message", "reReview.enrolled");
			redirect.addFlashAttribute("messageArgs", new Object[] { outcome.enrolled().size() });
		}
		catch (FormRejectedException ex) {
			redirect.addFlashAttribute("error", ex.reasons().get(0).code());
		}
		return "redirect:/regulator/re-reviews";
	}

	@PostMapping("/regulator/re-reviews/{id}/decline")
	String decline(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String note,
			RedirectAttributes redirect) {
		try {
			reReviews.decline(user, id, note);
			redirect.addFlashAttribute("message", "reReview.declined");
		}
		catch (FormRejectedException ex) {
			redirect.addFlashAttribute("error", ex.reasons().get(0).code());
		}
		return "redirect:/regulator/re-reviews";
	}

	@GetMapping("/clinic/re-review")
	String clinic(CurrentUser user, Model model) {
		model.addAttribute("applications", reReviews.applicationsOf(user));
		return "rating/reReviewApply";
	}

	@PostMapping("/clinic/re-review")
	String apply(CurrentUser user, @RequestParam(defaultValue = "") String reason, Model model,
			RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
		try {
			reReviews.apply(user, reason);
			redirect.addFlashAttribute("message", "reReview.submitted");
			return "redirect:/clinic/re-review";
		}
		catch (FormRejectedException ex) {
			response.setStatus(400);
			model.addAttribute("problem", ex.reasons().get(0));
			model.addAttribute("typedReason", reason);
			return clinic(user, model);
		}
	}

}
