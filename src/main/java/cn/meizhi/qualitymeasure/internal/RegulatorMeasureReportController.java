package cn.meizhi.qualitymeasure.internal;

import cn.meizhi.qualitymeasure.MeasureReports;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormSteps;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The regulator follows a period's reporting across the jurisdiction (who submitted, who
 * is late), reads a report with its submissions, and returns one with a reason.
 */
@Controller
@RequestMapping("/regulator/quality-measures/reports")
class RegulatorMeasureReportController {

	private final MeasureReports reports;

	RegulatorMeasureReportController(MeasureReports reports) {
		this.reports = reports;
	}

	@GetMapping
	String overview(CurrentUser user, @RequestParam(required = false) String period,
			@RequestParam(required = false) String state, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("overview", reports.overview(user, period, state, page));
		model.addAttribute("state", state);
		return "qualitymeasure/regulatorReports";
	}

	@GetMapping("/{id}")
	String report(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("view", reports.report(user, id));
		return "qualitymeasure/regulatorReport";
	}

	@PostMapping("/{id}/return")
	String returnReport(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return FormSteps.act(redirect, "/regulator/quality-measures/reports/" + id, "measureReport.returned",
				() -> reports.returnReport(user, id, reason));
	}

}
