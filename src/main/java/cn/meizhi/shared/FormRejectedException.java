package cn.meizhi.shared;

import java.util.ArrayList;
import java.util.List;

import org.springframework.validation.Errors;

/**
 * A service refused what a form asked for, for one or more reasons tied to fields. Each
 * reason is a message key with arguments, so the form can be shown again with messages in
 * the user's language.
 */
public class FormRejectedException extends RuntimeException {

	/** One reason: {@code field} is null when it concerns the form as a whole. */
	public record Reason(String field, String code, Object... arguments) {
	}

	private final transient List<Reason> reasons;

	public FormRejectedException(List<Reason> reasons) {
		super(reasons.stream().map(Reason::code).toList().toString());
		this.reasons = List.copyOf(reasons);
	}

	public static FormRejectedException of(String field, String code, Object... arguments) {
		return new FormRejectedException(List.of(new Reason(field, code, arguments)));
	}

	public List<Reason> reasons() {
		return reasons;
	}

	/** Copies the reasons into a form's errors. */
	public void rejectInto(Errors errors) {
		for (Reason reason : reasons) {
			if (reason.field() == null) {
				errors.reject(reason.code(), reason.arguments(), null);
			}
			else {
				errors.rejectValue(reason.field(), reason.code(), reason.arguments(), null);
			}
		}
	}

	/** Collects reasons while checking a form. */
	public static final class Collector {

		private final List<Reason> reasons = new ArrayList<>();

		public Collector reject(String field, String code, Object... arguments) {
			reasons.add(new Reason(field, code, arguments));
			return this;
		}

		public boolean isEmpty() {
			return reasons.isEmpty();
		}

		public List<Reason> reasons() {
			return List.copyOf(reasons);
		}

		public void throwIfAny() {
			if (!reasons.isEmpty()) {
				throw new FormRejectedException(reasons);
			}
		}

	}

}
