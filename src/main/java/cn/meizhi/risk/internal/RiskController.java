package cn.meizhi.risk.internal;

import cn.meizhi.risk.RiskList;
import cn.meizhi.risk.RiskRule;
import cn.meizhi.shared.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The regulator's institutions by risk, with the rule in words. */
@Controller
class RiskController {

	private final RiskList risks;

	RiskController(RiskList risks) {
		this.risks = risks;
	}

	@GetMapping("/regulator/risk")
	String list(CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("entries", risks.page(user, page, 50));
		model.addAttribute("rule", new RuleWords());
		return "risk/list";
	}

	/** The rule's numbers, for its description in words. */
	record RuleWords(int noValidRating, int lowStars, int middleStars, int expiryDays, int expiring, int recentMonths,
			int perComplaint, int complaintsCap, int perEvent, int eventsCap, int penaltyYears, int perPenalty,
			int penaltiesCap, int flagged) {

		RuleWords() {
			this(RiskRule.NO_VALID_RATING, RiskRule.LOW_STARS, RiskRule.MIDDLE_STARS, RiskRule.EXPIRY_DAYS,
					RiskRule.EXPIRING, RiskRule.RECENT_MONTHS, RiskRule.PER_UPHELD_COMPLAINT,
					RiskRule.UPHELD_COMPLAINTS_CAP, RiskRule.PER_SEVERE_EVENT, RiskRule.SEVERE_EVENTS_CAP,
					RiskRule.PENALTY_YEARS, RiskRule.PER_PENALTY, RiskRule.PENALTIES_CAP, RiskRule.FLAGGED);
		}

	}

}
