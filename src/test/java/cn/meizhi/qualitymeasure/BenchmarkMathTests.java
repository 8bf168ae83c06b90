package cn.meizhi.qualitymeasure;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Quartiles, percentile ranks and funnel limits against values worked by hand, and a
 * funnel plot that flags a large institution but not a small one at the same rate.
 */
class BenchmarkMathTests {

	@Test
	void quartilesInterpolateBetweenTheSortedValues() {
		List<Double> values = List.of(1.0, 2.0, 3.0, 4.0);
		// positions 0.75, 1.5 and 2.25 of 0..3
		assertThat(BenchmarkMath.quantile(values, 0.25)).isEqualTo(1.75);
		assertThat(BenchmarkMath.quantile(values, 0.5)).isEqualTo(2.5);
		assertThat(BenchmarkMath.quantile(values, 0.75)).isEqualTo(3.25);
		assertThat(BenchmarkMath.quantile(List.of(7.0), 0.25)).isEqualTo(7.0);
		assertThat(BenchmarkMath.quantile(List.of(), 0.5)).isNaN();
	}

	@Test
	void aKeptNumberBecomesTheSameDoubleAsJavaWouldGiveIt() {
		java.util.Random random = new java.util.Random(20261207);
		for (int i = 0; i < 100_000; i++) {
			// numerators and cases as kept (three decimals), values (four), and wider
			// ones
			BigDecimal kept = BigDecimal.valueOf(random.nextLong(100_000_000_000L), 3 + random.nextInt(2));
			assertThat(BenchmarkMath.toDouble(kept)).isEqualTo(kept.doubleValue());
			assertThat(BenchmarkMath.toDouble(kept.negate())).isEqualTo(kept.negate().doubleValue());
		}
		for (String number : List.of("0", "0.0000", "12.5", "1E+3", "123456789012345.678",
				"0.1234567890123456789012345", "99999999999999.999", "2.6005")) {
			assertThat(BenchmarkMath.toDouble(new BigDecimal(number))).as(number)
				.isEqualTo(new BigDecimal(number).doubleValue());
		}
	}

	@Test
	void aPercentileRankCountsTiesAsHalf() {
		List<Double> values = List.of(1.0, 2.0, 2.0, 3.0);
		// one below, two equal: (1 + 1) / 4
		assertThat(BenchmarkMath.percentileRank(values, 2.0)).isEqualTo(50.0);
		assertThat(BenchmarkMath.percentileRank(values, 1.0)).isEqualTo(12.5);
		assertThat(BenchmarkMath.percentileRank(values, 3.0)).isEqualTo(87.5);
		// the same from counts: one below 2.0 and three not above it, of four
		assertThat(BenchmarkMath.percentileRank(1, 3, 4)).isEqualTo(50.0);
	}

	@Test
	void funnelLimitsWidenForFewCasesAndStayWithinZeroAndOne() {
		// 10 % over 100 cases: standard error sqrt(0.1 × 0.9 / 100) = 0.03
		assertThat(BenchmarkMath.funnelLimit(0.1, 100, BenchmarkMath.Z95)).isCloseTo(0.158799, within(1e-6));
		assertThat(BenchmarkMath.funnelLimit(0.1, 100, BenchmarkMath.Z998)).isCloseTo(0.192707, within(1e-6));
		assertThat(BenchmarkMath.funnelLimit(0.1, 100, -BenchmarkMath.Z998)).isCloseTo(0.007293, within(1e-6));
		assertThat(BenchmarkMath.funnelLimit(0.1, 10, BenchmarkMath.Z998))
			.isGreaterThan(BenchmarkMath.funnelLimit(0.1, 100, BenchmarkMath.Z998));
		assertThat(BenchmarkMath.funnelLimit(0.01, 4, -BenchmarkMath.Z998)).isZero();
		assertThat(BenchmarkMath.funnelLimit(0.9, 2, BenchmarkMath.Z998)).isEqualTo(1.0);
	}

