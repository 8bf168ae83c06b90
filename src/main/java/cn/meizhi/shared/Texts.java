package cn.meizhi.shared;

/**
 * Checks of free text that people type, so that over-long input gets a message instead of
 * a database error.
 */
public final class Texts {

	private Texts() {
	}

	/** Refuses text longer than {@code max} characters, naming the form field. */
	public static void requireMax(String text, int max, String field) {
		if (text != null && text.strip().length() > max) {
			throw FormRejectedException.of(field, "standard.text.tooLong", max);
		}
	}

	/**
	 * The LIKE pattern that finds {@code q} anywhere in a column holding text lower-cased
	 * with a space after every character (see the {@code name_search} and
	 * {@code search_text} columns), with LIKE's wildcards in {@code q} taken literally
	 * (escape character {@code \\}).
	 */
	public static String spacedLikePattern(String q) {
		StringBuilder pattern = new StringBuilder("%");
		q.toLowerCase(java.util.Locale.ROOT).codePoints().forEach(c -> {
			String ch = new String(Character.toChars(c));
			pattern.append(ch.equals("%") || ch.equals("_") || ch.equals("\\") ? "\\" + ch : ch).append(' ');
		});
		return pattern.append('%').toString();
	}

	/**
	 * What the database's {@code name_grams(lower(name))} must contain for a name to hold
	 * {@code q}: the distinct pairs of adjacent characters of {@code q} lower-cased (its
	 * one character when it has only one).
	 */
	public static String[] nameGrams(String q) {
		int[] chars = q.toLowerCase(java.util.Locale.ROOT).codePoints().toArray();
		java.util.Set<String> grams = new java.util.LinkedHashSet<>();
		for (int i = 0; i + 1 < chars.length; i++) {
			grams.add(new String(chars, i, 2));
		}
		if (chars.length == 1) {
			grams.add(new String(chars, 0, 1));
		}
		return grams.toArray(String[]::new);
	}

}
