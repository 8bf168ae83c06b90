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
		return rendered.computeIfAbsent(new Key(status, stars, language(locale)),
				key -> render("directory/_status", "rating", key, Map.of("status", key.status(), "stars", starsOf(key))));
	}

	/** The stars alone ({@code fragments/stars :: stars}), for lists of ratings such as a profile's history. */
	public String stars(Integer stars, Locale locale) {
		return rendered.computeIfAbsent(new Key(null, stars, language(locale)),
				key -> render("fragments/stars", "stars", key, Map.of("count", starsOf(key))));
	}

	private String render(String template, String fragment, Key key, Map<String, Object> variables) {
		return templates.process(template, java.util.Set.of(fragment), new Context(key.language(), variables));
	}

	private static int starsOf(Key key) {
		return key.stars() == null ? 0 : key.stars();
	}

	private static Locale language(Locale locale) {
		return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
	}

	/** A status and stars; a null status stands for the stars alone. */
	private record Key(DirectoryStatus status, Integer stars, Locale language) {
	}

}
