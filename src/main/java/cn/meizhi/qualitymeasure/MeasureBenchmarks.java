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

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;

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
 * Read from what the submissions keep by district ({@link MeasureDistrictStats}): a
 * district's values of a measure are one range of {@code measure_district_value}'s
 * covering key, its distributions and outlier flags are decided when one of its reports
 * changes. Only submitted reports count; a returned one counts again when resubmitted.
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

	/**
	 * A period's value of one measure, with the district's median then, and both as
	 * shown: a feedback report writes eight of these for each of its measures.
	 */
	public record TrendPoint(MeasurePeriod period, BigDecimal value, Double median) {

		/** The period and the value ("2026-Q2 1.25"). */
		public String label() {
			return period.key() + " " + MeasureBenchmark.format(value);
		}

		public String medianShown() {
			return MeasureBenchmark.format(median);
		}

	}

	// ------------------------------------------------------------------ the regulator

	/**
	 * The regulator's benchmark page. For a district (the peer group institutions are
	 * compared in, as on the clinic's feedback and the public pages): one measure's
	 * benchmark in a period with its funnel, a page of its table ({@value #TABLE_PAGE}
	 * rows) and the median's trend. For a city, a province or the whole jurisdiction: the
	 * measure's distribution in each district and the pooled value's trend. Either way,
	 * how many outliers each measure has in the period across the region (each against
	 * its district), and the measure's outliers by name.
	 *
	 * @param district whether the region is one district
	 * @param benchmark the district's benchmark of the measure (null for a larger region)
	 * @param entries a page of the district's table
	 * @param districts the measure in each district of a larger region
	 * @param regionTrend the pooled value of a larger region over the periods
	 * @param outlierCounts how many outliers each measure of the period has, in the order
	 * of the set (measures without one left out)
	 * @param outliers the measure's outliers, the first {@value #OUTLIERS_SHOWN}
	 * @param outlierCount how many outliers the measure has
	 */
	public record RegulatorView(MeasureSet set, List<MeasurePeriod> periods, MeasurePeriod period,
			List<QualityMeasure> measures, QualityMeasure measure, String region, boolean district,
			MeasureBenchmark benchmark, Page<TableRow> entries, List<DistrictLine> districts, List<TrendPoint> trend,
			List<RegionTrendPoint> regionTrend, List<OutlierCount> outlierCounts, List<Outlier> outliers,
			long outlierCount) {
	}

	/**
	 * A row of a district's table as it is shown: the numbers written out (two decimals
	 * at most, the rank whole), so that the template only prints them. Fifty rows of four
	 * to six formatted numbers each were a quarter of the page's rendering.
	 *
	 * @param limits a rate's 99.8 % limits at the institution's cases ("1.2–7.85"), or a
	 * dash
	 * @param position the message key of where the value lies
	 */
	public record TableRow(long institutionId, String name, String numerator, String denominator, String value,
			String limits, String percentileRank, String position, boolean outlier) {

		static TableRow of(MeasureBenchmark.Entry e) {
			return new TableRow(e.institutionId(), e.name(), MeasureBenchmark.format(e.numerator()),
					MeasureBenchmark.format(e.denominator()), MeasureBenchmark.format(e.value()),
					e.lower998() == null ? "—"
							: MeasureBenchmark.format(e.lower998()) + "–" + MeasureBenchmark.format(e.upper998()),
					MeasureBenchmark.formatRank(e.percentileRank()), "benchmark.position." + e.position(), e.outlier());
		}

	}

	/** How many outliers a measure has in a period across a region. */
	public record OutlierCount(QualityMeasure measure, long outliers) {
	}

	/**
	 * How many institutions a page of the district's table lists (the funnel shows all).
	 */
	public static final int TABLE_PAGE = 50;

	/** How many outliers the page lists at most. */
	public static final int OUTLIERS_SHOWN = 200;

	/**
	 * An institution beyond the outer limit of a measure against its district, on the
	 * worse side.
	 */
	public record Outlier(QualityMeasure measure, long institutionId, String name, String regionCode,
			BigDecimal value) {
	}

	/** A measure's distribution in one district of a larger region. */
	public record DistrictLine(String regionCode, MeasureBenchmark.Distribution distribution, Double overall) {
	}

	/**
	 * A larger region's pooled value in a period: a rate's numerators over its
	 * denominators, or the mean of a count or days per institution.
	 */
	public record RegionTrendPoint(MeasurePeriod period, int institutions, Double overall) {
	}

	public Optional<RegulatorView> forRegulator(CurrentUser regulator, String periodKey, String measureCode,
			String regionCode, int page) {
		if (!regulator.is(Role.REGULATOR) || regulator.jurisdiction() == null) {
			throw new NotFoundException("Benchmark", regulator.username());
		}
		MeasureSet set = sets.published().orElse(null);
		if (set == null) {
			return Optional.empty();
		}
		String region = regionCode == null || regionCode.isBlank() ? regulator.jurisdiction().prefix()
				: prefixWithin(regulator, regionCode);
		boolean district = region.length() == 6;
		List<QualityMeasure> all = measures.findBySetIdOrderByPosition(set.getId());
		List<MeasurePeriod> periods = endedPeriods(set, ReportingPeriod.QUARTERLY, all);
		periods.addAll(endedPeriods(set, ReportingPeriod.MONTHLY, all));
		if (periods.isEmpty()) {
			return Optional.of(new RegulatorView(set, periods, null, List.of(), null, region, district, null,
					Page.empty(), List.of(), List.of(), List.of(), List.of(), List.of(), 0));
		}
		MeasurePeriod period = MeasurePeriod.parse(periodKey).filter(periods::contains).orElse(periods.get(0));
		List<QualityMeasure> ofPeriod = all.stream().filter(m -> m.getPeriod() == period.kind()).toList();
		QualityMeasure measure = ofPeriod.stream()
			.filter(m -> m.getCode().equals(measureCode))
			.findFirst()
			.orElse(ofPeriod.get(0));
		List<MeasurePeriod> trendPeriods = trendPeriods(set, period);
		List<String> trendKeys = trendPeriods.stream().map(MeasurePeriod::key).toList();
		Map<Long, QualityMeasure> byId = ofPeriod.stream().collect(Collectors.toMap(QualityMeasure::getId, m -> m));
		Map<Long, Long> counted = new HashMap<>();
		jdbc.sql("""
				select measure_id, count(*) as outliers from measure_district_value
				where set_id = :set and period = :period and outlier
				  and region_code ~>=~ :prefix and region_code ~<~ :prefixEnd
				group by measure_id
				""")
			.param("set", set.getId())
			.param("period", period.key())
			.param("prefix", region)
			.param("prefixEnd", prefixEnd(region))
			.query((rs, n) -> counted.put(rs.getLong("measure_id"), rs.getLong("outliers")))
			.list();
		List<OutlierCount> outlierCounts = ofPeriod.stream()
			.filter(m -> counted.containsKey(m.getId()))
			.map(m -> new OutlierCount(m, counted.get(m.getId())))
			.toList();
		long outlierCount = counted.getOrDefault(measure.getId(), 0L);
		List<Outlier> outliers = jdbc.sql("""
				select d.institution_id, i.name, d.region_code, d.value
				from measure_district_value d join register_institution i on i.id = d.institution_id
				where d.set_id = :set and d.period = :period and d.measure_id = :measure and d.outlier
				  and d.region_code ~>=~ :prefix and d.region_code ~<~ :prefixEnd
				order by d.region_code, d.value, d.institution_id limit :limit
				""")
			.param("set", set.getId())
			.param("period", period.key())
			.param("prefix", region)
			.param("prefixEnd", prefixEnd(region))
			.param("measure", measure.getId())
			.param("limit", OUTLIERS_SHOWN)
			.query((rs, n) -> new Outlier(measure, rs.getLong("institution_id"), rs.getString("name"),
					rs.getString("region_code"), rs.getBigDecimal("value")))
			.list();
		periods.sort(Comparator.<MeasurePeriod>naturalOrder().reversed());
		if (district) {
			MeasureBenchmark scored = MeasureBenchmark.of(measure, period, region,
					rows(set.getId(), period, region, measure.getId()));
			PageRequest pageable = PageRequest.of(Math.max(0, Math.min(page, 10_000)), TABLE_PAGE);
			int from = (int) Math.min(pageable.getOffset(), scored.entries().size());
			List<MeasureBenchmark.Entry> shown = scored.entries()
				.subList(from, Math.min(from + TABLE_PAGE, scored.entries().size()));
			// names for the rows of the page and the dots the funnel names (the
			// outliers),
			// not for every institution of the district
			java.util.Set<Long> named = new java.util.HashSet<>();
			shown.forEach(e -> named.add(e.institutionId()));
			scored.entries()
				.stream()
				.filter(MeasureBenchmark.Entry::outlier)
				.forEach(e -> named.add(e.institutionId()));
			MeasureBenchmark benchmark = scored.withNames(names(named));
			Page<TableRow> entries = new PageImpl<>(
					benchmark.entries().subList(from, from + shown.size()).stream().map(TableRow::of).toList(),
					pageable, benchmark.entries().size());
			Map<String, MeasureDistrictStats.Stat> stats = districtStats.trend(set.getId(), trendKeys, region,
					measure.getId());
			List<TrendPoint> trend = trendPeriods.stream().map(p -> {
				MeasureDistrictStats.Stat stat = stats.get(p.key());
				return new TrendPoint(p, null, stat == null ? null : stat.median().doubleValue());
			}).toList();
			return Optional.of(new RegulatorView(set, periods, period, ofPeriod, measure, region, true, benchmark,
					entries, List.of(), trend, List.of(), outlierCounts, outliers, outlierCount));
		}
		List<DistrictLine> districts = jdbc.sql("""
				select region_code, institutions, q1, median, q3, numerator_sum, denominator_sum
				from measure_district_stat
				where set_id = :set and period = :period and region_code like :prefix and measure_id = :measure
				order by region_code
				""")
			.param("set", set.getId())
			.param("period", period.key())
			.param("prefix", region + "%")
			.param("measure", measure.getId())
			.query((rs, n) -> new DistrictLine(rs.getString("region_code"),
					new MeasureBenchmark.Distribution(rs.getInt("institutions"), rs.getDouble("q1"),
							rs.getDouble("median"), rs.getDouble("q3")),
					pooled(measure, rs.getInt("institutions"), rs.getBigDecimal("numerator_sum"),
							rs.getBigDecimal("denominator_sum"))))
			.list();
		Map<String, RegionTrendPoint> pooled = new HashMap<>();
		jdbc.sql("""
				select period, sum(institutions) as institutions, sum(numerator_sum) as numerators,
				       sum(denominator_sum) as denominators
				from measure_district_stat
				where set_id = :set and period in (:periods) and region_code like :prefix and measure_id = :measure
				group by period
				""")
			.param("set", set.getId())
			.param("periods", trendKeys)
			.param("prefix", region + "%")
			.param("measure", measure.getId())
			.query((rs, n) -> pooled.put(rs.getString("period"),
					new RegionTrendPoint(MeasurePeriod.parse(rs.getString("period")).orElseThrow(),
							rs.getInt("institutions"),
							pooled(measure, rs.getInt("institutions"), rs.getBigDecimal("numerators"),
									rs.getBigDecimal("denominators")))))
			.list();
		List<RegionTrendPoint> regionTrend = trendPeriods.stream()
			.map(p -> pooled.getOrDefault(p.key(), new RegionTrendPoint(p, 0, null)))
			.toList();
		return Optional.of(new RegulatorView(set, periods, period, ofPeriod, measure, region, false, null, Page.empty(),
				districts, List.of(), regionTrend, outlierCounts, outliers, outlierCount));
	}

	/**
	 * A pooled value: a rate's numerators over its denominators in the measure's unit, or
	 * the mean per institution of a count or days.
	 */
	static Double pooled(QualityMeasure measure, int institutions, BigDecimal numerators, BigDecimal denominators) {
		if (measure.getUnit().isRate()) {
			return denominators == null || denominators.signum() == 0 ? null : numerators.doubleValue()
					/ denominators.doubleValue() * (measure.getUnit() == MeasureUnit.RATE_PERCENT ? 100 : 1000);
		}
		return institutions == 0 ? null : numerators.doubleValue() / institutions;
	}

	/**
	 * The first code after every code that starts with a region's prefix ("3301" →
	 * "3301:", as ':' follows '9'). The outlier statements ask for the codes between the
	 * two rather than {@code like '3301%'}: the same index range, but a range of
	 * parameters that PostgreSQL can plan once for the statement, where a pattern was
	 * planned again at every request (0.3 ms, more than the statement's execution).
	 */
	static String prefixEnd(String prefix) {
		return prefix + ":";
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

		/**
		 * The numbers of the line as shown: its own value, the district's quartiles and
		 * its rank (whole), each a dash when there is none.
		 */
		public List<String> shown() {
			return List.of(own == null ? "—" : MeasureBenchmark.format(own.value()),
					MeasureBenchmark.format(district.q1()), MeasureBenchmark.format(district.median()),
					MeasureBenchmark.format(district.q3()),
					MeasureBenchmark.formatRank(own == null ? null : own.percentileRank()));
		}

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
		// ranks: no district-wide rows are read into the application (a district may hold
		// thousands of institutions)
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
		Map<String, Map<Long, MeasureDistrictStats.Stat>> stats = new HashMap<>(
				districtStats.of(set.getId(), keys, district));
		keys.forEach(key -> stats.putIfAbsent(key, Map.of()));
		// its rank and outlier flag against the district, from what the district keeps
		Map<Long, BigDecimal> ownValues = new HashMap<>();
		own.getOrDefault(period.key(), Map.of()).forEach((id, row) -> ownValues.put(id, row.value()));
		Map<Long, MeasureDistrictStats.Place> places = districtStats.placesOf(set.getId(), period.key(), district,
				institution.id(), ownValues);
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
				MeasureDistrictStats.Place place = places.get(m.getId());
				Double percentile = place == null || mine.value() == null ? null : place.percentileRank();
				Double proportion = stat == null || stat.denominatorSum() == null || stat.denominatorSum().signum() == 0
						? null : stat.numeratorSum().doubleValue() / stat.denominatorSum().doubleValue();
				entry = MeasureBenchmark.entry(m, mine, percentile, proportion, distribution);
				// the flag kept when the district last changed decides, as on the
				// regulator's list
				entry = entry.withOutlier(place != null && place.outlier());
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

	/**
	 * A district's submitted values of one measure in a period, from the kept district
	 * values, lowest value first: the order the page lists them in, so that scoring them
	 * finds them sorted.
	 */
	List<MeasureBenchmark.Row> rows(long setId, MeasurePeriod period, String district, long measureId) {
		List<Keyed> rows = jdbc.sql("""
				select institution_id, numerator, denominator, value from measure_district_value
				where set_id = :set and period = :period and region_code = :district and measure_id = :measure
				""")
			.param("set", setId)
			.param("period", period.key())
			.param("district", district)
			.param("measure", measureId)
			.query((rs,
					n) -> Keyed.of(new MeasureBenchmark.Row(rs.getLong("institution_id"), "", district,
							rs.getBigDecimal("numerator"), rs.getBigDecimal("denominator"), rs.getBigDecimal("value"))))
			.list();
		// in value order, so that the scoring's sort finds them sorted; sorted here on
		// each value's double rather than by PostgreSQL, whose comparisons of numerics
		// were most of the statement's time (a district's 1,800 rows: 2.3 ms with the
		// order, 1.3 ms without)
		return rows.stream()
			.sorted(Comparator.comparingDouble(Keyed::key).thenComparingLong(k -> k.row().institutionId()))
			.map(Keyed::row)
			.toList();
	}

	/** A row with its value as a double to sort on (no value: last). */
	private record Keyed(double key, MeasureBenchmark.Row row) {

		static Keyed of(MeasureBenchmark.Row row) {
			return new Keyed(row.value() == null ? Double.POSITIVE_INFINITY : BenchmarkMath.toDouble(row.value()), row);
		}

	}

	private Map<Long, String> names(java.util.Set<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			// one statement whatever the number of ids (an expanded "in" list was a new
			// statement for PostgreSQL to plan at each count)
			jdbc.sql("select id, name from register_institution where id = any(:ids)")
				.param("ids", ids.toArray(Long[]::new))
				.query((rs, n) -> names.put(rs.getLong("id"), rs.getString("name")))
				.list();
		}
		return names;
	}

	/**
	 * The ended periods of a kind since the set's reporting began, newest first (two
	 * years at most).
	 */
	List<MeasurePeriod> endedPeriods(MeasureSet set, ReportingPeriod kind, List<QualityMeasure> of) {
		boolean reported = of.stream().anyMatch(m -> m.getPeriod() == kind);
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
