package cn.meizhi.qualitymeasure;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionSummary;
import cn.meizhi.qualitymeasure.internal.QualityMeasureRepository;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.Formats;
import cn.meizhi.shared.Jurisdiction;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.shared.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Benchmarks of the submitted quality measures (质控指标对比与反馈): for a measure and a period
 * across a region, the distribution, each institution's percentile rank and, for rates,
 * the funnel plot and its outliers ({@link MeasureBenchmark}); the regulator's view of a
 * jurisdiction (one measure's funnel, every outlier of the period, the trend of the
 * median), and each clinic's feedback report against its district.
 * <p>
 * Computed when asked from the submitted values (no copy to keep in step): a period's
 * reports of a region are found by {@code measure_report_region_idx}, their values by the
 * primary key of {@code measure_value}. Only submitted reports count; a returned one
 * counts again when resubmitted.
 */
@Service
@Transactional(readOnly = true)
public class MeasureBenchmarks {

	/** How many periods a trend shows. */
	static final int TREND_PERIODS = 8;

	private final MeasureSets sets;

	private final QualityMeasureRepository measures;

	private final InstitutionManagement institutions;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Formats formats;

	private final MeasureDistrictStats districtStats;

	MeasureBenchmarks(MeasureDistrictStats districtStats, MeasureSets sets, QualityMeasureRepository measures,
			InstitutionManagement institutions, JdbcClient jdbc, Clock clock, Formats formats) {
		this.districtStats = districtStats;
		this.sets = sets;
		this.measures = measures;
		this.institutions = institutions;
		this.jdbc = jdbc;
		this.clock = clock;
		this.formats = formats;
	}

	/** A period's value of one measure, with the district's median then. */
	public record TrendPoint(MeasurePeriod period, BigDecimal value, Double median) {
	}

	// ------------------------------------------------------------------ the regulator

	/**
	 * The regulator's benchmark page: one measure's benchmark in a period across the
	 * jurisdiction or one of its regions, the median's trend, and every outlier of the
	 * period across all measures.
	 */
	public record RegulatorView(MeasureSet set, List<MeasurePeriod> periods, MeasurePeriod period,
			List<QualityMeasure> measures, MeasureBenchmark benchmark, String region, List<TrendPoint> trend,
			List<Outlier> outliers) {
	}

	/** An institution beyond the outer limit of a measure, on the worse side. */
	public record Outlier(QualityMeasure measure, MeasureBenchmark.Entry entry) {
	}

	public Optional<RegulatorView> forRegulator(CurrentUser regulator, String periodKey, String measureCode,
			String regionCode) {
		if (!regulator.is(Role.REGULATOR) || regulator.jurisdiction() == null) {
			throw new NotFoundException("Benchmark", regulator.username());
		}
		MeasureSet set = sets.published().orElse(null);
		if (set == null) {
			return Optional.empty();
		}
		String region = regionCode == null || regionCode.isBlank() ? regulator.jurisdiction().prefix()
				: prefixWithin(regulator, regionCode);
		List<MeasurePeriod> periods = endedPeriods(set, ReportingPeriod.QUARTERLY);
		periods.addAll(endedPeriods(set, ReportingPeriod.MONTHLY));
		if (periods.isEmpty()) {
			return Optional.of(new RegulatorView(set, periods, null, List.of(), null, region, List.of(), List.of()));
		}
		MeasurePeriod period = MeasurePeriod.parse(periodKey).filter(periods::contains).orElse(periods.get(0));
		List<QualityMeasure> ofPeriod = measures.findBySetIdOrderByPosition(set.getId())
			.stream()
			.filter(m -> m.getPeriod() == period.kind())
			.toList();
		QualityMeasure measure = ofPeriod.stream()
			.filter(m -> m.getCode().equals(measureCode))
			.findFirst()
			.orElse(ofPeriod.get(0));
		Map<Long, List<MeasureBenchmark.Row>> rows = rows(set.getId(), List.of(period), region,
				ofPeriod.stream().map(QualityMeasure::getId).toList())
			.getOrDefault(period.key(), Map.of());
		List<Outlier> outliers = new ArrayList<>();
		MeasureBenchmark shown = null;
		for (QualityMeasure m : ofPeriod) {
			MeasureBenchmark b = MeasureBenchmark.of(m, period, region, rows.getOrDefault(m.getId(), List.of()));
			b.outliers().forEach(e -> outliers.add(new Outlier(m, e)));
			if (m.getId().equals(measure.getId())) {
				shown = b;
			}
		}
		List<TrendPoint> trend = trend(set, measure, period, region, null);
		periods.sort(Comparator.<MeasurePeriod>naturalOrder().reversed());
		return Optional.of(new RegulatorView(set, periods, period, ofPeriod, shown, region, trend, outliers));
	}

