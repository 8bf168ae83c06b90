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

	private final MeasureDistrictStats stats;

	PublicQualityMeasures(MeasureSets sets, QualityMeasureRepository measures, MeasureBenchmarks benchmarks,
			JdbcClient jdbc, MeasureDistrictStats stats) {
		this.stats = stats;
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

		/** The latest value as shown (when not withheld). */
		public String latestShown() {
			return MeasureBenchmark.format(latest.value());
		}

		/** The district's median as shown (when there is one). */
		public String medianShown() {
			return MeasureBenchmark.format(districtMedian);
		}

	}

	public record TrendValue(MeasurePeriod period, PublicValue value) {

		/** The period and its value, or an ellipsis when withheld ("2026-Q2 1.25"). */
		public String label() {
			return period.key() + " " + (value.suppressed() ? "…" : MeasureBenchmark.format(value.value()));
		}

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
		// its own values of its four latest submitted quarters, in one statement: the
		// latest is the profile's period, and those of them within the year up to it its
		// trend
		Map<String, Map<Long, MeasureBenchmark.Row>> own = new java.util.HashMap<>();
		jdbc.sql("""
				select period, measure_id, numerator, denominator, value from (
				    select r.period, v.measure_id, v.numerator, v.denominator, v.value,
				           dense_rank() over (order by r.period desc) as back
				    from measure_report r join measure_value v on v.report_id = r.id
				    where r.institution_id = :id and r.set_id = :set and r.status = 'SUBMITTED' and r.period like '%-Q%'
				) submitted where back <= 4
				""")
			.param("id", institutionId)
			.param("set", set.get().getId())
			.query((rs, n) -> own.computeIfAbsent(rs.getString("period"), k -> new java.util.HashMap<>())
				.put(rs.getLong("measure_id"),
						new MeasureBenchmark.Row(institutionId, "", regionCode, rs.getBigDecimal("numerator"),
								rs.getBigDecimal("denominator"), rs.getBigDecimal("value"))))
			.list();
		Optional<MeasurePeriod> latest = own.keySet()
			.stream()
			.flatMap(key -> MeasurePeriod.parse(key).stream())
			.max(java.util.Comparator.naturalOrder());
		if (latest.isEmpty()) {
			return Optional.empty();
		}
		List<QualityMeasure> disclosed = measures.findBySetIdOrderByPosition(set.get().getId())
			.stream()
			.filter(m -> m.isDisclosed() && m.getPeriod() == ReportingPeriod.QUARTERLY)
			.toList();
		List<MeasurePeriod> periods = benchmarks.trendPeriods(set.get(), latest.get());
		periods = periods.subList(Math.max(0, periods.size() - 4), periods.size());
		Map<Long, MeasureDistrictStats.Stat> district = stats.of(set.get().getId(), latest.get().key(), regionCode);
		List<ProfileLine> lines = new ArrayList<>();
		for (QualityMeasure m : disclosed) {
			MeasureBenchmark.Row mine = own.getOrDefault(latest.get().key(), Map.of()).get(m.getId());
			if (mine == null) {
				continue;
			}
			List<TrendValue> trend = new ArrayList<>();
			for (MeasurePeriod p : periods) {
				MeasureBenchmark.Row then = own.getOrDefault(p.key(), Map.of()).get(m.getId());
				if (then != null) {
					trend.add(new TrendValue(p, PublicValue.of(m, then)));
				}
			}
			MeasureDistrictStats.Stat stat = district.get(m.getId());
			int institutions = stat == null ? 0 : stat.institutions();
			lines.add(new ProfileLine(m, PublicValue.of(m, mine), median(stat), institutions, trend));
		}
		return Optional.of(new ProfileMeasures(latest.get(), regionCode, lines));
	}

	/**
	 * A district's institutions compared on one published measure in one period, a page
	 * of them.
	 */
	public record Comparison(MeasureSet set, List<QualityMeasure> disclosed, QualityMeasure measure,
			List<MeasurePeriod> periods, MeasurePeriod period, String region, Double median, int institutions,
			org.springframework.data.domain.Page<ComparedInstitution> entries) {
	}

	public record ComparedInstitution(long institutionId, String name, String regionCode, PublicValue value) {
	}

	/** How many institutions a page of the comparison lists. */
	public static final int PAGE_SIZE = 50;

	/** Whether a region code names a district (the level institutions are located at). */
	public static boolean isDistrict(String regionCode) {
		return regionCode != null && regionCode.matches("\\d{6}") && !regionCode.endsWith("00");
	}

	/**
	 * The comparison of a district on a published measure (by code; the first by default)
	 * in an ended period (the latest by default): its institutions with a value shown
	 * first by value, those withheld last, {@value #PAGE_SIZE} a page. Empty when no set
	 * is in force; 404 for a measure that is not published or a code that is not a
	 * district.
	 */
	public Optional<Comparison> compare(String regionCode, String measureCode, String periodKey, int page) {
		Optional<MeasureSet> set = sets.published();
		if (set.isEmpty()) {
			return Optional.empty();
		}
		if (!isDistrict(regionCode)) {
			throw new cn.meizhi.shared.NotFoundException("District", String.valueOf(regionCode));
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
		List<MeasurePeriod> periods = benchmarks.endedPeriods(set.get(), measure.getPeriod(), disclosed);
		var pageable = org.springframework.data.domain.PageRequest.of(Math.max(0, Math.min(page, 10_000)), PAGE_SIZE);
		if (periods.isEmpty()) {
			return Optional.of(new Comparison(set.get(), disclosed, measure, periods, null, regionCode, null, 0,
					org.springframework.data.domain.Page.empty(pageable)));
		}
		MeasurePeriod period = periodKey == null || periodKey.isBlank() ? periods.get(0)
				: MeasurePeriod.parse(periodKey)
					.filter(periods::contains)
					.orElseThrow(() -> new cn.meizhi.shared.NotFoundException("Reporting period", periodKey));
		// The page is chosen from the district's kept values alone (one range of
		// their covering key, counted by the same scan), and only its rows are
		// named: joining every institution of the district for its name cost a
		// probe of the register each (9.5 of the page's 11 ms of database under
		// load). Equal values in the order of registration, as on the regulator's
		// table; withheld values last, so that their place does not tell them.
		List<CountedRow> rows = jdbc.sql("""
				with page as (
				    select institution_id, region_code, numerator, denominator, value,
				           case when :rate and coalesce(denominator, 0) < :minimum then 1 else 0 end as withheld,
				           count(*) over () as total
				    from measure_district_value
				    where set_id = :set and period = :period and region_code = :district and measure_id = :measure
				    order by withheld, value nulls last, institution_id limit :limit offset :offset
				)
				select p.institution_id, i.name, p.region_code, p.numerator, p.denominator, p.value, p.total
				from page p join register_institution i on i.id = p.institution_id
				order by p.withheld, p.value nulls last, p.institution_id
				""")
			.param("measure", measure.getId())
			.param("set", set.get().getId())
			.param("period", period.key())
			.param("district", regionCode)
			.param("rate", measure.getUnit().isRate())
			.param("minimum", MINIMUM_CASES)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query((rs, n) -> new CountedRow(
					new ComparedInstitution(rs.getLong("institution_id"), rs.getString("name"),
							rs.getString("region_code"),
							PublicValue.of(measure,
									new MeasureBenchmark.Row(rs.getLong("institution_id"), rs.getString("name"),
											rs.getString("region_code"), rs.getBigDecimal("numerator"),
											rs.getBigDecimal("denominator"), rs.getBigDecimal("value")))),
					rs.getLong("total")))
			.list();
		List<ComparedInstitution> entries = rows.stream().map(CountedRow::entry).toList();
		// a page past the end has no row to tell how many there are
		long total = !rows.isEmpty() ? rows.get(0).total()
				: jdbc.sql("""
						select count(*) from measure_district_value
						where set_id = :set and period = :period and region_code = :district and measure_id = :measure
						""")
					.param("measure", measure.getId())
					.param("set", set.get().getId())
					.param("period", period.key())
					.param("district", regionCode)
					.query(Long.class)
					.single();
		MeasureDistrictStats.Stat stat = stats.of(set.get().getId(), period.key(), regionCode).get(measure.getId());
		return Optional.of(new Comparison(set.get(), disclosed, measure, periods, period, regionCode, median(stat),
				stat == null ? 0 : stat.institutions(),
				new org.springframework.data.domain.PageImpl<>(entries, pageable, total)));
	}

	/**
	 * A compared institution with the count of the district's values it was read with.
	 */
	private record CountedRow(ComparedInstitution entry, long total) {
	}

	/** The whole comparison (every page), for the CSV. */
	public Optional<Comparison> compareAll(String regionCode, String measureCode, String periodKey) {
		Optional<Comparison> first = compare(regionCode, measureCode, periodKey, 0);
		if (first.isEmpty() || first.get().entries().getTotalPages() <= 1) {
			return first;
		}
		List<ComparedInstitution> all = new ArrayList<>(first.get().entries().getContent());
		for (int p = 1; p < first.get().entries().getTotalPages(); p++) {
			all.addAll(compare(regionCode, measureCode, periodKey, p).orElseThrow().entries().getContent());
		}
		Comparison c = first.get();
		return Optional.of(new Comparison(c.set(), c.disclosed(), c.measure(), c.periods(), c.period(), c.region(),
				c.median(), c.institutions(), new org.springframework.data.domain.PageImpl<>(all)));
	}

	/** The district's median, unless too few institutions have a value. */
	private static Double median(MeasureDistrictStats.Stat stat) {
		return stat == null || stat.institutions() < MINIMUM_INSTITUTIONS ? null : stat.median().doubleValue();
	}

	private static List<Long> ids(List<QualityMeasure> list) {
		return list.stream().map(QualityMeasure::getId).toList();
	}

}
