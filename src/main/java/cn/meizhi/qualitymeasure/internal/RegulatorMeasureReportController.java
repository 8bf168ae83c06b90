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

	@PostMapping("/import")
	String importPeriod(CurrentUser user, @RequestParam String period,
			@RequestParam(name = "file", required = false) org.springframework.web.multipart.MultipartFile file,
			@RequestParam(defaultValue = "false") boolean confirmOutliers, Model model, RedirectAttributes redirect,
			jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		var result = file == null || file.isEmpty()
				? new MeasureReports.BulkResult(0,
						java.util.List
							.of(new cn.meizhi.shared.FormRejectedException.Reason(null, "measureReport.file.noFile")))
				: reports.importPeriod(user, period, file.getOriginalFilename(), file.getBytes(), confirmOutliers);
		if (!result.saved()) {
			response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("importProblems", result.problems());
			return overview(user, period, null, 0, model);
		}
		redirect.addFlashAttribute("message", "measureReport.bulk.imported");
		redirect.addFlashAttribute("messageArgs", new Object[] { result.submitted() });
		return "redirect:/regulator/quality-measures/reports?period=" + period;
	}

	@GetMapping("/template.xlsx")
	org.springframework.http.ResponseEntity<byte[]> template(CurrentUser user, @RequestParam String period,
			java.util.Locale locale) {
		return org.springframework.http.ResponseEntity.ok()
			.contentType(ClinicMeasureReportController.XLSX)
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					org.springframework.http.ContentDisposition.attachment()
						.filename("quality-measures-" + period + "-jurisdiction.xlsx")
						.build()
						.toString())
			.body(reports.bulkTemplate(user, period, locale));
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
