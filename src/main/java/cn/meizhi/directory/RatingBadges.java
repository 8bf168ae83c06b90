package cn.meizhi.directory;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * The rating block of a directory entry (stars of a valid certificate, or the status in words with what it
 * means) as HTML. It depends on nothing but the status, the stars and the language, so the fragment
 * {@code directory/_status :: rating} is rendered once per combination (a few dozen) and reused: a result
 * page shows twenty of them, and inserting the fragment with its nested stars was a third of the page's
 * rendering. The directory page's result cards ({@link ResultCard}) take it from here.
 */
@Component
public class RatingBadges {

	private final ITemplateEngine templates;

	private final Map<Key, String> rendered = new ConcurrentHashMap<>();

	RatingBadges(ITemplateEngine templates) {
		this.templates = templates;
	}

	/** The block for a status and stars in the reader's language (English or Chinese). */
	public String html(DirectoryStatus status, Integer stars, Locale locale) {
		Locale language = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
		return rendered.computeIfAbsent(new Key(status, stars, language), key -> templates.process(
				"directory/_status", java.util.Set.of("rating"),
				new Context(key.language(), Map.of("status", key.status(), "stars", key.stars() == null ? 0 : key.stars()))));
	}

	/** The stars alone ({@code fragments/stars :: stars}), for lists of ratings such as a profile's history. */
	public String stars(Integer stars, Locale locale) {
		Locale language = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
		return rendered.computeIfAbsent(new Key(null, stars, language), key -> templates.process("fragments/stars",
				java.util.Set.of("stars"), new Context(key.language(), Map.of("count", key.stars() == null ? 0 : key.stars()))));
	}

	/** A status and stars; a null status stands for the stars alone. */
	private record Key(DirectoryStatus status, Integer stars, Locale language) {
	}

}
