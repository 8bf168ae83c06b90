package cn.meizhi.rating.internal;

import java.time.Duration;
import java.util.Locale;

import cn.meizhi.rating.RatingObjections;
import cn.meizhi.region.Regions;
import cn.meizhi.shared.FormRejectedException;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.extern.slf4j.Slf4j;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public notice (公示) of approved ratings: the list, one rating's notice, and the
 * public's objection to it. An objection needs no account; one client address may file a
 * few an hour (a Bucket4j bucket in PostgreSQL shared by every node, as for complaints),
 * and a field only robots fill refuses the rest.
 */
@Slf4j
@Controller
class NoticeController {

	private final RatingObjections notices;

	private final Regions regions;

	private final ProxyManager<String> buckets;

	private final BucketConfiguration perHour;

	NoticeController(RatingObjections notices, Regions regions, ProxyManager<String> buckets,
			@Value("${meizhi.notices.objections-per-hour:5}") int objectionsPerHour) {
		this.notices = notices;
		this.regions = regions;
		this.buckets = buckets;
		int count = Math.max(1, objectionsPerHour);
		this.perHour = BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(count).refillGreedy(count, Duration.ofHours(1)))
			.build();
	}

	@GetMapping("/notices")
	String list(@RequestParam(required = false) String region, Model model) {
		String prefix = region == null || !region.matches("\\d{6}") ? null : region.endsWith("0000")
				? region.substring(0, 2) : region.endsWith("00") ? region.substring(0, 4) : region;
		model.addAttribute("notices", notices.current(prefix));
		model.addAttribute("region", prefix == null ? null : region);
		return "rating/notices";
	}

	@GetMapping("/notices/{id}")
	String show(@PathVariable long id, Locale locale, Model model, HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		return page(id, locale, model);
	}

	@PostMapping("/notices/{id}/objections")
	String object(@PathVariable long id, @RequestParam(defaultValue = "") String grounds,
			@RequestParam(defaultValue = "") String contact,
			@RequestParam(name = "website", defaultValue = "") String honeypot, Locale locale, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			if (!honeypot.isEmpty()) {
				throw FormRejectedException.of(null, "objection.refused");
			}
			notices.publicNotice(id);
			if (!take(request.getRemoteAddr())) {
				response.setStatus(429);
				throw FormRejectedException.of(null, "objection.tooMany");
			}
			String reference = notices.file(id, grounds, contact);
			redirect.addFlashAttribute("message", "objection.filed");
			redirect.addFlashAttribute("messageArgs", new Object[] { reference });
			return "redirect:/notices/" + id;
		}
		catch (FormRejectedException ex) {
			if (response.getStatus() < 400) {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			}
			model.addAttribute("problems", ex.reasons());
			model.addAttribute("typedGrounds", grounds);
			model.addAttribute("typedContact", contact);
			return page(id, locale, model);
		}
	}

	private String page(long id, Locale locale, Model model) {
		var notice = notices.publicNotice(id);
		model.addAttribute("notice", notice);
		model.addAttribute("regionPath", regions.path(notice.regionCode(), locale));
		return "rating/notice";
	}

	private boolean take(String address) {
		try {
			return buckets.builder().build("no:" + address, () -> perHour).tryConsume(1);
		}
		catch (RuntimeException ex) {
			log.warn("Objection limit not checked (the database did not answer): {}", ex.getMessage());
			return true;
		}
	}

}
