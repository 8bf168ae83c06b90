package cn.meizhi.notification.internal;

import java.util.Set;

import cn.meizhi.notification.Notifications;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.HasCurrentUser;
import cn.meizhi.shared.Paging;

import org.springframework.data.domain.Sort;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clinic's notification list: newest first, unread marked, each opening where it
 * points.
 */
@Controller
class NotificationController {

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/clinic/notifications")
	String list(CurrentUser user, @RequestParam(required = false) Integer page, Model model) {
		var result = notifications.of(user, Paging.of(page, null, null, Set.of(), Sort.unsorted()));
		model.addAttribute("notifications", result);
		return "notification/list";
	}

	@GetMapping("/clinic/notifications/{id}")
	String open(CurrentUser user, @PathVariable long id) {
		return "redirect:" + notifications.open(user, id);
	}

	@PostMapping("/clinic/notifications/read")
	String markAllRead(CurrentUser user, RedirectAttributes redirect) {
		notifications.markAllRead(user);
		redirect.addFlashAttribute("message", "notification.allRead");
		return "redirect:/clinic/notifications";
	}

	/** The unread count in the navigation bar of every page a clinic user sees. */
	@ControllerAdvice
	static class UnreadCount {

		private final Notifications notifications;

		UnreadCount(Notifications notifications) {
			this.notifications = notifications;
		}

		@ModelAttribute
		void unread(Authentication authentication, Model model) {
			if (authentication != null && authentication.getPrincipal() instanceof HasCurrentUser principal
					&& principal.currentUser().institutionId() != null) {
				model.addAttribute("unreadNotifications", notifications.unread(principal.currentUser()));
			}
		}

	}

}
