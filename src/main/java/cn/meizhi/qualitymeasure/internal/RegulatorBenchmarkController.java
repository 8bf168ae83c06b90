package cn.meizhi.qualitymeasure.internal;

import java.util.List;
import java.util.Locale;

import cn.meizhi.qualitymeasure.MeasureBenchmarks;
import cn.meizhi.region.Regions;
import cn.meizhi.shared.Choice;
import cn.meizhi.shared.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The regulator compares the jurisdiction's institutions on a quality measure: a
 * district's funnel plot, table and median's trend, or a larger region's districts and
 * pooled trend, and the outliers of every measure.
 */
@Controller
class RegulatorBenchmarkController {

	private static final String PATH = "/regulator/quality-measures/benchmarks";

	private final MeasureBenchmarks benchmarks;

	private final Regions regions;

	RegulatorBenchmarkController(MeasureBenchmarks benchmarks, Regions regions) {
		this.benchmarks = benchmarks;
		this.regions = regions;
	}

	/**
	 * A measure's count of outliers in the period, as the page lists it: its label in the
	 * reader's language and the link that shows the measure.
	 */
	public record OutlierLine(String label, long outliers, String href, boolean shown) {
	}

	@GetMapping(PATH)
	String benchmarks(CurrentUser user, @RequestParam(required = false) String period,
			@RequestParam(required = false) String measure, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int page, Locale locale, HttpServletRequest request, Model model) {
		var view = benchmarks.forRegulator(user, period, measure, region, page).orElse(null);
		model.addAttribute("view", view);
		model.addAttribute("region", region);
		// the filter's options and the outliers' links are decided here, once, in the
		// reader's language: the page lists some ninety of them
		model.addAttribute("districtChoices",
				regions.districtsWithin(user.jurisdiction())
					.stream()
					.map(r -> new Choice(r.getCode(), r.name(locale), r.getCode().equals(region)))
					.toList());
		if (view != null && view.period() != null) {
			String shownPeriod = view.period().key();
			model.addAttribute("periodChoices",
					view.periods().stream().map(p -> new Choice(p.key(), p.key(), p.equals(view.period()))).toList());
			model.addAttribute("measureChoices", view.measures()
				.stream()
				.map(m -> new Choice(m.getCode(), m.label(locale), m.getCode().equals(view.measure().getCode())))
				.toList());
			model.addAttribute("outlierLines",
					view.outlierCounts()
						.stream()
						.map(c -> new OutlierLine(c.measure().label(locale), c.outliers(),
								link(request, shownPeriod, c.measure().getCode(), region),
								c.measure().getCode().equals(view.measure().getCode())))
						.toList());
		}
		else {
			model.addAttribute("outlierLines", List.of());
		}
		return "qualitymeasure/benchmarks";
	}

	private static String link(HttpServletRequest request, String period, String measure, String region) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(request.getContextPath() + PATH)
			.queryParam("period", period)
			.queryParam("measure", measure);
		if (region != null) {
			link.queryParam("region", region);
		}
		return link.encode().build().toUriString();
	}

}
