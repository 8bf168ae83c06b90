package cn.meizhi.qualitymeasure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.meizhi.qualitymeasure.internal.QualityMeasureRepository;
import cn.meizhi.shared.Jurisdiction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the public sees of the quality measures (质控指标公开): the published measures of the
 * set in force, from submitted reports only, on an institution's profile (its latest
 * quarter, trend and district median), on {@code /quality-measures} (a region's
 * institutions compared on one measure) and in the open data. One rule decides every
 * public number, whichever face asks ({@link #suppressed}): a rate over fewer than
 * {@value #MINIMUM_CASES} cases is shown as "too few cases", and a median over fewer than
 * {@value #MINIMUM_INSTITUTIONS} institutions is not shown.
 */
@Service
@Transactional(readOnly = true)
public class PublicQualityMeasures {

	/**
	 * A rate over fewer cases is not shown: too few to mean anything, and too revealing.
	 */
	public static final int MINIMUM_CASES = 20;

	/** A median over fewer institutions is not shown. */
	public static final int MINIMUM_INSTITUTIONS = 3;

	private final MeasureSets sets;

	private final QualityMeasureRepository measures;

	private final MeasureBenchmarks benchmarks;

	private final JdbcClient jdbc;

	PublicQualityMeasures(MeasureSets sets, QualityMeasureRepository measures, MeasureBenchmarks benchmarks,
			JdbcClient jdbc) {
		this.sets = sets;
		this.measures = measures;
		this.benchmarks = benchmarks;
		this.jdbc = jdbc;
	}

	/**
	 * The rule: whether a value is withheld from the public (a rate over too few cases).
	 */
	public static boolean suppressed(QualityMeasure measure, BigDecimal denominator) {
		return measure.getUnit().isRate()
				&& (denominator == null || denominator.compareTo(BigDecimal.valueOf(MINIMUM_CASES)) < 0);
	}

	/** A public value: the value, or withheld, or none (a rate over no cases). */
	public record PublicValue(BigDecimal numerator, BigDecimal denominator, BigDecimal value, boolean suppressed) {

		static PublicValue of(QualityMeasure measure, MeasureBenchmark.Row row) {
			boolean withheld = PublicQualityMeasures.suppressed(measure, row.denominator());
			return new PublicValue(withheld ? null : row.numerator(), withheld ? null : row.denominator(),
					withheld ? null : row.value(), withheld);
		}

	}

	/** One measure on an institution's profile. */
	public record ProfileLine(QualityMeasure measure, PublicValue latest, Double districtMedian,
			int districtInstitutions, List<TrendValue> trend) {
	}

	public record TrendValue(MeasurePeriod period, PublicValue value) {
	}

	/** An institution's published measures of its latest submitted quarter. */
	public record ProfileMeasures(MeasurePeriod period, String regionCode, List<ProfileLine> lines) {
	}

	/**
	 * The institution's published measures, if it submitted a quarter under the set in
	 * force.
	 */
	public Optional<ProfileMeasures> ofInstitution(long institutionId, String regionCode) {
		Optional<MeasureSet> set = sets.published();
		if (set.isEmpty()) {
			return Optional.empty();
		}
		Optional<MeasurePeriod> latest = jdbc
			.sql("select period from measure_report where institution_id = :id and set_id = :set "
					+ "and status = 'SUBMITTED' and period like '%-Q%' order by period desc limit 1")
			.param("id", institutionId)
			.param("set", set.get().getId())
			.query(String.class)
			.optional()
			.flatMap(MeasurePeriod::parse);
		if (latest.isEmpty()) {
			return Optional.empty();
		}
		List<QualityMeasure> disclosed = measures.findBySetIdOrderByPosition(set.get().getId())
			.stream()
			.filter(m -> m.isDisclosed() && m.getPeriod() == ReportingPeriod.QUARTERLY)
			.toList();
		List<MeasurePeriod> periods = benchmarks.trendPeriods(set.get(), latest.get());
		periods = periods.subList(Math.max(0, periods.size() - 4), periods.size());
		var own = benchmarks.rows(set.get().getId(), periods, regionCode, ids(disclosed));
		List<ProfileLine> lines = new ArrayList<>();
		for (QualityMeasure m : disclosed) {
			List<MeasureBenchmark.Row> district = own.getOrDefault(latest.get().key(), Map.of())
				.getOrDefault(m.getId(), List.of());
			Optional<MeasureBenchmark.Row> mine = district.stream()
				.filter(r -> r.institutionId() == institutionId)
				.findFirst();
			if (mine.isEmpty()) {
				continue;
			}
			MeasureBenchmark b = MeasureBenchmark.of(m, latest.get(), regionCode, district);
			List<TrendValue> trend = new ArrayList<>();
			for (MeasurePeriod p : periods) {
				own.getOrDefault(p.key(), Map.of())
					.getOrDefault(m.getId(), List.of())
					.stream()
					.filter(r -> r.institutionId() == institutionId)
					.findFirst()
					.ifPresent(r -> trend.add(new TrendValue(p, PublicValue.of(m, r))));
			}
			lines.add(new ProfileLine(m, PublicValue.of(m, mine.get()), median(b), b.distribution().institutions(),
					trend));
		}
		return Optional.of(new ProfileMeasures(latest.get(), regionCode, lines));
	}

	/** A region's institutions compared on one published measure in one period. */
	public record Comparison(MeasureSet set, List<QualityMeasure> disclosed, QualityMeasure measure,
			List<MeasurePeriod> periods, MeasurePeriod period, String region, Double median, int institutions,
			List<ComparedInstitution> entries) {
	}

	public record ComparedInstitution(long institutionId, String name, String regionCode, PublicValue value) {
	}

	/**
	 * The comparison of a region (a region code: its district, city or province) on a
	 * published measure (by code; the first by default) in an ended period (the latest by
	 * default); empty when no set is in force, and 404 for a measure that is not
	 * published or a region that is not a code.
	 */
	public Optional<Comparison> compare(String regionCode, String measureCode, String periodKey) {
		Optional<MeasureSet> set = sets.published();
		if (set.isEmpty()) {
			return Optional.empty();
		}
		if (regionCode == null || !regionCode.matches("\\d{6}")) {
			throw new cn.meizhi.shared.NotFoundException("Region", String.valueOf(regionCode));
		}
		List<QualityMeasure> disclosed = measures.findBySetIdOrderByPosition(set.get().getId())
			.stream()
			.filter(QualityMeasure::isDisclosed)
			.toList();
		if (disclosed.isEmpty()) {
			return Optional.empty();
		}
		QualityMeasure measure = measureCode == null || measureCode.isBlank() ? disclosed.get(0)
				: disclosed.stream()
					.filter(m -> m.getCode().equals(measureCode))
					.findFirst()
					.orElseThrow(() -> new cn.meizhi.shared.NotFoundException("Quality measure", measureCode));
		List<MeasurePeriod> periods = benchmarks.endedPeriods(set.get(), measure.getPeriod());
		if (periods.isEmpty()) {
			return Optional
				.of(new Comparison(set.get(), disclosed, measure, periods, null, regionCode, null, 0, List.of()));
		}
		MeasurePeriod period = periodKey == null || periodKey.isBlank() ? periods.get(0)
				: MeasurePeriod.parse(periodKey)
					.filter(periods::contains)
					.orElseThrow(() -> new cn.meizhi.shared.NotFoundException("Reporting period", periodKey));
		String prefix = Jurisdiction.of(regionCode).prefix();
		List<MeasureBenchmark.Row> rows = benchmarks
			.rows(set.get().getId(), List.of(period), prefix, ids(List.of(measure)))
			.getOrDefault(period.key(), Map.of())
			.getOrDefault(measure.getId(), List.of());
		MeasureBenchmark b = MeasureBenchmark.of(measure, period, prefix, rows);
		List<ComparedInstitution> entries = rows.stream()
			.map(r -> new ComparedInstitution(r.institutionId(), r.name(), r.regionCode(), PublicValue.of(measure, r)))
			.sorted(Comparator
				.comparing((ComparedInstitution c) -> c.value().value(),
						Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(ComparedInstitution::name))
			.toList();
		return Optional.of(new Comparison(set.get(), disclosed, measure, periods, period, regionCode, median(b),
				b.distribution().institutions(), entries));
	}

	/** The median, unless too few institutions have a value. */
	private static Double median(MeasureBenchmark b) {
		return b.distribution().institutions() < MINIMUM_INSTITUTIONS ? null : b.distribution().median();
	}

	private static List<Long> ids(List<QualityMeasure> list) {
		return list.stream().map(QualityMeasure::getId).toList();
	}

}
