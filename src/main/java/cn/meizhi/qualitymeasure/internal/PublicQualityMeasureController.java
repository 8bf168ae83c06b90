package cn.meizhi.qualitymeasure.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import cn.meizhi.qualitymeasure.PublicQualityMeasures;
import cn.meizhi.qualitymeasure.PublicQualityMeasures.Comparison;
import cn.meizhi.region.Regions;
import cn.meizhi.shared.NotFoundException;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The published quality measures for everyone: a region's institutions compared on one
 * measure ({@code /quality-measures}) and the same as open data, JSON and CSV.
 */
@Controller
@Tag(name = "Open data")
class PublicQualityMeasureController {

	private final PublicQualityMeasures measures;

	private final Regions regions;

	PublicQualityMeasureController(PublicQualityMeasures measures, Regions regions) {
		this.measures = measures;
		this.regions = regions;
	}

	@GetMapping("/quality-measures")
	String page(@RequestParam(required = false) String region, @RequestParam(required = false) String measure,
			@RequestParam(required = false) String period, @RequestParam(defaultValue = "0") int page, Locale locale,
			Model model) {
		model.addAttribute("minimumCases", PublicQualityMeasures.MINIMUM_CASES);
		String code = region == null || region.isBlank() ? null : region.strip();
		model.addAttribute("region", code);
		if (code != null && !regions.exists(code)) {
			throw new NotFoundException("Region", code);
		}
		model.addAttribute("regionChoices", regions.drillDown(code, locale));
		model.addAttribute("district", PublicQualityMeasures.isDistrict(code));
		if (PublicQualityMeasures.isDistrict(code)) {
			model.addAttribute("regionName", regions.name(code, locale));
			model.addAttribute("comparison", measures.compare(code, measure, period, page).orElse(null));
		}
		return "qualitymeasure/public";
	}

	/** The comparison as open data; a property without a value is left out. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ComparisonResponse(String region, String period, MeasureResponse measure, BigDecimal median,
			int institutions, int minimumCases, List<ValueResponse> values, PageInfo page) {

		static ComparisonResponse of(Comparison c) {
			return new ComparisonResponse(c.region(), c.period() == null ? null : c.period().key(),
					new MeasureResponse(c.measure().getCode(), c.measure().getName(), c.measure().getNameEn(),
							c.measure().getDefinition(), c.measure().getUnit().name(),
							c.measure().getDirection().name()),
					c.median() == null ? null
							: BigDecimal.valueOf(c.median()).setScale(4, java.math.RoundingMode.HALF_UP),
					c.institutions(), PublicQualityMeasures.MINIMUM_CASES,
					c.entries()
						.stream()
						.map(e -> new ValueResponse(e.institutionId(), e.name(), e.value().numerator(),
								e.value().denominator(), e.value().value(), e.value().suppressed()))
						.toList(),
					new PageInfo(c.entries().getNumber(), c.entries().getSize(), c.entries().getTotalElements(),
							c.entries().getTotalPages()));
		}

	}

	/** Which page of the district's institutions this is. */
	record PageInfo(int number, int size, long totalElements, int totalPages) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record MeasureResponse(String code, String name, String nameEn, String definition, String unit, String direction) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ValueResponse(long institutionId, String name, BigDecimal numerator, BigDecimal denominator,
			BigDecimal value, boolean suppressed) {
	}

	@GetMapping(path = "/api/public/quality-measures", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	@Operation(summary = "Institutions of a district compared on one published quality measure",
			description = "region is a district's GB/T 2260 code; measure a published measure's "
					+ "code (the first by default); period a quarter (2026-Q3) or month (2026-09), the latest ended "
					+ "by default. A rate over fewer than minimumCases cases is suppressed (suppressed true, no "
					+ "numbers; listed after the others), and median is left out over fewer than three "
					+ "institutions. 50 institutions a page, page from 0.")
	ComparisonResponse json(@RequestParam String region, @RequestParam(required = false) String measure,
			@RequestParam(required = false) String period, @RequestParam(defaultValue = "0") int page) {
		return ComparisonResponse.of(comparison(region, measure, period, page));
	}

	@GetMapping(path = "/api/public/quality-measures.csv", produces = "text/csv;charset=UTF-8")
	@ResponseBody
	@Operation(summary = "The same comparison as CSV")
	ResponseEntity<String> csv(@RequestParam String region, @RequestParam(required = false) String measure,
			@RequestParam(required = false) String period) {
		Comparison c = comparison(region, measure, period, -1);
		StringWriter out = new StringWriter();
		try (var printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
			printer.printRecord("region", "period", "measure", "institution_id", "institution", "numerator",
					"denominator", "value", "suppressed");
			for (var e : c.entries()) {
				printer.printRecord(c.region(), c.period() == null ? "" : c.period().key(), c.measure().getCode(),
						e.institutionId(), e.name(), plain(e.value().numerator()), plain(e.value().denominator()),
						plain(e.value().value()), e.value().suppressed());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.body(out.toString());
	}

	/** A page of the comparison, or every page ({@code page} −1). */
	private Comparison comparison(String region, String measure, String period, int page) {
		if (!regions.exists(region)) {
			throw new NotFoundException("Region", region);
		}
		return (page < 0 ? measures.compareAll(region, measure, period)
				: measures.compare(region, measure, period, page))
			.orElseThrow(() -> new NotFoundException("Quality measure set", "published"));
	}

	private static String plain(BigDecimal number) {
		return number == null ? "" : number.stripTrailingZeros().toPlainString();
	}

}
