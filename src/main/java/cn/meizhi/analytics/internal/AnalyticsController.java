package cn.meizhi.analytics.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import cn.meizhi.analytics.AssessmentAnalytics;
import cn.meizhi.shared.CurrentUser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The regulator's comparison of self-assessments with assessors' scores: charts with
 * their numbers beside them, and the same numbers as CSV.
 */
@Controller
class AnalyticsController {

	private final AssessmentAnalytics analytics;

	AnalyticsController(AssessmentAnalytics analytics) {
		this.analytics = analytics;
	}

	@GetMapping("/regulator/analytics")
	String page(CurrentUser user, @RequestParam(required = false) Long cycle, Locale locale, Model model) {
		model.addAttribute("report", analytics.report(user, cycle, locale));
		return "analytics/calibration";
	}

	@GetMapping("/regulator/analytics.csv")
	ResponseEntity<byte[]> csv(CurrentUser user, @RequestParam(required = false) Long cycle, Locale locale) {
		var report = analytics.report(user, cycle, locale);
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder()
					.setHeader("kind", "key", "label", "count", "selfPercent", "assessedPercent", "gapPoints",
							"overRatedPercent", "kappa")
					.get())) {
			for (var row : report.indicators()) {
				var g = row.gap();
				csv.printRecord("indicator", row.code(), row.title(), g.pairs(), round(g.meanSelf()),
						round(g.meanAssessed()), round(g.meanGap()), round(g.overRatedShare()), "");
			}
			for (var row : report.institutions()) {
				var c = row.calibration();
				csv.printRecord("institution", c.institutionId(), row.name(), c.pairs(), "", "", round(c.meanGap()), "",
						c.kappa() == null ? "" : round(c.kappa()));
			}
			for (var a : report.assessors()) {
				csv.printRecord("assessor", a.assessor(), "", a.scores(), round(a.meanGiven()),
						a.meanPeers() == null ? "" : round(a.meanPeers()),
						a.deviation() == null ? "" : round(a.deviation()), "", "");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String name = "calibration-" + (report.chosen() == null ? "all" : report.chosen().getId()) + ".csv";
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(("\uFEFF" + out).getBytes(StandardCharsets.UTF_8));
	}

	private static String round(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

}
