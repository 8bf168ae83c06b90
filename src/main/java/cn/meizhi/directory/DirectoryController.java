package cn.meizhi.directory;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import cn.meizhi.institution.Department;
import cn.meizhi.institution.InstitutionType;
import cn.meizhi.region.Regions;
import cn.meizhi.shared.Formats;
import cn.meizhi.shared.NotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public side's pages: the front page with a search box and the certified counts, the directory
 * search, and an institution's profile. No sign-in, no session.
 */
@Controller
class DirectoryController {

	private final PublicDirectory directory;

	private final Regions regions;

	private final MessageSource messages;

	private final RatingBadges ratingBadges;

	private final Formats formats;

	DirectoryController(PublicDirectory directory, Regions regions, MessageSource messages, RatingBadges ratingBadges,
			Formats formats) {
		this.directory = directory;
		this.regions = regions;
		this.messages = messages;
		this.ratingBadges = ratingBadges;
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
		DirectoryQuery query = DirectoryQuery.of(q, region, minStars, type, department, certifiedOnly, sort, page, null);
		model.addAttribute("query", query);
		var results = directory.search(query, locale, false);
		model.addAttribute("results", results);
		model.addAttribute("countCapped", results.getTotalElements() >= PublicDirectory.PAGE_COUNT_CAP);
		model.addAttribute("regionOptions", regionOptions(locale, query.region()));
		model.addAttribute("cards", results.getContent()
			.stream()
			.map(listing -> ResultCard.of(listing, request.getContextPath(), locale, messages, ratingBadges, formats))
			.toList());
		model.addAttribute("typeOptions", options(InstitutionType.values(), "institution.type.", locale, query.type()));
		model.addAttribute("departmentOptions",
				options(Department.values(), "institution.department.", locale, query.department()));
		model.addAttribute("csvUrl", ServletUriComponentsBuilder.fromRequest(request)
			.replacePath(request.getContextPath() + "/api/public/institutions.csv")
			.replaceQueryParam("page")
			.replaceQueryParam("lang")
			.build()
			.toUriString());
		return "directory/search";
	}

	/** Options of the page's selects as HTML, by select and language. */
	private final java.util.Map<String, String> optionsByLanguage = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * The region filter's options (province, then its cities and districts, indented), with the chosen one
	 * marked. 75 options with three expressions each were a large share of the page's rendering.
	 */
	private String regionOptions(Locale locale, String selected) {
		return marked(optionsByLanguage.computeIfAbsent("region." + locale.getLanguage(), key -> {
			StringBuilder html = new StringBuilder();
			for (var region : regions.catalogue()) {
				String indent = switch (region.getLevel()) {
					case PROVINCE -> "";
					case CITY -> "\u3000";
					case DISTRICT -> "\u3000\u3000";
				};
				option(html, region.getCode(), indent + region.name(locale));
			}
			return html.toString();
		}), selected);
	}

	/** A select's options for the values of an enum, labelled from the messages, with the chosen one marked. */
	private String options(Enum<?>[] values, String labelPrefix, Locale locale, Enum<?> selected) {
		return marked(optionsByLanguage.computeIfAbsent(labelPrefix + locale.getLanguage(), key -> {
			StringBuilder html = new StringBuilder();
			for (Enum<?> value : values) {
				option(html, value.name(), messages.getMessage(labelPrefix + value.name(), null, locale));
			}
			return html.toString();
		}), selected == null ? null : selected.name());
	}

	private static void option(StringBuilder html, String value, String label) {
		html.append("<option value=\"").append(value).append("\">")
			.append(org.springframework.web.util.HtmlUtils.htmlEscape(label, "UTF-8"))
			.append("</option>");
	}

	private static String marked(String options, String selected) {
		return selected == null ? options
				: options.replace("value=\"" + selected + "\">", "value=\"" + selected + "\" selected>");
	}

	@GetMapping("/institutions/{id}")
	String profile(@PathVariable long id, Locale locale, Model model) {
		model.addAttribute("profile",
				directory.profile(id, locale).orElseThrow(() -> new NotFoundException("Institution", id)));
		model.addAttribute("ratingBadges", ratingBadges);
		return "directory/profile";
	}

}
