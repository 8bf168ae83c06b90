package cn.meizhi.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One field of an object that changed, for the audit trail.
 *
 * @param field a message-key suffix naming the field, e.g. {@code phone}
 * @param from the old value as text
 * @param to the new value as text
 */
public record FieldChange(String field, String from, String to) {

	/** Collects the fields whose values differ. */
	public static final class Diff {

		private final List<FieldChange> changes = new ArrayList<>();

		public Diff add(String field, Object from, Object to) {
			String a = text(from);
			String b = text(to);
			if (!Objects.equals(a, b)) {
				changes.add(new FieldChange(field, a, b));
			}
			return this;
		}

		public List<FieldChange> changes() {
			return List.copyOf(changes);
		}

		private static String text(Object value) {
			if (value == null) {
				return "";
			}
			if (value instanceof java.util.Collection<?> c) {
				return c.stream().map(String::valueOf).sorted().reduce((x, y) -> x + "," + y).orElse("");
			}
			return String.valueOf(value);
		}

	}

}
