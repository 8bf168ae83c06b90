package cn.meizhi.webhook.internal;

import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.webhook.SubscriberForm;
import cn.meizhi.webhook.WebhookEventType;
import cn.meizhi.webhook.Webhooks;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's webhook pages: subscribers, a new one (its secret shown once), and
 * each one's delivery log.
 */
@Controller
@RequestMapping("/admin/webhooks")
class AdminWebhookController {

	private final Webhooks webhooks;

	AdminWebhookController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@GetMapping
	String list(CurrentUser user, Model model) {
		return page(user, new SubscriberForm(), model);
	}

	@PostMapping
	String register(CurrentUser user, @ModelAttribute("form") SubscriberForm form, Model model,
			HttpServletResponse response) {
		try {
			var registered = webhooks.register(user, form);
			// the secret is shown this once, never stored in a page anyone may revisit
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			model.addAttribute("registered", registered);
			return "webhook/registered";
		}
		catch (FormRejectedException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problems", ex.reasons());
			return page(user, form, model);
		}
	}

	private String page(CurrentUser user, SubscriberForm form, Model model) {
		model.addAttribute("subscribers", webhooks.list(user));
		model.addAttribute("form", form);
		model.addAttribute("types", WebhookEventType.values());
		return "webhook/list";
	}

	@GetMapping("/{id}")
	String show(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("subscriber", webhooks.subscriber(user, id));
		model.addAttribute("deliveries", webhooks.deliveries(user, id, page));
		return "webhook/subscriber";
	}

	@PostMapping("/{id}/active")
	String setActive(CurrentUser user, @PathVariable long id, @RequestParam boolean active,
			RedirectAttributes redirect) {
		webhooks.setActive(user, id, active);
		redirect.addFlashAttribute("message", active ? "webhook.activated" : "webhook.deactivated");
		return "redirect:/admin/webhooks/" + id;
	}

	@PostMapping("/{id}/deliveries/{deliveryId}/send-again")
	String sendAgain(CurrentUser user, @PathVariable long id, @PathVariable long deliveryId,
			RedirectAttributes redirect) {
		try {
			webhooks.sendAgain(user, id, deliveryId);
			redirect.addFlashAttribute("message", "webhook.sentAgain");
		}
		catch (FormRejectedException ex) {
			redirect.addFlashAttribute("error", ex.reasons().get(0).code());
		}
		return "redirect:/admin/webhooks/" + id;
	}

}
