package cn.meizhi.shared;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;

/**
 * Input that holds characters the portal cannot keep: NUL (PostgreSQL text cannot store
 * it), the other control characters except tab and line breaks (they break the XML of
 * badges and the CSV of exports), and halves of surrogate pairs (they are not Unicode).
 * Raised before any controller runs, so nothing is saved; the answer is a 400 that names
 * the fields and shows what was typed.
 *
 * @param fields each offending field with the text typed into it
 */
public class UnstorableInputException extends RuntimeException {

	private final transient List<Field> fields;

	public UnstorableInputException(List<Field> fields) {
		super("Unstorable characters in " + fields.stream().map(Field::name).toList());
		this.fields = List.copyOf(fields);
	}

	public List<Field> fields() {
		return fields;
	}

	/**
	 * @param name the request parameter
	 * @param typed what was typed, each unstorable character shown as a visible sign (␀
	 * for NUL)
	 */
	public record Field(String name, String typed) {
	}

	/**
	 * What happened, in the reader's language, naming the fields by their labels
	 * ({@code input.field.<name>}, else the audit trail's {@code audit.field.<name>},
	 * else the parameter).
	 */
	public String describe(MessageSource messages, Locale locale) {
		String names = fields.stream()
			.map(field -> label(field.name(), messages, locale))
			.distinct()
			.collect(Collectors.joining(messages.getMessage("input.unstorable.separator", null, "、", locale)));
		return messages.getMessage("input.unstorable", new Object[] { names }, locale);
	}

	/**
	 * A parameter's label: {@code answers[12].comment} is labelled as {@code comment}.
	 */
	public static String label(String parameter, MessageSource messages, Locale locale) {
		String key = parameter.substring(parameter.lastIndexOf('.') + 1).replaceAll("\\[.*?\\]", "");
		String label = messages.getMessage("input.field." + key, null, null, locale);
		if (label == null) {
			label = messages.getMessage("audit.field." + key, null, null, locale);
		}
		return label == null ? parameter : label;
	}

	/** Whether this text holds a character that cannot be kept. */
	public static boolean unstorable(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (unstorable(text, i)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The text with every character that cannot be kept replaced by its visible sign
	 * (U+2400 block, or U+FFFD).
	 */
	public static String shown(String text) {
		StringBuilder shown = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!unstorable(text, i)) {
				shown.append(c);
			}
			else {
				shown.append(c < 0x20 ? (char) (0x2400 + c) : '\uFFFD');
			}
		}
		return shown.toString();
	}

	private static boolean unstorable(String text, int i) {
		char c = text.charAt(i);
		if (c < 0x20) {
			return c != '\t' && c != '\n' && c != '\r';
		}
		if (Character.isHighSurrogate(c)) {
			return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
		}
		if (Character.isLowSurrogate(c)) {
			return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
		}
		return false;
	}

}
