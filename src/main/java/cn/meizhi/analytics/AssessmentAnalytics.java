package cn.meizhi.analytics;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import cn.meizhi.analytics.Calibration.AssessorConsistency;
import cn.meizhi.analytics.Calibration.Given;
import cn.meizhi.analytics.Calibration.Pair;
import cn.meizhi.cycle.CycleManagement;
import cn.meizhi.cycle.EvaluationCycle;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionSummary;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.shared.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Self-assessment against the assessors, for a regulator: over one cycle of the
 * jurisdiction or all of them. Reads the owning modules' views; the arithmetic is
 * {@link Calibration}'s.
 */
@Service
public class AssessmentAnalytics {

	private final JdbcClient jdbc;

	private final CycleManagement cycles;

	private final InstitutionManagement institutions;

	AssessmentAnalytics(JdbcClient jdbc, CycleManagement cycles, InstitutionManagement institutions) {
		this.jdbc = jdbc;
		this.cycles = cycles;
		this.institutions = institutions;
	}

	/** An indicator's row: where institutions over-rate themselves. */
	public record IndicatorRow(String code, String title, Calibration.IndicatorGap gap) {
	}

	/** An institution's row: how its self-assessment agrees with the assessors. */
	public record InstitutionRow(String name, Calibration.InstitutionCalibration calibration) {
	}

	/**
	 * The comparison over the chosen cycles.
	 *
	 * @param cycles the jurisdiction's cycles, to choose from
	 * @param chosen the cycle compared, or null for all of them
	 * @param pairs indicators scored by both an institution and the assessors
	 * @param meanGap their mean gap, in points
	 * @param overRatedShare the share of pairs where the institution gave itself more
	 * @param kappa the agreement of all pairs (linear weighted kappa), null when
	 * undefined
	 * @param indicators per indicator, the most over-rated first
	 * @param institutions per institution, the most over-rated first
	 * @param assessors per assessor, the strictest first
	 */
	public record Report(List<EvaluationCycle> cycles, EvaluationCycle chosen, int pairs, double meanGap,
			double overRatedShare, Double kappa, List<IndicatorRow> indicators, List<InstitutionRow> institutions,
			List<AssessorConsistency> assessors) {
	}

	public Report report(CurrentUser regulator, Long cycleId, Locale locale) {
		if (!regulator.is(Role.REGULATOR)) {
			throw new NotFoundException("Analytics", regulator.username());
		}
		List<EvaluationCycle> all = cycles.list(regulator);
		EvaluationCycle chosen = cycleId == null ? null : cycles.get(regulator, cycleId);
		Long[] ids = (chosen == null ? all : List.of(chosen)).stream().map(EvaluationCycle::getId).toArray(Long[]::new);
		List<Pair> pairs = jdbc
			.sql("""
					select c.institution_id, c.indicator_id, c.score / x.max_score as self, a.score / x.max_score as assessed
					from claimed_score c
					join (select cycle_id, institution_id, indicator_id, avg(score) as score from assessed_score
					      where cycle_id = any (cast(:cycles as bigint[])) group by cycle_id, institution_id, indicator_id) a
					  on a.cycle_id = c.cycle_id and a.institution_id = c.institution_id and a.indicator_id = c.indicator_id
					join indicator_scale x on x.indicator_id = c.indicator_id
					where c.cycle_id = any (cast(:cycles as bigint[]))
					""")
			.param("cycles", ids)
			.query((rs, n) -> new Pair(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4)))
			.list();
		List<Given> given = jdbc.sql("""
				select a.assessor, a.indicator_id, a.inspection_id, a.score / x.max_score as share
				from assessed_score a join indicator_scale x on x.indicator_id = a.indicator_id
				where a.cycle_id = any (cast(:cycles as bigint[]))
				""")
			.param("cycles", ids)
			.query((rs, n) -> new Given(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4)))
			.list();
		Map<Long, String[]> labels = jdbc.sql(
				"select indicator_id, code, title, title_en from indicator_scale where indicator_id = any (cast(:ids as bigint[]))")
			.param("ids", pairs.stream().map(Pair::indicatorId).distinct().toArray(Long[]::new))
			.query((rs,
					n) -> new Object[] { rs.getLong(1),
							new String[] { rs.getString(2),
									"en".equals(locale.getLanguage()) ? rs.getString(4) : rs.getString(3) } })
			.list()
			.stream()
			.collect(Collectors.toMap(row -> (Long) row[0], row -> (String[]) row[1]));
		Map<Long, InstitutionSummary> names = institutions
			.summaries(pairs.stream().map(Pair::institutionId).distinct().toList());
		List<IndicatorRow> indicatorRows = Calibration.byIndicator(pairs).stream().map(gap -> {
			String[] label = labels.getOrDefault(gap.indicatorId(), new String[] { "", "" });
			return new IndicatorRow(label[0], label[1], gap);
		}).toList();
		List<InstitutionRow> institutionRows = Calibration.byInstitution(pairs)
			.stream()
			.map(c -> new InstitutionRow(nameOf(names, c.institutionId()), c))
			.toList();
		double overRated = pairs.isEmpty() ? 0
				: pairs.stream().filter(p -> p.self() > p.assessed()).count() * 100.0 / pairs.size();
		return new Report(all, chosen, pairs.size(), Calibration.meanGap(pairs), overRated, Calibration.kappaOf(pairs),
				indicatorRows, institutionRows, Calibration.byAssessor(given));
	}

	private static String nameOf(Map<Long, InstitutionSummary> names, long id) {
		return java.util.Optional.ofNullable(names.get(id)).map(InstitutionSummary::name).orElse("#" + id);
	}

}
