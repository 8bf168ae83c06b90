package cn.meizhi.directory.internal;

import java.util.List;
import java.util.Locale;

import cn.meizhi.institution.Department;
import cn.meizhi.region.Regions;
import cn.meizhi.shared.Choice;
import cn.meizhi.shared.Formats;
import cn.meizhi.shared.InstitutionType;
import cn.meizhi.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public side's pages: the front page with a search box and the certified counts, the
 * directory search, and an institution's profile. No sign-in, no session.
 */
@Controller
class DirectoryController {

	private final PublicDirectory directory;

	private final Regions regions;

	private final MessageSource messages;

	private final Formats formats;

	private final cn.meizhi.qualitymeasure.PublicQualityMeasures qualityMeasures;

	DirectoryController(PublicDirectory directory, Regions regions, MessageSource messages, Formats formats,
			cn.meizhi.qualitymeasure.PublicQualityMeasures qualityMeasures) {
		this.qualityMeasures = qualityMeasures;
		this.directory = directory;
		this.regions = regions;
		this.messages = messages;
		this.formats = formats;
	}

	@GetMapping("/")
	String welcome(Model model) {
		var counts = directory.certifiedByStars();
		model.addAttribute("certifiedByStars", counts);
		model.addAttribute("certifiedTotal", counts.values().stream().mapToLong(Long::longValue).sum());
		return "welcome";
	}

	@GetMapping("/institutions")
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
			@RequestParam(required = false) Integer minStars, @RequestParam(required = false) InstitutionType type,
			@RequestParam(required = false) Department department,
			@RequestParam(required = false) Boolean certifiedOnly, @RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer page, Locale locale, Model model, HttpServletRequest request) {
		DirectoryQuery query = DirectoryQuery.of(q, region, minStars, type, department, certifiedOnly, sort, page,
				null);
		model.addAttribute("query", query);
		var results = directory.search(query, locale, false);
		model.addAttribute("results", results);
		model.addAttribute("countCapped", results.getTotalElements() >= PublicDirectory.PAGE_COUNT_CAP);
		model.addAttribute("regionChoices", regions.drillDown(query.region(), locale));
		model.addAttribute("starChoices",
				java.util.stream.IntStream.rangeClosed(1, 5)
					.map(n -> 6 - n)
					.mapToObj(n -> new Choice(String.valueOf(n),
							messages.getMessage("directory.filter.atLeast", new Object[] { n }, locale),
							query.minStars() != null && query.minStars() == n))
					.toList());
		model.addAttribute("typeChoices",
				java.util.Arrays.stream(InstitutionType.values())
					.map(t -> new Choice(t.name(), messages.getMessage("institution.type." + t.name(), null, locale),
							t == query.type()))
					.toList());
		model.addAttribute("departmentChoices", java.util.Arrays.stream(Department.values())
			.map(d -> new Choice(d.name(), messages.getMessage("institution.department." + d.name(), null, locale),
					d == query.department()))
			.toList());
		model.addAttribute("cards",
				results.getContent()
					.stream()
					.map(listing -> ResultCard.of(listing, request.getContextPath(), locale, messages, formats))
					.toList());
		model.addAttribute("csvUrl",
				ServletUriComponentsBuilder.fromRequest(request)
					.replacePath(request.getContextPath() + "/api/public/institutions.csv")
					.replaceQueryParam("page")
					.replaceQueryParam("lang")
					.build()
					.toUriString()
					.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", ""));
		return "directory/search";
	}

	@GetMapping("/institutions/{id}/results")
	String results(@PathVariable long id, Locale locale, Model model) {
		var profile = directory.profileWithResults(id, locale)
			.filter(p -> p.current() != null)
			.orElseThrow(() -> new NotFoundException("Results", id));
		model.addAttribute("profile", profile);
		return "directory/results";
	}

	@GetMapping("/institutions/{id}")
	String profile(@PathVariable long id, Locale locale, Model model) {
		var profile = directory.profile(id, locale).orElseThrow(() -> new NotFoundException("Institution", id));
		model.addAttribute("profile", profile);
		model.addAttribute("qualityMeasures",
				qualityMeasures.ofInstitution(id, profile.institution().getRegionCode()).orElse(null));
		return "directory/profile";
	}

}
