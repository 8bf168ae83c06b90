package cn.meizhi.standard.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stores a small set of enum values as comma-separated names in one column.
 */
public final class EnumSetText {

	private EnumSetText() {
	}

	public static <E extends Enum<E>> String write(Collection<E> values) {
		return values == null ? "" : values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

	public static <E extends Enum<E>> Set<E> read(Class<E> type, String text) {
		Set<E> values = EnumSet.noneOf(type);
		if (text == null || text.isBlank()) {
			return values;
		}
		Arrays.stream(text.split(","))
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.map(s -> Enum.valueOf(type, s))
			.forEach(values::add);
		return values;
	}

}
