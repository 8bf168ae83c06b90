package cn.meizhi.qualitymeasure.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.meizhi.qualitymeasure.MeasureReports;
import cn.meizhi.qualitymeasure.MeasureValuesForm;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.FormRejectedException.Reason;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A clinic reports its quality measures: the periods it reports with their state and due
 * day, each period's form (save a draft, submit, correct after submission), its template
 * to download and fill, and the upload of a filled template.
 */
@Controller
@RequestMapping("/clinic/quality-measures")
class ClinicMeasureReportController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final MeasureReports reports;

	private final cn.meizhi.qualitymeasure.MeasureBenchmarks benchmarks;

	ClinicMeasureReportController(MeasureReports reports, cn.meizhi.qualitymeasure.MeasureBenchmarks benchmarks) {
		this.reports = reports;
		this.benchmarks = benchmarks;
	}

	@GetMapping
	String periods(CurrentUser user, Model model) {
		model.addAttribute("periods", reports.periodsOf(user));
		return "qualitymeasure/clinicPeriods";
	}

	@GetMapping("/feedback")
	String feedback(CurrentUser user, @RequestParam(required = false) String period, Model model) {
		model.addAttribute("feedback", benchmarks.feedback(user, period).orElse(null));
		return "qualitymeasure/feedback";
	}

	@GetMapping("/{period}")
	String report(CurrentUser user, @PathVariable String period, @RequestParam(defaultValue = "false") boolean correct,
			Model model) {
		var view = reports.reportOf(user, period);
		model.addAttribute("form", reports.formOf(view));
		model.addAttribute("correcting", correct && !view.editable());
		return show(view, List.of(), model);
	}

	@PostMapping("/{period}")
	String save(CurrentUser user, @PathVariable String period, @ModelAttribute("form") MeasureValuesForm form,
			@RequestParam(defaultValue = "save") String action, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		boolean submit = action.equals("submit");
		try {
			reports.save(user, period, form, submit);
		}
		catch (FormRejectedException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return show(reports.reportOf(user, period), ex.reasons(), model);
		}
		redirect.addFlashAttribute("message", submit ? "measureReport.submitted" : "measureReport.saved");
		return "redirect:/clinic/quality-measures/" + period;
	}

	@PostMapping("/{period}/correction")
	String correct(CurrentUser user, @PathVariable String period, @ModelAttribute("form") MeasureValuesForm form,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			reports.correct(user, period, form);
		}
		catch (FormRejectedException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("correcting", true);
			return show(reports.reportOf(user, period), ex.reasons(), model);
		}
		redirect.addFlashAttribute("message", "measureReport.corrected");
		return "redirect:/clinic/quality-measures/" + period;
	}

	@PostMapping("/{period}/upload")
	String upload(CurrentUser user, @PathVariable String period,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect,
			HttpServletResponse response) throws IOException {
		List<Reason> problems = file == null || file.isEmpty() ? List.of(new Reason(null, "measureReport.file.noFile"))
				: file.getSize() > 2 * 1024 * 1024 ? List.of(new Reason(null, "measureReport.file.tooLarge"))
						: reports.upload(user, period, file.getOriginalFilename(), file.getBytes()).problems();
		if (!problems.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			var view = reports.reportOf(user, period);
			model.addAttribute("form", reports.formOf(view));
			model.addAttribute("uploadProblems", problems);
			return show(view, List.of(), model);
		}
		redirect.addFlashAttribute("message", "measureReport.uploaded");
		return "redirect:/clinic/quality-measures/" + period;
	}

	@GetMapping("/{period}/template.csv")
	ResponseEntity<byte[]> csv(CurrentUser user, @PathVariable String period, Locale locale) {
		return file(reports.template(user, period, false, locale), "quality-measures-" + period + ".csv",
				new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
	}

	@GetMapping("/{period}/template.xlsx")
	ResponseEntity<byte[]> xlsx(CurrentUser user, @PathVariable String period, Locale locale) {
		return file(reports.template(user, period, true, locale), "quality-measures-" + period + ".xlsx", XLSX);
	}

	private static ResponseEntity<byte[]> file(byte[] body, String name, MediaType type) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

	private String show(MeasureReports.ReportView view, List<Reason> problems, Model model) {
		Map<String, List<Reason>> byField = new HashMap<>();
		problems.stream()
			.filter(p -> p.field() != null)
			.forEach(p -> byField.computeIfAbsent(p.field(), f -> new java.util.ArrayList<>()).add(p));
		model.addAttribute("view", view);
		model.addAttribute("problems", problems);
		model.addAttribute("problemsByField", byField);
		return "qualitymeasure/clinicReport";
	}

}
