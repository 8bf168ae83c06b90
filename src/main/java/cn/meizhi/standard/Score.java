package cn.meizhi.standard;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The score given to one indicator: a number, or "not applicable" (N/A).
 */
public record Score(BigDecimal value, boolean notApplicable) {

	public static final Score NOT_APPLICABLE = new Score(null, true);

	public Score {
		if (notApplicable == (value != null)) {
			throw new IllegalArgumentException("A score is either a value or N/A");
		}
	}

	public static Score of(BigDecimal value) {
		return new Score(Objects.requireNonNull(value), false);
	}

	public static Score of(String value) {
		return of(new BigDecimal(value));
	}

}
