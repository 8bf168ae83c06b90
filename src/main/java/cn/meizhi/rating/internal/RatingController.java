package cn.meizhi.rating.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import cn.meizhi.inspection.InspectionView;
import cn.meizhi.inspection.Inspections;
import cn.meizhi.rating.Rating;
import cn.meizhi.rating.RatingObjections;
import cn.meizhi.rating.RatingRegister;
import cn.meizhi.rating.RatingReplies;
import cn.meizhi.rating.RatingReply;
import cn.meizhi.rating.RatingStatus;
import cn.meizhi.rating.Ratings;
import cn.meizhi.rating.internal.Appeal.Outcome;
import cn.meizhi.shared.Attachments;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.EvidenceFiles.Upload;
import cn.meizhi.shared.FormRejectedException;

import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Rating pages for the three roles: the lead proposes; the clinic accepts or appeals; the
 * regulator works the approval queue, decides appeals, approves or rejects (never on its
 * own proposal or inspection) and suspends, reinstates or revokes published ratings.
 */
@Controller
class RatingController {

	private final Ratings ratings;

	private final RatingRegister ratingRegister;

	private final Inspections inspections;

	private final RatingReplies replies;

	private final cn.meizhi.region.Regions regions;

	private final RatingObjections objections;

	RatingController(Ratings ratings, RatingRegister ratingRegister, Inspections inspections, RatingReplies replies,
			cn.meizhi.region.Regions regions, RatingObjections objections) {
		this.regions = regions;
		this.objections = objections;
		this.ratings = ratings;
		this.ratingRegister = ratingRegister;
		this.inspections = inspections;
		this.replies = replies;
	}

	// ---- assessor (lead)
	// -----------------------------------------------------------------------

	@GetMapping("/assessor/inspections/{id}/rating")
	String proposalPage(CurrentUser user, @PathVariable long id, Model model, RedirectAttributes redirect) {
		try {
			return proposalForm(user, id, model);
		}
		catch (FormRejectedException ex) {
			redirect.addFlashAttribute("error", ex.reasons().get(0).code());
			return "redirect:/assessor/inspections/" + id;
		}
	}

	private String proposalForm(CurrentUser user, long id, Model model) {
		InspectionView view = inspections.submittedForLead(user, id);
		model.addAttribute("view", view);
		model.addAttribute("ratings", ratingRegister.ofInspection(id));
		return "rating/propose";
	}

	@PostMapping("/assessor/inspections/{id}/rating")
	String propose(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Integer stars,
			@RequestParam(defaultValue = "") String overrideReason, Model model, RedirectAttributes redirect) {
		try {
			ratings.propose(user, id, stars, overrideReason);
			redirect.addFlashAttribute("message", "rating.proposed");
			return "redirect:/assessor/inspections/" + id + "/rating";
		}
		catch (FormRejectedException ex) {
			model.addAttribute("problems", ex.reasons());
			model.addAttribute("typedStars", stars);
			model.addAttribute("typedReason", overrideReason);
			try {
				return proposalForm(user, id, model);
			}
			catch (FormRejectedException again) {
				redirect.addFlashAttribute("error", again.reasons().get(0).code());
				return "redirect:/assessor/inspections/" + id;
			}
		}
		catch (org.springframework.dao.DataIntegrityViolationException ex) {
			redirect.addFlashAttribute("error", "rating.propose.exists");
			return "redirect:/assessor/inspections/" + id + "/rating";
		}
	}

	// ---- clinic
	// --------------------------------------------------------------------------------

	@GetMapping("/clinic/ratings")
	String clinicRatings(CurrentUser user, Model model) {
		model.addAttribute("ratings", ratingRegister.ofClinic(user));
		model.addAttribute("today", ratings.today());
		return "rating/clinicList";
	}

