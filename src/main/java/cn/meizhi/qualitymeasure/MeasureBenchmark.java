package cn.meizhi.qualitymeasure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One measure in one period across a region (a district, city or province): every
 * institution's submitted value, their distribution (quartiles), each institution's
 * percentile rank and, for a rate, its place on the funnel plot; an institution is an
 * outlier when it lies beyond the 99.8 % limit (rates) or beyond 1.5 interquartile ranges
 * from the quartiles (counts and days) on the worse side.
 *
 * @param measure the measure
 * @param period the period
 * @param region the region-code prefix compared
 * @param distribution the quartiles of the values
 * @param overall a rate's overall value (all numerators over all denominators, in the
 * measure's unit); null for counts and days
 * @param entries each institution, lowest value first
 */
public record MeasureBenchmark(QualityMeasure measure, MeasurePeriod period, String region, Distribution distribution,
		Double overall, List<Entry> entries) {

	/** Where a value lies against its funnel limits or quartile fences. */
	public enum Position {

		WITHIN, HIGH_WARNING, HIGH_OUTLIER, LOW_WARNING, LOW_OUTLIER

	}

	/**
	 * The quartiles of the values; null when there are none.
	 *
	 * @param institutions how many values
	 */
	public record Distribution(int institutions, Double q1, Double median, Double q3) {

		public boolean hasValues() {
			return institutions > 0;
		}

	}

	/**
	 * One institution's value.
	 *
	 * @param percentileRank the share of institutions below it (ties half), 0–100
	 * @param lower95 a rate's lower 95 % limit at its number of cases (null otherwise)
	 * @param upper95 the upper 95 % limit
	 * @param lower998 the lower 99.8 % limit
	 * @param upper998 the upper 99.8 % limit
	 * @param position where it lies
	 * @param outlier whether it lies beyond the outer limit on the worse side
	 * @param plottedValue the value as the arithmetic and the funnel use it (NaN when
	 * none)
	 * @param cases the denominator as they use it (NaN when none)
	 */
	public record Entry(long institutionId, String name, String regionCode, BigDecimal numerator,
			BigDecimal denominator, BigDecimal value, Double percentileRank, Double lower95, Double upper95,
			Double lower998, Double upper998, Position position, boolean outlier, double plottedValue, double cases) {

		Entry withName(String name) {
			return new Entry(institutionId, name, regionCode, numerator, denominator, value, percentileRank, lower95,
					upper95, lower998, upper998, position, outlier, plottedValue, cases);
		}

		Entry withOutlier(boolean flagged) {
			return new Entry(institutionId, name, regionCode, numerator, denominator, value, percentileRank, lower95,
					upper95, lower998, upper998, position, flagged, plottedValue, cases);
		}

	}

	/** A row as read: who, and the numbers. */
	record Row(long institutionId, String name, String regionCode, BigDecimal numerator, BigDecimal denominator,
			BigDecimal value) {
	}

	static MeasureBenchmark of(QualityMeasure measure, MeasurePeriod period, String region, List<Row> rows) {
		Scored scored = score(measure.getUnit(), measure.getDirection(), rows);
		return new MeasureBenchmark(measure, period, region, scored.distribution(), scored.overall(), scored.entries());
	}

	/**
	 * A measure's rows scored: their distribution, a rate's overall value and proportion
	 * with the sums behind them, the values sorted, and each row's entry, lowest value
	 * first.
	 */
	record Scored(Distribution distribution, Double overall, Double proportion, double numeratorSum,
			double denominatorSum, List<Double> sortedValues, List<Entry> entries) {
	}

	/**
	 * The one rule that scores a measure's submitted values across a district or region:
	 * the quartiles of the values, a rate's overall proportion (every numerator over
	 * every denominator), each value's percentile rank, funnel limits and position, and
	 * whether it is an outlier. The district pages, the kept distributions and outlier
	 * flags ({@link MeasureDistrictStats}) all come from here.
	 */
	static Scored score(MeasureUnit unit, MeasureDirection direction, List<Row> rows) {
		// each kept decimal turned into a double once (a district has thousands of rows)
		double[] rowValues = new double[rows.size()];
		double[] rowCases = new double[rows.size()];
		for (int i = 0; i < rows.size(); i++) {
			Row r = rows.get(i);
			rowValues[i] = r.value() == null ? Double.NaN : BenchmarkMath.toDouble(r.value());
			rowCases[i] = r.denominator() == null ? Double.NaN : BenchmarkMath.toDouble(r.denominator());
		}
		List<Double> values = java.util.Arrays.stream(rowValues)
			.filter(v -> !Double.isNaN(v))
			.sorted()
			.boxed()
			.toList();
		Distribution distribution = values.isEmpty() ? new Distribution(0, null, null, null)
				: new Distribution(values.size(), BenchmarkMath.quantile(values, 0.25),
						BenchmarkMath.quantile(values, 0.5), BenchmarkMath.quantile(values, 0.75));
		double numerators = 0;
		double denominators = 0;
		for (int i = 0; i < rows.size(); i++) {
			if (!Double.isNaN(rowValues[i])) {
				numerators += BenchmarkMath.toDouble(rows.get(i).numerator());
				denominators += Double.isNaN(rowCases[i]) ? 0 : rowCases[i];
			}
		}
		Double overall = null;
		Double proportion = null;
		if (unit.isRate() && denominators > 0) {
			proportion = numerators / denominators;
			overall = proportion * scale(unit);
		}
		List<Entry> entries = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Double rank = Double.isNaN(rowValues[i]) ? null : BenchmarkMath.percentileRank(values, rowValues[i]);
			entries.add(entry(unit, direction, rows.get(i), rowValues[i], rowCases[i], rank, proportion, distribution));
		}
		entries.sort(Comparator.comparing(Entry::value, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(Entry::name)
			.thenComparingLong(Entry::institutionId));
		return new Scored(distribution, overall, proportion, numerators, denominators, values, List.copyOf(entries));
	}

	private static double scale(MeasureUnit unit) {
		return unit == MeasureUnit.RATE_PERCENT ? 100 : unit == MeasureUnit.PER_THOUSAND ? 1000 : 1;
	}

	static Entry entry(QualityMeasure measure, Row row, Double rank, Double proportion, Distribution distribution) {
		return entry(measure.getUnit(), measure.getDirection(), row,
				row.value() == null ? Double.NaN : BenchmarkMath.toDouble(row.value()),
				row.denominator() == null ? Double.NaN : BenchmarkMath.toDouble(row.denominator()), rank, proportion,
				distribution);
	}

	/**
	 * One institution's place: its funnel limits at its number of cases around the
	 * overall proportion (a rate; {@code proportion} 0–1, null otherwise), or the
	 * quartile fences (counts and days, from four values on), and whether it is an
	 * outlier.
	 */
	private static Entry entry(MeasureUnit unit, MeasureDirection direction, Row row, double value, double cases,
			Double rank, Double proportion, Distribution distribution) {
		double scale = scale(unit);
		Double lower95 = null;
		Double upper95 = null;
		Double lower998 = null;
		Double upper998 = null;
		Position position = Position.WITHIN;
		if (row.value() != null) {
			if (proportion != null && unit.isRate()) {
				lower95 = BenchmarkMath.funnelLimit(proportion, cases, -BenchmarkMath.Z95) * scale;
				upper95 = BenchmarkMath.funnelLimit(proportion, cases, BenchmarkMath.Z95) * scale;
				lower998 = BenchmarkMath.funnelLimit(proportion, cases, -BenchmarkMath.Z998) * scale;
				upper998 = BenchmarkMath.funnelLimit(proportion, cases, BenchmarkMath.Z998) * scale;
				position = value > upper998 ? Position.HIGH_OUTLIER
						: value > upper95 ? Position.HIGH_WARNING : value < lower998 ? Position.LOW_OUTLIER
								: value < lower95 ? Position.LOW_WARNING : Position.WITHIN;
			}
			else if (!unit.isRate() && distribution.institutions() >= 4) {
				double iqr = distribution.q3() - distribution.q1();
				position = value > distribution.q3() + 1.5 * iqr ? Position.HIGH_OUTLIER
						: value < distribution.q1() - 1.5 * iqr ? Position.LOW_OUTLIER : Position.WITHIN;
			}
		}
		boolean outlier = direction == MeasureDirection.LOWER_BETTER ? position == Position.HIGH_OUTLIER
				: position == Position.LOW_OUTLIER;
		return new Entry(row.institutionId(), row.name(), row.regionCode(), row.numerator(), row.denominator(),
				row.value(), rank, lower95, upper95, lower998, upper998, position, outlier, value, cases);
	}

	/**
	 * The same benchmark with the institutions' names that are known (the others keep
	 * theirs), in the same order.
	 */
	MeasureBenchmark withNames(java.util.Map<Long, String> names) {
		return new MeasureBenchmark(measure, period, region, distribution, overall,
				entries.stream()
					.map(e -> names.containsKey(e.institutionId()) ? e.withName(names.get(e.institutionId())) : e)
					.toList());
	}

	public List<Entry> outliers() {
		return entries.stream().filter(Entry::outlier).toList();
	}

	public java.util.Optional<Entry> entryOf(long institutionId) {
		return entries.stream().filter(e -> e.institutionId() == institutionId).findFirst();
	}

	/** A kept number as shown: two decimals at most; a dash for none. */
	public static String format(BigDecimal number) {
		return number == null ? "—"
				: number.setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	/** A percentile rank as shown: whole (halves to even); a dash for none. */
	public static String formatRank(Double rank) {
		return rank == null ? "—"
				: BigDecimal.valueOf(rank).setScale(0, java.math.RoundingMode.HALF_EVEN).toPlainString();
	}

	/** A number as shown: two decimals at most. */
	public static String format(Double number) {
		return number == null || number.isNaN() ? "—"
				: BigDecimal.valueOf(number)
					.setScale(2, java.math.RoundingMode.HALF_UP)
					.stripTrailingZeros()
					.toPlainString();
	}

	/** The funnel plot of a rate, in SVG coordinates; null for counts and days. */
	public FunnelPlot funnel() {
		return overall == null ? null : FunnelPlot.of(this);
	}

	/**
	 * A funnel plot drawn by the template: the institutions as dots (cases across, value
	 * up), the overall value and the 95 % and 99.8 % limits as lines, and axis ticks. The
	 * dots within the limits are one path (a district has thousands; each row of the
	 * table beside names them), the dots beyond a limit are each named.
	 *
	 * @param within the dots within the limits as SVG path data, one zero-length
	 * round-capped stroke per dot
	 * @param plotted how many institutions are plotted
	 * @param dots the institutions beyond a limit, each named
	 */
	public record FunnelPlot(int width, int height, String within, String warnings, int plotted, List<Dot> dots,
			String overall, String upper95, String lower95, String upper998, String lower998, List<Tick> xTicks,
			List<Tick> yTicks) {

		static final int WIDTH = 640;

		static final int HEIGHT = 320;

		static final int MARGIN = 48;

		/** An outlier's dot: beyond the outer limit on the worse side. */
		public record Dot(double x, double y, String label, boolean outlier) {
		}

		public record Tick(double at, String label) {
		}

		static FunnelPlot of(MeasureBenchmark b) {
			List<Entry> plotted = b.entries().stream().filter(e -> e.value() != null).toList();
			double maxCases = plotted.stream().mapToDouble(Entry::cases).max().orElse(1) * 1.05;
			double minCases = Math.max(1, plotted.stream().mapToDouble(Entry::cases).min().orElse(1) * 0.8);
			double scale = b.measure().getUnit() == MeasureUnit.RATE_PERCENT ? 100 : 1000;
			double proportion = b.overall() / scale;
			double minValue = plotted.stream().mapToDouble(Entry::plottedValue).min().orElse(0);
			double maxValue = plotted.stream().mapToDouble(Entry::plottedValue).max().orElse(0);
			// the value axis spans the dots and the outer limits at the fewest cases, not
			// 0-100
			double low = Math.min(minValue,
					BenchmarkMath.funnelLimit(proportion, minCases, -BenchmarkMath.Z998) * scale);
			double high = Math.max(maxValue,
					BenchmarkMath.funnelLimit(proportion, minCases, BenchmarkMath.Z998) * scale);
			double pad = Math.max((high - low) * 0.08, scale / 1000);
			double bottom = Math.max(0, low - pad);
			double top = Math.min(scale, high + pad);
			if (top <= bottom) {
				top = bottom + 1;
			}
			double plotWidth = WIDTH - 2 * MARGIN;
			double plotHeight = HEIGHT - 2 * MARGIN;
			double finalTop = top;
			java.util.function.DoubleUnaryOperator x = cases -> MARGIN + cases / maxCases * plotWidth;
			java.util.function.DoubleUnaryOperator y = value -> HEIGHT - MARGIN
					- (Math.max(bottom, Math.min(value, finalTop)) - bottom) / (finalTop - bottom) * plotHeight;
			List<Dot> dots = new ArrayList<>();
			StringBuilder within = new StringBuilder();
			StringBuilder warnings = new StringBuilder();
			for (Entry e : plotted) {
				double dotX = x.applyAsDouble(e.cases());
				double dotY = y.applyAsDouble(e.plottedValue());
				if (e.position() == Position.WITHIN || !e.outlier()) {
					// whole pixels: a dot is eight wide, and a district draws up to 3,000
					(e.position() == Position.WITHIN ? within : warnings).append('M')
						.append(Math.round(dotX))
						.append(' ')
						.append(Math.round(dotY))
						.append("h0");
				}
				else {
					dotX = round(dotX);
					dotY = round(dotY);
					dots.add(new Dot(dotX, dotY,
							e.name() + ": " + format(e.plottedValue()) + " (" + e.denominator().toPlainString() + ")",
							e.outlier()));
				}
			}
			return new FunnelPlot(WIDTH, HEIGHT, within.toString(), warnings.toString(), plotted.size(), dots,
					line(x, y, minCases, maxCases, n -> b.overall()),
					line(x, y, minCases, maxCases,
							n -> BenchmarkMath.funnelLimit(proportion, n, BenchmarkMath.Z95) * scale),
					line(x, y, minCases, maxCases,
							n -> BenchmarkMath.funnelLimit(proportion, n, -BenchmarkMath.Z95) * scale),
					line(x, y, minCases, maxCases,
							n -> BenchmarkMath.funnelLimit(proportion, n, BenchmarkMath.Z998) * scale),
					line(x, y, minCases, maxCases,
							n -> BenchmarkMath.funnelLimit(proportion, n, -BenchmarkMath.Z998) * scale),
					ticks(0, maxCases, x), ticks(bottom, top, y));
		}

		/**
		 * A limit as the points of an SVG polyline, sampled evenly on a log scale of
		 * cases.
		 */
		private static String line(java.util.function.DoubleUnaryOperator x, java.util.function.DoubleUnaryOperator y,
				double from, double to, java.util.function.DoubleUnaryOperator value) {
			StringBuilder points = new StringBuilder();
			int steps = 48;
			for (int i = 0; i <= steps; i++) {
				double cases = from * Math.pow(to / from, (double) i / steps);
				points.append(round(x.applyAsDouble(cases)))
					.append(',')
					.append(round(y.applyAsDouble(value.applyAsDouble(cases))))
					.append(' ');
			}
			return points.toString().strip();
		}

		private static List<Tick> ticks(double min, double max, java.util.function.DoubleUnaryOperator at) {
			double step = niceStep((max - min) / 4);
			List<Tick> ticks = new ArrayList<>();
			for (double v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) {
				ticks.add(new Tick(round(at.applyAsDouble(v)), format(v)));
			}
			return ticks;
		}

		private static double niceStep(double rough) {
			double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
			double fraction = rough / magnitude;
			return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
		}

		private static double round(double value) {
			return Math.round(value * 10) / 10.0;
		}

	}

}
