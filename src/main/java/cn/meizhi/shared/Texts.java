package cn.meizhi.shared;

/**
 * Checks of free text that people type, so that over-long input gets a message instead of a database
 * error.
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

}