	private String prefixWithin(CurrentUser regulator, String regionCode) {
		if (!regionCode.matches("\\d{6}") || !regulator.jurisdiction().covers(regionCode)) {
			throw new NotFoundException("Region", regionCode);
		}
		return Jurisdiction.of(regionCode).prefix();
	}

	// ------------------------------------------------------------------ the clinic

	/**
	 * A clinic's feedback report for a period: each measure it submitted against its
	 * district (its value, percentile rank, place on the funnel, the district's
	 * quartiles) and its trend over the periods before.
	 */
	public record Feedback(InstitutionSummary institution, MeasurePeriod period, List<MeasurePeriod> submitted,
			List<FeedbackLine> lines) {

		public List<FeedbackLine> outliers() {
			return lines.stream().filter(l -> l.own() != null && l.own().outlier()).toList();
		}

	}

	public record FeedbackLine(QualityMeasure measure, MeasureBenchmark.Entry own,
			MeasureBenchmark.Distribution district, List<TrendPoint> trend) {
	}

	/**
	 * The clinic's feedback for a submitted period (by default its latest); empty if
	 * none.
	 */
	public Optional<Feedback> feedback(CurrentUser clinic, String periodKey) {
		if (!clinic.is(Role.CLINIC) || clinic.institutionId() == null) {
			throw new NotFoundException("Feedback", clinic.username());
		}
		InstitutionSummary institution = institutions.findSummary(clinic.institutionId())
			.orElseThrow(() -> new NotFoundException("Institution", clinic.institutionId()));
		MeasureSet set = sets.published().orElse(null);
		if (set == null) {
			return Optional.empty();
		}
		List<MeasurePeriod> submitted = jdbc
			.sql("select period from measure_report where institution_id = :id and set_id = :set "
					+ "and status = 'SUBMITTED'")
			.param("id", institution.id())
			.param("set", set.getId())
			.query(String.class)
			.list()
			.stream()
			.flatMap(key -> MeasurePeriod.parse(key).stream())
			.sorted(Comparator.<MeasurePeriod>naturalOrder().reversed())
			.toList();
		if (submitted.isEmpty()) {
			return Optional.empty();
		}
		MeasurePeriod period = MeasurePeriod.parse(periodKey).filter(submitted::contains).orElse(submitted.get(0));
		List<QualityMeasure> reported = measures.findBySetIdOrderByPosition(set.getId())
			.stream()
			.filter(m -> m.getPeriod() == period.kind() && m.institutionTypeList().contains(institution.type()))
			.toList();
		List<MeasurePeriod> periods = trendPeriods(set, period);
		String district = institution.regionCode();
		List<String> keys = periods.stream().map(MeasurePeriod::key).toList();
		// its own values, its district's distributions (kept by the submissions) and its
		// ranks: no
		// district-wide rows are read into the application (a district may hold thousands
		// of institutions)
		Map<String, Map<Long, MeasureBenchmark.Row>> own = new HashMap<>();
		jdbc.sql("""
				select r.period, v.measure_id, v.numerator, v.denominator, v.value
				from measure_report r join measure_value v on v.report_id = r.id
				where r.institution_id = :id and r.set_id = :set and r.period in (:periods) and r.status = 'SUBMITTED'
				""")
			.param("id", institution.id())
			.param("set", set.getId())
			.param("periods", keys)
			.query((rs, n) -> own.computeIfAbsent(rs.getString("period"), k -> new HashMap<>())
				.put(rs.getLong("measure_id"), new MeasureBenchmark.Row(institution.id(), institution.name(), district,
						rs.getBigDecimal("numerator"), rs.getBigDecimal("denominator"), rs.getBigDecimal("value"))))
			.list();
		Map<String, Map<Long, MeasureDistrictStats.Stat>> stats = new HashMap<>();
		for (String key : keys) {
			stats.put(key, districtStats.of(set.getId(), key, district));
		}
		Map<Long, long[]> ranks = new HashMap<>();
		jdbc.sql(
				"""
						select v.measure_id, count(*) filter (where v.value < o.value) as below,
						       count(*) filter (where v.value = o.value) as equal
						from measure_report r
						join measure_value v on v.report_id = r.id
						join (select v2.measure_id, v2.value from measure_report r2 join measure_value v2 on v2.report_id = r2.id
						      where r2.institution_id = :id and r2.set_id = :set and r2.period = :period) o
						  on o.measure_id = v.measure_id
						where r.set_id = :set and r.period = :period and r.region_code = :district and r.status = 'SUBMITTED'
						  and v.value is not null
						group by v.measure_id
						""")
			.param("id", institution.id())
			.param("set", set.getId())
			.param("period", period.key())
			.param("district", district)
			.query((rs, n) -> ranks.put(rs.getLong("measure_id"),
					new long[] { rs.getLong("below"), rs.getLong("equal") }))
			.list();
		List<FeedbackLine> lines = new ArrayList<>();
		for (QualityMeasure m : reported) {
			MeasureDistrictStats.Stat stat = stats.get(period.key()).get(m.getId());
			MeasureBenchmark.Distribution distribution = stat == null
					? new MeasureBenchmark.Distribution(0, null, null, null)
					: new MeasureBenchmark.Distribution(stat.institutions(), stat.q1().doubleValue(),
							stat.median().doubleValue(), stat.q3().doubleValue());
			MeasureBenchmark.Row mine = own.getOrDefault(period.key(), Map.of()).get(m.getId());
			MeasureBenchmark.Entry entry = null;
			if (mine != null) {
				long[] rank = ranks.get(m.getId());
				Double percentile = rank == null || stat == null || mine.value() == null ? null
						: 100.0 * (rank[0] + 0.5 * rank[1]) / stat.institutions();
				Double proportion = stat == null || stat.denominatorSum() == null || stat.denominatorSum().signum() == 0
						? null : stat.numeratorSum().doubleValue() / stat.denominatorSum().doubleValue();
				entry = MeasureBenchmark.entry(m, mine, percentile, proportion, distribution);
			}
			List<TrendPoint> trend = new ArrayList<>();
			for (MeasurePeriod p : periods) {
				MeasureBenchmark.Row then = own.getOrDefault(p.key(), Map.of()).get(m.getId());
				MeasureDistrictStats.Stat thenStat = stats.get(p.key()).get(m.getId());
				trend.add(new TrendPoint(p, then == null ? null : then.value(),
						thenStat == null ? null : thenStat.median().doubleValue()));
			}
			lines.add(new FeedbackLine(m, entry, distribution, trend));
		}
		return Optional.of(new Feedback(institution, period, submitted, lines));
	}

