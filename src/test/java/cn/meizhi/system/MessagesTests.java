package cn.meizhi.system;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every visible text comes from the message bundles, in both languages.
 */
class MessagesTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/**
	 * Text between tags that contains a letter (Latin or CJK): literal text that would
	 * not be translated.
	 */
	private static final Pattern LITERAL_TEXT = Pattern.compile(">([^<>]*[\\p{L}][^<>]*)<");

	/** Attributes that a person reads, written without th: (so not translated). */
	private static final Pattern LITERAL_ATTRIBUTE = Pattern
		.compile("\\s(placeholder|title|alt|aria-label)=\"([^\"]*[\\p{L}][^\"]*)\"");

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		Set<String> chinese = keys("messages.properties");
		Set<String> english = keys("messages_en.properties");
		assertThat(new TreeSet<>(english)).as("keys missing in English").containsAll(chinese);
		assertThat(new TreeSet<>(chinese)).as("keys missing in Chinese").containsAll(english);
	}

	@Test
	void templatesHoldNoLiteralText() throws IOException {
		List<String> literals = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				String html = Files.readString(file).replaceAll("(?s)<!--.*?-->", "");
				Matcher text = LITERAL_TEXT.matcher(html);
				while (text.find()) {
					literals.add(TEMPLATES.relativize(file) + ": " + text.group(1).strip());
				}
				Matcher attribute = LITERAL_ATTRIBUTE.matcher(html);
				while (attribute.find()) {
					literals.add(TEMPLATES.relativize(file) + ": " + attribute.group(0).strip());
				}
			}
		}
		assertThat(literals).isEmpty();
	}

	@Test
	void everyMessageKeyUsedInATemplateExists() throws IOException {
		Set<String> known = keys("messages.properties");
		Pattern key = Pattern.compile("#\\{([a-zA-Z][\\w.]*)(\\(|})");
		List<String> missing = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				Matcher matcher = key.matcher(Files.readString(file));
				while (matcher.find()) {
					if (!known.contains(matcher.group(1))) {
						missing.add(TEMPLATES.relativize(file) + ": " + matcher.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	/**
	 * A message without arguments is shown as written (no MessageFormat), so a doubled
	 * apostrophe would show doubled ("district''s"); with arguments it must be doubled.
	 */
	@Test
	void apostrophesAreDoubledOnlyInMessagesWithArguments() throws IOException {
		for (String bundle : List.of("messages.properties", "messages_en.properties")) {
			Properties messages = properties(bundle);
			List<String> doubledWithoutArguments = messages.stringPropertyNames()
				.stream()
				.filter(key -> messages.getProperty(key).contains("''")
						&& !messages.getProperty(key).matches("(?s).*\\{\\d.*"))
				.sorted()
				.toList();
			assertThat(doubledWithoutArguments).as(bundle).isEmpty();
		}
	}

	private static Set<String> keys(String bundle) throws IOException {
		return properties(bundle).stringPropertyNames();
	}

	private static Properties properties(String bundle) throws IOException {
		Properties properties = new Properties();
		try (var reader = new InputStreamReader(MessagesTests.class.getResourceAsStream("/" + bundle),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
