package cn.meizhi.qualitymeasure;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each district's quartiles of a measure in a period ({@code measure_district_stat}),
 * recomputed from the district's submitted values by the transaction that changes one of
 * them (a submission, a correction, a return, the centre's import). Two such transactions
 * in one district take turns on a transaction-level advisory lock, so the later one
 * recomputes after the earlier one committed and sees its values: the row is never short
 * of a report once both have committed.
 */
@Component
class MeasureDistrictStats {

	/** A district's distribution of one measure. */
	record Stat(int institutions, BigDecimal q1, BigDecimal median, BigDecimal q3, BigDecimal numeratorSum,
			BigDecimal denominatorSum) {
	}

	private final JdbcClient jdbc;

	MeasureDistrictStats(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Recomputes the districts' rows of a period; part of the caller's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	void refresh(long setId, String period, Collection<String> districts) {
		for (String district : districts.stream().distinct().sorted().toList()) {
			jdbc.sql("select pg_advisory_xact_lock(hashtext('measure_district_stat'), hashtext(:key))")
				.param("key", setId + "/" + period + "/" + district)
				.query()
				.listOfRows();
			jdbc.sql(
					"delete from measure_district_stat where set_id = :set and period = :period and region_code = :district")
				.param("set", setId)
				.param("period", period)
				.param("district", district)
				.update();
			jdbc.sql(
					"""
							insert into measure_district_stat (set_id, period, region_code, measure_id, institutions, q1, median, q3,
							                                   numerator_sum, denominator_sum)
							select r.set_id, r.period, r.region_code, v.measure_id, count(*),
							       percentile_cont(0.25) within group (order by v.value),
							       percentile_cont(0.5) within group (order by v.value),
							       percentile_cont(0.75) within group (order by v.value),
							       sum(v.numerator), sum(v.denominator)
							from measure_report r join measure_value v on v.report_id = r.id
							where r.set_id = :set and r.period = :period and r.region_code = :district
							  and r.status = 'SUBMITTED' and v.value is not null
							group by r.set_id, r.period, r.region_code, v.measure_id
							""")
				.param("set", setId)
				.param("period", period)
				.param("district", district)
				.update();
		}
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
			.query((rs, n) -> stats.put(rs.getLong("measure_id"),
					new Stat(rs.getInt("institutions"), rs.getBigDecimal("q1"), rs.getBigDecimal("median"),
							rs.getBigDecimal("q3"), rs.getBigDecimal("numerator_sum"),
							rs.getBigDecimal("denominator_sum"))))
			.list();
		return stats;
	}

}