	@Test
	void theFunnelFlagsTheLargeInstitutionButNotTheSmallOneAtASimilarRate() {
		QualityMeasure rate = measure("RATE_PERCENT", "LOWER_BETTER");
		// overall 50 / 400 = 12.5 %; at 100 cases the 99.8 % limit is
		// 12.5 + 3.090232 × sqrt(0.125 × 0.875 / 100) × 100 = 22.72 %
		MeasureBenchmark b = MeasureBenchmark.of(rate, MeasurePeriod.parse("2026-Q3").orElseThrow(), "3301",
				List.of(row(1, 5, 100), row(2, 10, 100), row(3, 27, 100), row(4, 3, 10), row(5, 5, 90)));
		assertThat(b.overall()).isCloseTo(12.5, within(1e-9));
		var large = b.entryOf(3).orElseThrow();
		assertThat(large.upper998()).isCloseTo(22.72, within(0.01));
		assertThat(large.position()).isEqualTo(MeasureBenchmark.Position.HIGH_OUTLIER);
		assertThat(large.outlier()).isTrue();
		// 30 % over 10 cases: the limit there is 44.82 %
		var small = b.entryOf(4).orElseThrow();
		assertThat(small.upper998()).isCloseTo(44.82, within(0.01));
		assertThat(small.position()).isEqualTo(MeasureBenchmark.Position.WITHIN);
		assertThat(b.outliers()).extracting(MeasureBenchmark.Entry::institutionId).containsExactly(3L);
		// values 5, 5.5556, 10, 27, 30: median 10; 27 has three below of five
		assertThat(b.distribution().median()).isEqualTo(10.0);
		assertThat(large.percentileRank()).isEqualTo(70.0);
		// every institution is plotted: two within the limits, 5 % of 100 and 5.56 % of
		// 90
		// below their 95 % limits (6.02 % and 5.67 %) as warnings, and the outlier named
		assertThat(b.funnel().plotted()).isEqualTo(5);
		assertThat(b.entryOf(1).orElseThrow().position()).isEqualTo(MeasureBenchmark.Position.LOW_WARNING);
		assertThat(b.entryOf(5).orElseThrow().position()).isEqualTo(MeasureBenchmark.Position.LOW_WARNING);
		assertThat(b.funnel().warnings().split("h0")).hasSize(2);
		assertThat(b.funnel().dots()).singleElement().satisfies(dot -> {
			assertThat(dot.outlier()).isTrue();
			assertThat(dot.label()).contains("27");
		});
		assertThat(b.funnel().within().split("h0")).hasSize(2);
		// each dot a zero-length stroke at whole pixels
		assertThat(b.funnel().within()).matches("(M\\d+ \\d+h0){2}");
		assertThat(b.funnel().warnings()).matches("(M\\d+ \\d+h0){2}");
		// low is good here: a low value is never an outlier of a lower-is-better measure
		MeasureBenchmark higherBetter = MeasureBenchmark.of(measure("RATE_PERCENT", "HIGHER_BETTER"),
				MeasurePeriod.parse("2026-Q3").orElseThrow(), "3301",
				List.of(row(1, 95, 100), row(2, 96, 100), row(3, 60, 100), row(4, 97, 100)));
		assertThat(higherBetter.outliers()).extracting(MeasureBenchmark.Entry::institutionId).containsExactly(3L);
	}

	@Test
	void countsAreJudgedByTheInterquartileRange() {
		QualityMeasure count = measure("COUNT", "LOWER_BETTER");
		// 1, 2, 2, 3, 20: quartiles 2 and 3, fence 3 + 1.5 × 1 = 4.5
		MeasureBenchmark b = MeasureBenchmark.of(count, MeasurePeriod.parse("2026-Q3").orElseThrow(), "3301",
				List.of(row(1, 1, null), row(2, 2, null), row(3, 2, null), row(4, 3, null), row(5, 20, null)));
		assertThat(b.overall()).isNull();
		assertThat(b.funnel()).isNull();
		assertThat(b.outliers()).extracting(MeasureBenchmark.Entry::institutionId).containsExactly(5L);
	}

	private static MeasureBenchmark.Row row(long id, int numerator, Integer denominator) {
		BigDecimal value = denominator == null ? BigDecimal.valueOf(numerator)
				: BigDecimal.valueOf(numerator * 100.0 / denominator);
		return new MeasureBenchmark.Row(id, "机构" + id, "330102", BigDecimal.valueOf(numerator),
				denominator == null ? null : BigDecimal.valueOf(denominator), value);
	}

	private static QualityMeasure measure(String unit, String direction) {
		String json = """
				{"label": "x", "measures": [{"code": "M", "name": "m", "nameEn": "m", "definition": "d",
				 "numerator": "n", "denominator": %s, "unit": "%s", "direction": "%s",
				 "institutionTypes": ["AESTHETIC_CLINIC"], "period": "QUARTERLY", "disclosed": true}]}
				""".formatted(unit.equals("COUNT") ? "null" : "\"d\"", unit, direction);
		MeasureSetJson set = JsonMapper.builder()
			.disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.build()
			.readValue(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), MeasureSetJson.class);
		return new QualityMeasure(1, 1, set.measures().get(0));
	}

}