	// ------------------------------------------------------------------ shared

	/**
	 * The periods of a trend ending with {@code last}, oldest first, none before the set.
	 */
	List<MeasurePeriod> trendPeriods(MeasureSet set, MeasurePeriod last) {
		MeasurePeriod first = MeasurePeriod.containing(last.kind(), set.getReportingFrom());
		List<MeasurePeriod> periods = new ArrayList<>();
		for (MeasurePeriod p = last; p.compareTo(first) >= 0 && periods.size() < TREND_PERIODS; p = p.previous()) {
			periods.add(0, p);
		}
		return periods;
	}

	List<TrendPoint> trend(MeasureSet set, QualityMeasure measure, MeasurePeriod last, String region,
			Long institutionId) {
		List<MeasurePeriod> periods = trendPeriods(set, last);
		return trendOf(measure, periods, rows(set.getId(), periods, region, List.of(measure.getId())), institutionId);
	}

	private static List<TrendPoint> trendOf(QualityMeasure measure, List<MeasurePeriod> periods,
			Map<String, Map<Long, List<MeasureBenchmark.Row>>> rows, Long institutionId) {
		List<TrendPoint> trend = new ArrayList<>();
		for (MeasurePeriod p : periods) {
			List<MeasureBenchmark.Row> of = rows.getOrDefault(p.key(), Map.of())
				.getOrDefault(measure.getId(), List.of());
			List<Double> values = of.stream()
				.filter(r -> r.value() != null)
				.map(r -> r.value().doubleValue())
				.sorted()
				.toList();
			BigDecimal own = institutionId == null ? null
					: of.stream()
						.filter(r -> r.institutionId() == institutionId)
						.map(MeasureBenchmark.Row::value)
						.findFirst()
						.orElse(null);
			trend.add(new TrendPoint(p, own, values.isEmpty() ? null : BenchmarkMath.quantile(values, 0.5)));
		}
		return trend;
	}

