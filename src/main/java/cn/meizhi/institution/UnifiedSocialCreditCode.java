package cn.meizhi.institution;

import java.util.Locale;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a
 * 31-character alphabet (digits and capital letters without I, O, Z, S and V). Characters
 * 3–8 are the region code of the registering authority; the 18th is a check character
 * computed from the first 17 with weights 3^i mod 31.
 */
public final class UnifiedSocialCreditCode {

	/** The alphabet, in order of value: 0–9 then A–Y without I, O, S, V, Z. */
	public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	public static final int LENGTH = 18;

	/** What is wrong with a code, if anything. */
	public enum Problem {

		/** Not 18 characters long. */
		LENGTH,
		/** A character outside the alphabet (e.g. I, O, S, V, Z or punctuation). */
		ALPHABET,
		/** Characters 3–8 are not a six-digit region code. */
		REGION,
		/** The 18th character does not match the first 17. */
		CHECK_CHARACTER

	}

	private UnifiedSocialCreditCode() {
	}

	/** Upper-cases and trims what a person typed. */
	public static String normalize(String code) {
		return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
	}

	/** The check character for the first 17 characters of a code. */
	public static char checkCharacter(String first17) {
		if (first17.length() != LENGTH - 1) {
			throw new IllegalArgumentException("Need 17 characters, got " + first17.length());
		}
		int sum = 0;
		for (int i = 0; i < LENGTH - 1; i++) {
			int value = ALPHABET.indexOf(first17.charAt(i));
			if (value < 0) {
				throw new IllegalArgumentException("Not in the alphabet: " + first17.charAt(i));
			}
			sum += value * WEIGHTS[i];
		}
		int check = (31 - sum % 31) % 31;
		return ALPHABET.charAt(check);
	}

	/**
	 * The first problem found in a code (already normalized), or {@code null} when it is
	 * valid.
	 */
	public static Problem problemOf(String code) {
		if (code == null || code.length() != LENGTH) {
			return Problem.LENGTH;
		}
		for (int i = 0; i < LENGTH; i++) {
			if (ALPHABET.indexOf(code.charAt(i)) < 0) {
				return Problem.ALPHABET;
			}
		}
		for (int i = 2; i < 8; i++) {
			if (!Character.isDigit(code.charAt(i))) {
				return Problem.REGION;
			}
		}
		if (checkCharacter(code.substring(0, LENGTH - 1)) != code.charAt(LENGTH - 1)) {
			return Problem.CHECK_CHARACTER;
		}
		return null;
	}

	public static boolean isValid(String code) {
		return problemOf(normalize(code)) == null;
	}

}
