package cn.meizhi.procedure.internal;

import cn.meizhi.procedure.RegisterPlausibility;
import cn.meizhi.shared.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The regulator's report of the register's plausibility findings. */
@Controller
class PlausibilityController {

	private final RegisterPlausibility plausibility;

	PlausibilityController(RegisterPlausibility plausibility) {
		this.plausibility = plausibility;
	}

	@GetMapping("/regulator/plausibility")
	String report(CurrentUser user, Model model) {
		model.addAttribute("findings", plausibility.report(user));
		model.addAttribute("maxSites", RegisterPlausibility.MAX_SITES);
		return "procedure/plausibility";
	}

}
