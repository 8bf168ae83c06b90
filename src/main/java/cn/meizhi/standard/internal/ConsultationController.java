package cn.meizhi.standard.internal;

import java.time.Duration;
import java.time.LocalDate;

import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.FormSteps;
import cn.meizhi.standard.Consultations;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Public consultation on a draft: anyone reads and comments (at most 10 comments per
 * client address per hour, in the shared Bucket4j store; a field only robots fill); the
 * author opens it, answers and summarises on the version's page.
 */
@Controller
class ConsultationController {

	private final Consultations consultations;

	private final ProxyManager<String> buckets;

	private final BucketConfiguration perHour = BucketConfiguration.builder()
		.addLimit(limit -> limit.capacity(10).refillGreedy(10, Duration.ofHours(1)))
		.build();

	ConsultationController(Consultations consultations, ProxyManager<String> buckets) {
		this.consultations = consultations;
		this.buckets = buckets;
	}

	@GetMapping("/standards/{id}/consultation")
	String show(@PathVariable long id, Model model, HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("view", consultations.publicView(id));
		return "standard/consultation";
	}

	@PostMapping("/standards/{id}/consultation")
	String comment(@PathVariable long id, @RequestParam(required = false) Long indicatorId,
			@RequestParam(defaultValue = "") String author, @RequestParam(defaultValue = "") String text,
			@RequestParam(name = "website", defaultValue = "") String honeypot, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			if (!honeypot.isEmpty()) {
				throw FormRejectedException.of(null, "complaint.refused");
			}
			consultations.publicView(id);
			if (!buckets.builder().build("sc:" + request.getRemoteAddr(), () -> perHour).tryConsume(1)) {
				response.setStatus(429);
				throw FormRejectedException.of(null, "consultation.tooMany");
			}
			consultations.comment(id, indicatorId, author, text);
			redirect.addFlashAttribute("message", "consultation.commented");
			return "redirect:/standards/" + id + "/consultation";
		}
		catch (FormRejectedException ex) {
			if (response.getStatus() < 400) {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			}
			model.addAttribute("problems", ex.reasons());
			model.addAttribute("typedText", text);
			model.addAttribute("typedAuthor", author);
			model.addAttribute("typedIndicator", indicatorId);
			model.addAttribute("view", consultations.publicView(id));
			return "standard/consultation";
		}
	}

	@PostMapping("/regulator/standards/versions/{id}/consultation")
	String open(CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closesOn,
			RedirectAttributes redirect) {
		return FormSteps.act(redirect, "/regulator/standards/versions/" + id + "#consultation", "consultation.opened",
				() -> consultations.open(user, id, closesOn));
	}

	@PostMapping("/regulator/standards/versions/{id}/consultation/comments/{commentId}/answer")
	String answer(CurrentUser user, @PathVariable long id, @PathVariable long commentId,
			@RequestParam(defaultValue = "") String answer, RedirectAttributes redirect) {
		return FormSteps.act(redirect, "/regulator/standards/versions/" + id + "#consultation",
				"consultation.answerSaved", () -> consultations.answer(user, commentId, answer));
	}

	@PostMapping("/regulator/standards/versions/{id}/consultation/summary")
	String summarise(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String summary,
			RedirectAttributes redirect) {
		return FormSteps.act(redirect, "/regulator/standards/versions/" + id + "#consultation",
				"consultation.summarised", () -> consultations.summarise(user, id, summary));
	}

}
