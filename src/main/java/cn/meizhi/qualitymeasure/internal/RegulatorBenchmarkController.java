package cn.meizhi.qualitymeasure.internal;

import cn.meizhi.qualitymeasure.MeasureBenchmarks;
import cn.meizhi.region.Regions;
import cn.meizhi.shared.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The regulator compares the jurisdiction's institutions on a quality measure: a
 * district's funnel plot, table and median's trend, or a larger region's districts and
 * pooled trend, and the outliers of every measure.
 */
@Controller
class RegulatorBenchmarkController {

	private final MeasureBenchmarks benchmarks;

	private final Regions regions;

	RegulatorBenchmarkController(MeasureBenchmarks benchmarks, Regions regions) {
		this.benchmarks = benchmarks;
		this.regions = regions;
	}

	@GetMapping("/regulator/quality-measures/benchmarks")
	String benchmarks(CurrentUser user, @RequestParam(required = false) String period,
			@RequestParam(required = false) String measure, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("view", benchmarks.forRegulator(user, period, measure, region, page).orElse(null));
		model.addAttribute("districts", regions.districtsWithin(user.jurisdiction()));
		model.addAttribute("region", region);
		return "qualitymeasure/benchmarks";
	}

}
