package cn.meizhi.qualitymeasure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each district's pages read of its submitted values, kept in step by the
 * transaction that changes one of them (a submission, a correction, a return, the
 * centre's import): the values themselves in district order
 * ({@code measure_district_value}, read by an index-only scan however scattered the
 * reports are), each district's distribution of a measure in a period
 * ({@code measure_district_stat}) and each value's outlier flag, the latter two decided
 * by {@link MeasureBenchmark#score}. Two such transactions in one district take turns on
 * a transaction-level advisory lock, so the later one recomputes after the earlier one
 * committed and sees its values: nothing is short of a report once both have committed.
 */
@Component
public class MeasureDistrictStats {

	/** A district's distribution of one measure. */
	record Stat(int institutions, BigDecimal q1, BigDecimal median, BigDecimal q3, BigDecimal numeratorSum,
			BigDecimal denominatorSum) {
	}

	private final JdbcClient jdbc;

	MeasureDistrictStats(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes in the changed reports' current values (a report no longer submitted leaves)
	 * and recomputes their districts; part of the caller's transaction, after it flushed
	 * the reports.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void refresh(long setId, String period, Collection<MeasureReport> changed) {
		Map<String, List<Long>> byDistrict = changed.stream()
			.collect(Collectors.groupingBy(MeasureReport::getRegionCode, TreeMap::new,
					Collectors.mapping(MeasureReport::getInstitutionId, Collectors.toList())));
		byDistrict.forEach((district, institutions) -> {
			jdbc.sql("select pg_advisory_xact_lock(hashtext('measure_district_stat'), hashtext(:key))")
				.param("key", setId + "/" + period + "/" + district)
				.query()
				.listOfRows();
			jdbc.sql("""
					delete from measure_district_value
					where set_id = :set and period = :period and region_code = :district and institution_id in (:ids)
					""")
				.param("set", setId)
				.param("period", period)
				.param("district", district)
				.param("ids", institutions)
				.update();
			jdbc.sql(
					"""
							insert into measure_district_value (set_id, period, region_code, measure_id, institution_id,
							                                    numerator, denominator, value)
							select r.set_id, r.period, r.region_code, v.measure_id, r.institution_id, v.numerator, v.denominator, v.value
							from measure_report r join measure_value v on v.report_id = r.id
							where r.set_id = :set and r.period = :period and r.region_code = :district
							  and r.institution_id in (:ids) and r.status = 'SUBMITTED'
							""")
				.param("set", setId)
				.param("period", period)
				.param("district", district)
				.param("ids", institutions)
				.update();
			recompute(jdbc, setId, period, district);
		});
	}

	/**
	 * Rebuilds everything kept by district for a set from its submitted reports: for
	 * reports loaded outside the application (the national data generator, a restore).
	 * Part of the caller's transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void rebuild(long setId) {
		jdbc.sql("delete from measure_district_value where set_id = :set").param("set", setId).update();
		jdbc.sql(
				"""
						insert into measure_district_value (set_id, period, region_code, measure_id, institution_id,
						                                    numerator, denominator, value)
						select r.set_id, r.period, r.region_code, v.measure_id, r.institution_id, v.numerator, v.denominator, v.value
						from measure_report r join measure_value v on v.report_id = r.id
						where r.set_id = :set and r.status = 'SUBMITTED'
						""")
			.param("set", setId)
			.update();
		recomputeAll(jdbc, setId);
	}

	/** Decides every district's distributions and outlier flags of a set again. */
	static void recomputeAll(JdbcClient jdbc, Long setId) {
		jdbc.sql("""
				select distinct set_id, period, region_code from measure_district_value
				where :set is null or set_id = :set order by 1, 2, 3
				""")
			.param("set", setId, java.sql.Types.BIGINT)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3) })
			.list()
			.forEach(key -> recompute(jdbc, (Long) key[0], (String) key[1], (String) key[2]));
	}

	/**
	 * Decides a district's distributions and outlier flags of a period again from its
	 * kept values. Static, so that the migration that introduced the flags (V52) decides
	 * them by the same rule.
	 */
	static void recompute(JdbcClient jdbc, long setId, String period, String district) {
		Map<Long, MeasureUnit> units = new HashMap<>();
		Map<Long, MeasureDirection> directions = new HashMap<>();
		jdbc.sql("select id, unit, direction from quality_measure where set_id = :set")
			.param("set", setId)
			.query((rs, n) -> {
				units.put(rs.getLong("id"), MeasureUnit.valueOf(rs.getString("unit")));
				directions.put(rs.getLong("id"), MeasureDirection.valueOf(rs.getString("direction")));
				return 0;
			})
			.list();
		Map<Long, List<MeasureBenchmark.Row>> rows = new LinkedHashMap<>();
		jdbc.sql("""
				select measure_id, institution_id, numerator, denominator, value from measure_district_value
				where set_id = :set and period = :period and region_code = :district
				order by measure_id, institution_id
				""")
			.param("set", setId)
			.param("period", period)
			.param("district", district)
			.query((rs, n) -> rows.computeIfAbsent(rs.getLong("measure_id"), k -> new ArrayList<>())
				.add(new MeasureBenchmark.Row(rs.getLong("institution_id"), "", district, rs.getBigDecimal("numerator"),
						rs.getBigDecimal("denominator"), rs.getBigDecimal("value"))))
			.list();
		jdbc.sql(
				"delete from measure_district_stat where set_id = :set and period = :period and region_code = :district")
			.param("set", setId)
			.param("period", period)
			.param("district", district)
			.update();
		jdbc.sql("""
				update measure_district_value set outlier = false
				where set_id = :set and period = :period and region_code = :district and outlier
				""").param("set", setId).param("period", period).param("district", district).update();
		rows.forEach((measureId, of) -> {
			MeasureBenchmark.Scored scored = MeasureBenchmark.score(units.get(measureId), directions.get(measureId),
					of);
			if (!scored.distribution().hasValues()) {
				return;
			}
			jdbc.sql(
					"""
							insert into measure_district_stat (set_id, period, region_code, measure_id, institutions, q1, median, q3,
							                                   numerator_sum, denominator_sum, sorted_values)
							values (:set, :period, :district, :measure, :institutions, :q1, :median, :q3, :numerators, :denominators,
							        cast(:sorted as double precision[]))
							""")
				.param("set", setId)
				.param("period", period)
				.param("district", district)
				.param("measure", measureId)
				.param("institutions", scored.distribution().institutions())
				.param("q1", scored.distribution().q1())
				.param("median", scored.distribution().median())
				.param("q3", scored.distribution().q3())
				.param("numerators", scored.numeratorSum())
				.param("denominators", units.get(measureId).isRate() ? scored.denominatorSum() : null)
				.param("sorted",
						scored.sortedValues().stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
				.update();
			List<Long> outliers = scored.entries()
				.stream()
				.filter(MeasureBenchmark.Entry::outlier)
				.map(MeasureBenchmark.Entry::institutionId)
				.toList();
			if (!outliers.isEmpty()) {
				jdbc.sql("""
						update measure_district_value set outlier = true
						where set_id = :set and period = :period and region_code = :district and measure_id = :measure
						  and institution_id in (:ids)
						""")
					.param("set", setId)
					.param("period", period)
					.param("district", district)
					.param("measure", measureId)
					.param("ids", outliers)
					.update();
			}
		});
	}

	/** A district's rows of a period, by measure id. */
	Map<Long, Stat> of(long setId, String period, String district) {
		Map<Long, Stat> stats = new HashMap<>();
		jdbc.sql("""
				select measure_id, institutions, q1, median, q3, numerator_sum, denominator_sum
				from measure_district_stat where set_id = :set and period = :period and region_code = :district
				""")
			.param("set", setId)
			.param("period", period)
			.param("district", district)
			.query((rs, n) -> stats.put(rs.getLong("measure_id"), stat(rs)))
			.list();
		return stats;
	}

	/**
	 * A district's distributions in several periods, by period key and measure id: one
	 * statement for a feedback report's trend.
	 */
	Map<String, Map<Long, Stat>> of(long setId, Collection<String> periods, String district) {
		Map<String, Map<Long, Stat>> stats = new HashMap<>();
		jdbc.sql("""
				select period, measure_id, institutions, q1, median, q3, numerator_sum, denominator_sum
				from measure_district_stat where set_id = :set and period in (:periods) and region_code = :district
				""")
			.param("set", setId)
			.param("periods", periods)
			.param("district", district)
			.query((rs, n) -> stats.computeIfAbsent(rs.getString("period"), k -> new HashMap<>())
				.put(rs.getLong("measure_id"), stat(rs)))
			.list();
		return stats;
	}

	/**
	 * An institution's place in its district in a period, by measure id: its percentile
	 * rank (binary search in the district's sorted values) and whether its value is
	 * flagged as an outlier.
	 */
	Map<Long, Place> placesOf(long setId, String period, String district, long institutionId,
			Map<Long, BigDecimal> ownValues) {
		Map<Long, Place> places = new HashMap<>();
		if (ownValues.isEmpty()) {
			return places;
		}
		// PostgreSQL's width_bucket counts the kept sorted values not above a number by
		// binary search: not above the value, and not above the next double below it (so
		// below it). Reading the arrays instead (up to 3,000 values for each of twenty
		// measures) was 40 % of the feedback report's time; they are stored uncompressed
		// (V57), as decompressing them at each use was most of this statement's.
		List<Long> measures = new ArrayList<>();
		ownValues.forEach((measure, value) -> {
			if (value == null) {
				places.put(measure, new Place(null, false));
			}
			else {
				measures.add(measure);
			}
		});
		List<Double> own = measures.stream().map(m -> BenchmarkMath.toDouble(ownValues.get(m))).toList();
		jdbc.sql("""
				select o.measure_id, cardinality(s.sorted_values) as counted,
				       width_bucket(o.value, s.sorted_values) as not_above,
				       width_bucket(o.just_below, s.sorted_values) as below,
				       coalesce(d.outlier, false) as outlier
				from unnest(cast(:measures as bigint[]), cast(:values as float8[]), cast(:below as float8[]))
				     as o(measure_id, value, just_below)
				join measure_district_stat s on s.set_id = :set and s.period = :period and s.region_code = :district
				     and s.measure_id = o.measure_id
				left join measure_district_value d on d.set_id = :set and d.period = :period
				     and d.region_code = :district and d.measure_id = o.measure_id and d.institution_id = :id
				""")
			.param("measures", measures.toArray(Long[]::new))
			.param("values", own.toArray(Double[]::new))
			.param("below", own.stream().map(Math::nextDown).toArray(Double[]::new))
			.param("set", setId)
			.param("period", period)
			.param("district", district)
			.param("id", institutionId)
			.query((rs, n) -> {
				int counted = rs.getInt("counted");
				Double rank = counted == 0 ? null
						: BenchmarkMath.percentileRank(rs.getInt("below"), rs.getInt("not_above"), counted);
				return places.put(rs.getLong("measure_id"), new Place(rank, rs.getBoolean("outlier")));
			})
			.list();
		return places;
	}

	/** An institution's percentile rank (null without a value) and outlier flag. */
	record Place(Double percentileRank, boolean outlier) {
	}

	/** A district's rows of one measure over some periods, by period key. */
	Map<String, Stat> trend(long setId, Collection<String> periods, String district, long measureId) {
		Map<String, Stat> stats = new HashMap<>();
		jdbc.sql("""
				select period, institutions, q1, median, q3, numerator_sum, denominator_sum
				from measure_district_stat
				where set_id = :set and period in (:periods) and region_code = :district and measure_id = :measure
				""")
			.param("set", setId)
			.param("periods", periods)
			.param("district", district)
			.param("measure", measureId)
			.query((rs, n) -> stats.put(rs.getString("period"), stat(rs)))
			.list();
		return stats;
	}

	private static Stat stat(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Stat(rs.getInt("institutions"), rs.getBigDecimal("q1"), rs.getBigDecimal("median"),
				rs.getBigDecimal("q3"), rs.getBigDecimal("numerator_sum"), rs.getBigDecimal("denominator_sum"));
	}

}
