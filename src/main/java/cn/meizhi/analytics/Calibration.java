package cn.meizhi.analytics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The arithmetic of comparing self-scores with assessors' scores, on plain rows and
 * without a database, so that it can be checked against numbers worked by hand.
 * <p>
 * A score is read as a share of its indicator's maximum, and as one of three levels, as
 * the public results show it: not met (0), partly met (between), met (full marks). A gap
 * is the self-score minus the assessors' score, in percentage points of the maximum:
 * positive where the institution rated itself higher than the assessors did.
 */
public final class Calibration {

	/** Levels of a score: not met, partly met, met. */
	static final int LEVELS = 3;

	/**
	 * A deviation beyond this many percentage points marks an assessor as stricter or
	 * more lenient.
	 */
	public static final double NOTABLE_POINTS = 10;

	private Calibration() {
	}

	/**
	 * One indicator of one institution in one cycle, scored by the institution and by the
	 * assessors.
	 *
	 * @param institutionId the institution
	 * @param indicatorId the indicator
	 * @param self the share of the maximum the institution gave itself, 0 to 1
	 * @param assessed the share the assessors gave, 0 to 1
	 */
	public record Pair(long institutionId, long indicatorId, double self, double assessed) {

		double gapPoints() {
			return (self - assessed) * 100;
		}

	}

	/**
	 * One score an assessor gave.
	 *
	 * @param assessor the assessor's user name
	 * @param indicatorId the indicator
	 * @param inspectionId the inspection
	 * @param share the share of the maximum given, 0 to 1
	 */
	public record Given(String assessor, long indicatorId, long inspectionId, double share) {
	}

	/** Where institutions' self-scores differ from the assessors' on one indicator. */
	public record IndicatorGap(long indicatorId, int pairs, double meanSelf, double meanAssessed, double meanGap,
			double overRatedShare) {
	}

	/** How well one institution's self-assessment agrees with the assessors. */
	public record InstitutionCalibration(long institutionId, int pairs, double meanGap, Double kappa) {
	}

	/**
	 * How one assessor's scores compare with other assessors' on the same indicators.
	 *
	 * @param scores the scores given
	 * @param compared of them, on indicators other assessors scored too
	 * @param meanGiven the mean share given, in percent
	 * @param meanPeers the mean share other assessors gave on the same indicators, in
	 * percent (each of this assessor's scores against the peers' mean on its indicator)
	 * @param deviation meanGiven minus meanPeers over the compared scores, in points
	 * @param levelShares the share of not met, partly met and met among the scores
	 */
	public record AssessorConsistency(String assessor, int scores, int compared, double meanGiven, Double meanPeers,
			Double deviation, double[] levelShares) {

		/** Stricter (−1), in line (0) or more lenient (+1) than the other assessors. */
		public int tendency() {
			return deviation == null || Math.abs(deviation) < NOTABLE_POINTS ? 0 : deviation < 0 ? -1 : 1;
		}

	}

	/** The level of a share of the maximum: 0 not met, 1 partly met, 2 met. */
	static int level(double share) {
		return share <= 0 ? 0 : share >= 1 ? 2 : 1;
	}

	/**
	 * Cohen's kappa with linear weights over the three levels, for two raters of the same
	 * items; null when it is undefined (every rating in one level, so no disagreement was
	 * to be expected).
	 */
	public static Double weightedKappa(Collection<int[]> levelPairs) {
		int n = levelPairs.size();
		if (n == 0) {
			return null;
		}
		double[][] observed = new double[LEVELS][LEVELS];
		double[] rows = new double[LEVELS];
		double[] columns = new double[LEVELS];
		for (int[] pair : levelPairs) {
			observed[pair[0]][pair[1]]++;
			rows[pair[0]]++;
			columns[pair[1]]++;
		}
		double disagreeObserved = 0;
		double disagreeExpected = 0;
		for (int i = 0; i < LEVELS; i++) {
			for (int j = 0; j < LEVELS; j++) {
				double weight = Math.abs(i - j) / (double) (LEVELS - 1);
				disagreeObserved += weight * observed[i][j];
				disagreeExpected += weight * rows[i] * columns[j] / n;
			}
		}
		return disagreeExpected == 0 ? null : 1 - disagreeObserved / disagreeExpected;
	}