	@GetMapping("/clinic/ratings/{id}")
	String clinicRating(CurrentUser user, @PathVariable long id, Model model) {
		Rating rating = ratings.get(user, id);
		model.addAttribute("rating", rating);
		model.addAttribute("view", ratings.basis(user, rating));
		var appealList = ratingRegister.appealsOf(id);
		model.addAttribute("appeals", appealList);
		model.addAttribute("appealFiles", ratingRegister.appealFiles(appealList));
		model.addAttribute("filesBase", "/clinic/ratings/" + id);
		var replyList = replies.of(id);
		model.addAttribute("replies", replyList);
		model.addAttribute("replyPending",
				replyList.stream().anyMatch(p -> p.getStatus() == RatingReply.Status.PENDING));
		model.addAttribute("today", ratings.today());
		return "rating/clinicRating";
	}

	@PostMapping("/clinic/ratings/{id}/accept")
	String accept(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		return act(redirect, "/clinic/ratings/" + id, "rating.acceptedMessage", () -> ratings.accept(user, id));
	}

	@PostMapping("/clinic/ratings/{id}/appeal")
	String appeal(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String grounds,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect)
			throws IOException {
		List<Upload> evidence = new ArrayList<>();
		for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
			if (!file.isEmpty()) {
				evidence.add(new Upload(file.getOriginalFilename(), file.getBytes()));
			}
		}
		redirect.addFlashAttribute("typedGrounds", grounds);
		return act(redirect, "/clinic/ratings/" + id, "rating.appealedMessage",
				() -> ratings.appeal(user, id, grounds, evidence));
	}

	@GetMapping({ "/clinic/ratings/{id}/appeal-files/{fileId}", "/regulator/ratings/{id}/appeal-files/{fileId}" })
	ResponseEntity<byte[]> appealFile(CurrentUser user, @PathVariable long id, @PathVariable long fileId) {
		var download = ratings.appealFile(user, id, fileId);
		return Attachments.response(download.fileName(), download.contentType(), download.content());
	}

	// ---- regulator
	// -----------------------------------------------------------------------------

	@GetMapping("/regulator/ratings")
	String queue(CurrentUser user, Model model) {
		var queue = ratingRegister.approvalQueue(user);
		model.addAttribute("queue", queue);
		model.addAttribute("names", ratingRegister.institutionNames(queue));
		model.addAttribute("openObjections", objections.ratingsWithOpenObjections(user));
		model.addAttribute("today", ratings.today());
		return "rating/queue";
	}

	/**
	 * Every rating of the jurisdiction, filtered by district, stars, status or
	 * institution.
	 */
	@GetMapping("/regulator/ratings/all")
	String register(CurrentUser user, @RequestParam(required = false) String region,
			@RequestParam(required = false) Integer stars, @RequestParam(required = false) RatingStatus status,
			@RequestParam(required = false) Long institutionId, @RequestParam(required = false) Integer page,
			Model model) {
		var found = ratingRegister.register(user, region, stars, status, institutionId,
				org.springframework.data.domain.PageRequest.of(page == null ? 0 : Math.max(0, page), 50));
		model.addAttribute("found", found);
		model.addAttribute("countCapped", found.getTotalElements() >= RatingRegister.REGISTER_COUNT_CAP);
		model.addAttribute("region", region);
		model.addAttribute("stars", stars);
		model.addAttribute("status", status);
		model.addAttribute("institutionId", institutionId);
		model.addAttribute("statuses", RatingStatus.values());
		model.addAttribute("regions", regions.districtsWithin(user.jurisdiction()));
		model.addAttribute("today", ratings.today());
		return "rating/register";
	}

	@GetMapping("/regulator/ratings/{id}")
	String decide(CurrentUser user, @PathVariable long id, Model model) {
		Rating rating = ratings.get(user, id);
		model.addAttribute("rating", rating);
		model.addAttribute("view", ratings.basis(user, rating));
		var appealList = ratingRegister.appealsOf(id);
		model.addAttribute("appeals", appealList);
		model.addAttribute("appealFiles", ratingRegister.appealFiles(appealList));
		model.addAttribute("filesBase", "/regulator/ratings/" + id);
		model.addAttribute("history", ratingRegister.history(id));
		model.addAttribute("replies", replies.of(id));
		model.addAttribute("objections",
				rating.getNoticeUntil() == null ? java.util.List.of() : objections.of(user, id));
		String whyNot = ratings.whyNotDecide(user, rating);
		model.addAttribute("mayDecide", whyNot == null);
		model.addAttribute("whyNotDecide", whyNot);
		model.addAttribute("today", ratings.today());
		return "rating/decide";
	}

	@PostMapping("/regulator/ratings/{id}/approve")
	String approve(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		Rating[] approved = new Rating[1];
		String target = act(redirect, "/regulator/ratings/" + id, "rating.publishedMessage",
				() -> approved[0] = ratings.approve(user, id));
		if (approved[0] != null && approved[0].getStatus() == RatingStatus.IN_NOTICE) {
			redirect.addFlashAttribute("message", "rating.onNoticeMessage");
			redirect.addFlashAttribute("messageArgs", new Object[] { approved[0].getNoticeUntil().toString() });
		}
		return target;
	}

	/**
	 * The regulator's answer to an objection raised during the rating's public notice.
	 */
	@PostMapping("/regulator/ratings/{id}/objections/{objectionId}/answer")
	String answerObjection(CurrentUser user, @PathVariable long id, @PathVariable long objectionId,
			@RequestParam(required = false) RatingObjection.Outcome outcome,
			@RequestParam(defaultValue = "") String answer, RedirectAttributes redirect) {
		return act(redirect, "/regulator/ratings/" + id + "#objections", "objection.answered",
				() -> objections.answer(user, id, objectionId, outcome, answer));
	}

	@PostMapping("/regulator/ratings/{id}/reject")
	String reject(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		return act(redirect, "/regulator/ratings/" + id, "rating.rejectedMessage",
				() -> ratings.reject(user, id, reason));
	}

	@PostMapping("/regulator/ratings/{id}/appeal")
	String decideAppeal(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Outcome outcome,
			@RequestParam(defaultValue = "") String decision, @RequestParam(required = false) Integer stars,
			RedirectAttributes redirect) {
		return act(redirect, "/regulator/ratings/" + id, "rating.appealDecidedMessage",
				() -> ratings.decideAppeal(user, id, outcome == null ? Outcome.PENDING : outcome, decision, stars));
	}

	@PostMapping("/regulator/ratings/{id}/suspend")
	String suspend(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		return act(redirect, "/regulator/ratings/" + id, "rating.suspendedMessage",
				() -> ratings.suspend(user, id, reason));
	}

	@PostMapping("/regulator/ratings/{id}/reinstate")
	String reinstate(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		return act(redirect, "/regulator/ratings/" + id, "rating.reinstatedMessage",
				() -> ratings.reinstate(user, id, reason));
	}

	@PostMapping("/regulator/ratings/{id}/revoke")
	String revoke(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		return act(redirect, "/regulator/ratings/" + id, "rating.revokedMessage",
				() -> ratings.revoke(user, id, reason));
	}

	@PostMapping("/regulator/ratings/expire")
	String expireNow(CurrentUser user, RedirectAttributes redirect) {
		int count = ratings.expireDue(user);
		redirect.addFlashAttribute("message", "rating.expiredMessage");
		redirect.addFlashAttribute("messageArgs", new Object[] { count });
		return "redirect:/regulator/ratings";
	}

	/**
	 * Runs a form action and flashes its outcome: the success message, or why it was
	 * refused.
	 */
	static String act(RedirectAttributes redirect, String target, String success, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("message", success);
		}
		catch (FormRejectedException ex) {
			redirect.addFlashAttribute("error", ex.reasons().get(0).code());
			redirect.addFlashAttribute("errorArgs", ex.reasons().get(0).arguments());
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("error", "rating.conflict");
		}
		return "redirect:" + target;
	}

}
