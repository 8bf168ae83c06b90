package cn.meizhi.rating;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.meizhi.standard.RatingOutcome.SectionOutcome;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * The written form of a rating's section results ({@code rating.sections}): one
 * {@code code:weight:earned:possible:percent} per section, joined by {@code ;}, the
 * percentage empty when the section does not count. Section codes are letters, digits,
 * dots and dashes, so neither separator can occur in them.
 */
public final class RatingSections {

	private RatingSections() {
	}

	public static String encode(List<SectionOutcome> sections) {
		if (sections == null) {
			return null;
		}
		StringBuilder text = new StringBuilder();
		for (SectionOutcome section : sections) {
			if (!text.isEmpty()) {
				text.append(';');
			}
			text.append(section.code())
				.append(':')
				.append(plain(section.weight()))
				.append(':')
				.append(plain(section.earned()))
				.append(':')
				.append(plain(section.possible()))
				.append(':')
				.append(plain(section.percent()));
		}
		return text.toString();
	}

	public static List<SectionOutcome> decode(String text) {
		if (text == null) {
			return null;
		}
		List<SectionOutcome> sections = new ArrayList<>();
		for (String section : text.isEmpty() ? new String[0] : text.split(";")) {
			String[] parts = section.split(":", -1);
			if (parts.length != 5) {
				throw new IllegalArgumentException("Not a section result: " + section);
			}
			sections.add(new SectionOutcome(parts[0], number(parts[1]), number(parts[2]), number(parts[3]),
					number(parts[4])));
		}
		return List.copyOf(sections);
	}

	private static String plain(BigDecimal value) {
		return value == null ? "" : value.toPlainString();
	}

	private static BigDecimal number(String text) {
		return text.isEmpty() ? null : new BigDecimal(text);
	}

	/** Maps {@link Rating#getSections()} to its column. */
	@Converter
	static class Column implements AttributeConverter<List<SectionOutcome>, String> {

		@Override
		public String convertToDatabaseColumn(List<SectionOutcome> sections) {
			return encode(sections);
		}

		@Override
		public List<SectionOutcome> convertToEntityAttribute(String text) {
			return decode(text);
		}

	}

}