	/**
	 * The submitted values of some measures in some periods across a region-code prefix,
	 * by period key and measure id.
	 */
	Map<String, Map<Long, List<MeasureBenchmark.Row>>> rows(long setId, Collection<MeasurePeriod> periods,
			String regionPrefix, Collection<Long> measureIds) {
		Map<String, Map<Long, List<MeasureBenchmark.Row>>> rows = new HashMap<>();
		if (periods.isEmpty() || measureIds.isEmpty()) {
			return rows;
		}
		jdbc.sql(
				"""
						select r.period, v.measure_id, r.institution_id, i.name, r.region_code, v.numerator, v.denominator, v.value
						from measure_report r
						join measure_value v on v.report_id = r.id
						join register_institution i on i.id = r.institution_id
						where r.set_id = :set and r.period in (:periods) and r.status = 'SUBMITTED'
						  and r.region_code like :prefix and v.measure_id in (:measures)
						""")
			.param("set", setId)
			.param("periods", periods.stream().map(MeasurePeriod::key).toList())
			.param("prefix", regionPrefix + "%")
			.param("measures", measureIds)
			.query((rs, n) -> {
				rows.computeIfAbsent(rs.getString("period"), k -> new HashMap<>())
					.computeIfAbsent(rs.getLong("measure_id"), k -> new ArrayList<>())
					.add(new MeasureBenchmark.Row(rs.getLong("institution_id"), rs.getString("name"),
							rs.getString("region_code"), rs.getBigDecimal("numerator"), rs.getBigDecimal("denominator"),
							rs.getBigDecimal("value")));
				return 0;
			})
			.list();
		return rows;
	}

	/**
	 * The ended periods of a kind since the set's reporting began, newest first (two
	 * years at most).
	 */
	List<MeasurePeriod> endedPeriods(MeasureSet set, ReportingPeriod kind) {
		boolean reported = measures.findBySetIdOrderByPosition(set.getId())
			.stream()
			.anyMatch(m -> m.getPeriod() == kind);
		List<MeasurePeriod> periods = new ArrayList<>();
		if (!reported) {
			return periods;
		}
		MeasurePeriod first = MeasurePeriod.containing(kind, set.getReportingFrom());
		int limit = kind == ReportingPeriod.QUARTERLY ? 8 : 24;
		for (MeasurePeriod p = MeasurePeriod.containing(kind, today()).previous(); p.compareTo(first) >= 0
				&& periods.size() < limit; p = p.previous()) {
			periods.add(p);
		}
		return periods;
	}

	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), formats.zone());
	}

}