	/** Per indicator, the largest mean gap (most over-rated) first. */
	public static List<IndicatorGap> byIndicator(List<Pair> pairs) {
		return grouped(pairs, Pair::indicatorId).entrySet().stream().map(e -> {
			List<Pair> of = e.getValue();
			return new IndicatorGap(e.getKey(), of.size(), mean(of, p -> p.self() * 100),
					mean(of, p -> p.assessed() * 100), mean(of, Pair::gapPoints),
					of.stream().filter(p -> p.self() > p.assessed()).count() * 100.0 / of.size());
		})
			.sorted(Comparator.comparingDouble(IndicatorGap::meanGap)
				.reversed()
				.thenComparing(IndicatorGap::indicatorId))
			.toList();
	}

	/** Per institution, the largest mean gap first. */
	public static List<InstitutionCalibration> byInstitution(List<Pair> pairs) {
		return grouped(pairs, Pair::institutionId).entrySet()
			.stream()
			.map(e -> new InstitutionCalibration(e.getKey(), e.getValue().size(), mean(e.getValue(), Pair::gapPoints),
					kappaOf(e.getValue())))
			.sorted(Comparator.comparingDouble(InstitutionCalibration::meanGap)
				.reversed()
				.thenComparing(InstitutionCalibration::institutionId))
			.toList();
	}

	/** Agreement of all the pairs at once. */
	public static Double kappaOf(List<Pair> pairs) {
		return weightedKappa(pairs.stream().map(p -> new int[] { level(p.self()), level(p.assessed()) }).toList());
	}

	public static double meanGap(List<Pair> pairs) {
		return pairs.isEmpty() ? 0 : mean(pairs, Pair::gapPoints);
	}

	/**
	 * Per assessor, against the other assessors' scores on the same indicators; the
	 * strictest first.
	 */
	public static List<AssessorConsistency> byAssessor(List<Given> given) {
		Map<Long, List<Given>> byIndicator = grouped(given, Given::indicatorId);
		List<AssessorConsistency> result = new ArrayList<>();
		for (var entry : grouped(given, Given::assessor).entrySet()) {
			List<Given> own = entry.getValue();
			double[] levels = new double[LEVELS];
			own.forEach(g -> levels[level(g.share())] += 100.0 / own.size());
			double gaveSum = 0;
			double peersSum = 0;
			int compared = 0;
			for (Given g : own) {
				List<Given> peers = byIndicator.get(g.indicatorId())
					.stream()
					.filter(p -> !p.assessor().equals(entry.getKey()))
					.toList();
				if (!peers.isEmpty()) {
					compared++;
					gaveSum += g.share() * 100;
					peersSum += mean(peers, p -> p.share() * 100);
				}
			}
			result.add(new AssessorConsistency(entry.getKey(), own.size(), compared, mean(own, g -> g.share() * 100),
					compared == 0 ? null : peersSum / compared, compared == 0 ? null : (gaveSum - peersSum) / compared,
					levels));
		}
		result.sort(Comparator
			.comparing((AssessorConsistency a) -> a.deviation() == null ? Double.MAX_VALUE : a.deviation())
			.thenComparing(AssessorConsistency::assessor));
		return result;
	}

	private static <T, K> Map<K, List<T>> grouped(List<T> rows, Function<T, K> key) {
		Map<K, List<T>> groups = new HashMap<>();
		rows.forEach(row -> groups.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row));
		return groups;
	}

	private static <T> double mean(List<T> rows, java.util.function.ToDoubleFunction<T> value) {
		return rows.stream().collect(Collectors.averagingDouble(value));
	}

}
