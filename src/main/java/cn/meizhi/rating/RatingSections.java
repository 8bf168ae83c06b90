package cn.meizhi.rating;

import java.util.List;

import cn.meizhi.standard.RatingOutcome.SectionOutcome;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored form of a rating's section results ({@code rating.sections}, {@code jsonb}):
 * an array of {@code {"code", "weight", "earned", "possible", "percent"}} objects, the
 * percentage null when the section does not count. The entity maps the column through
 * Hibernate's JSON type; this reads and writes the same form where rows are read or
 * written in bulk with SQL.
 */
public final class RatingSections {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<SectionOutcome>> SECTIONS = new TypeReference<>() {
	};

	private RatingSections() {
	}

	public static String encode(List<SectionOutcome> sections) {
		return sections == null ? null : JSON.writeValueAsString(sections);
	}

	public static List<SectionOutcome> decode(String json) {
		if (json == null) {
			return null;
		}
		try {
			return List.copyOf(JSON.readValue(json, SECTIONS));
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Not a list of section results: " + json, ex);
		}
	}

}
