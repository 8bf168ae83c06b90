package cn.meizhi.qualitymeasure;

import java.math.BigDecimal;
import java.util.List;

/**
 * The arithmetic of a measure's benchmark: quantiles by linear interpolation between the
 * sorted values (PostgreSQL's {@code percentile_cont}), an institution's percentile rank
 * (the share of institutions below it, counting ties as half), and the control limits of
 * a funnel plot for a rate: the overall proportion ± z standard errors of a proportion
 * over the institution's own number of cases, so that small institutions get wider limits
 * and are not flagged by chance.
 */
public final class BenchmarkMath {

	/** Two-sided 95 % limits. */
	public static final double Z95 = 1.959964;

	/** Two-sided 99.8 % limits: beyond them, an institution is an outlier. */
	public static final double Z998 = 3.090232;

	/** Powers of ten a double holds exactly. */
	private static final double[] POWERS_OF_TEN = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
			1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };

	private BenchmarkMath() {
	}

	/**
	 * A decimal as the nearest double, the same as {@link BigDecimal#doubleValue()}. A
	 * measure's numbers (at most fifteen digits, three or four decimals) are their digits
	 * divided by a power of ten, both exact as doubles, so one division rounds correctly;
	 * Java 17's {@code doubleValue} goes through the decimal's text and back, and a
	 * district page converts some twenty thousand numbers.
	 */
	public static double toDouble(BigDecimal decimal) {
		int scale = decimal.scale();
		if (scale >= 0 && scale < POWERS_OF_TEN.length && decimal.precision() <= 15) {
			return decimal.scaleByPowerOfTen(scale).longValue() / POWERS_OF_TEN[scale];
		}
		return decimal.doubleValue();
	}

	/** The p-quantile (0 ≤ p ≤ 1) of values sorted ascending; NaN when there are none. */
	public static double quantile(List<Double> sorted, double p) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		double position = p * (sorted.size() - 1);
		int below = (int) Math.floor(position);
		int above = (int) Math.ceil(position);
		return sorted.get(below) + (sorted.get(above) - sorted.get(below)) * (position - below);
	}

	/**
	 * The percentile rank (0–100) of a value among values sorted ascending: those below
	 * it and half of those equal to it (two binary searches, so a district's thousands of
	 * institutions are ranked without comparing each with every other).
	 */
	public static double percentileRank(List<Double> sorted, double value) {
		return percentileRank(firstIndex(sorted, value, false), firstIndex(sorted, value, true), sorted.size());
	}

	/**
	 * The percentile rank (0–100) of a value from how many of {@code count} values lie
	 * below it and how many are not above it.
	 */
	public static double percentileRank(int below, int notAbove, int count) {
		return 100.0 * (below + 0.5 * (notAbove - below)) / count;
	}

	/** The first index whose value is at least (or, {@code after}, above) the value. */
	private static int firstIndex(List<Double> sorted, double value, boolean after) {
		int low = 0;
		int high = sorted.size();
		while (low < high) {
			int middle = (low + high) >>> 1;
			double v = sorted.get(middle);
			if (after ? v <= value : v < value) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

	/**
	 * The control limit of a funnel plot for {@code cases} cases around the overall
	 * proportion {@code overall} (0–1), {@code z} standard errors above (positive) or
	 * below (negative), kept within 0–1.
	 */
	public static double funnelLimit(double overall, double cases, double z) {
		double limit = overall + z * Math.sqrt(overall * (1 - overall) / cases);
		return Math.max(0, Math.min(1, limit));
	}

}
