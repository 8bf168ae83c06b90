package cn.meizhi.rating.internal;

import java.util.List;

import cn.meizhi.rating.RatingRegister;
import cn.meizhi.rating.RatingReplies;
import cn.meizhi.rating.RatingReply;
import cn.meizhi.rating.Ratings;
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
 * The right to reply: the clinic writes; a regulator of the jurisdiction publishes or
 * rejects.
 */
@Controller
class RatingReplyController {

	private final RatingReplies replies;

	private final Ratings ratings;

	private final RatingRegister ratingRegister;

	RatingReplyController(RatingReplies replies, Ratings ratings, RatingRegister ratingRegister) {
		this.replies = replies;
		this.ratings = ratings;
		this.ratingRegister = ratingRegister;
	}

	@PostMapping("/clinic/ratings/{id}/reply")
	String reply(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String text,
			RedirectAttributes redirect) {
		try {
			replies.submit(user, id, text);
			redirect.addFlashAttribute("message", "rating.reply.submitted");
		}
		catch (FormRejectedException ex) {
			redirect.addFlashAttribute("typedReply", text);
			redirect.addFlashAttribute("error", ex.reasons().get(0).code());
			redirect.addFlashAttribute("errorArgs", ex.reasons().get(0).arguments());
		}
		return "redirect:/clinic/ratings/" + id + "#reply";
	}

	@GetMapping("/regulator/replies")
	String moderation(CurrentUser user, Model model) {
		List<RatingReply> pending = replies.pending(user);
		var rated = replies.ratingsOf(pending);
		model.addAttribute("pending", pending);
		model.addAttribute("rated", rated);
		model.addAttribute("names", ratingRegister.institutionNames(List.copyOf(rated.values())));
		return "rating/replies";
	}

	@PostMapping("/regulator/replies/{id}/publish")
	String publish(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		return moderate(redirect, "rating.reply.publishedMessage", () -> replies.publish(user, id));
	}

	@PostMapping("/regulator/replies/{id}/reject")
	String reject(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		return moderate(redirect, "rating.reply.rejectedMessage", () -> replies.reject(user, id, reason));
	}

	private static String moderate(RedirectAttributes redirect, String success, Runnable action) {
		return RatingController.act(redirect, "/regulator/replies", success, action);
	}

}
