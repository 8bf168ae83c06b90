package cn.meizhi.system.internal;

import cn.meizhi.shared.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page, the public start page, and the hand-off to each role's own home page.
 */
@Controller
class LoginController {

	@GetMapping("/login")
	String login() {
		return "login";
	}

	/**
	 * After sign-in every role lands on its own home page, which shows what waits for it.
	 */
	@GetMapping("/home")
	String home(CurrentUser user) {
		return "redirect:" + user.role().area();
	}

}
