package cn.meizhi.analytics;

import java.util.ArrayList;
import java.util.List;

import cn.meizhi.analytics.Calibration.AssessorConsistency;
import cn.meizhi.analytics.Calibration.Given;
import cn.meizhi.analytics.Calibration.IndicatorGap;
import cn.meizhi.analytics.Calibration.Pair;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The comparison's arithmetic against numbers worked by hand. */
class CalibrationTests {

	@Test
	void weightedKappaMatchesAHandWorkedTable() {
		// self (rows) × assessors (columns), levels not met / partly / met:
		// [[2,1,0],[1,3,1],[0,1,1]], n = 10; rows and columns 3, 5, 2.
		// disagreement observed 0.5 × (1+1+1+1) = 2.0; expected 0.5 × (1.5+1.5+1+1) + 1 ×
		// (0.6+0.6) = 3.7
		// kappa = 1 − 2 / 3.7 = 17 / 37
		List<int[]> pairs = new ArrayList<>();
		int[][] table = { { 2, 1, 0 }, { 1, 3, 1 }, { 0, 1, 1 } };
		for (int i = 0; i < 3; i++) {
			for (int j = 0; j < 3; j++) {
				for (int k = 0; k < table[i][j]; k++) {
					pairs.add(new int[] { i, j });
				}
			}
		}
		assertThat(Calibration.weightedKappa(pairs)).isCloseTo(17.0 / 37, within(1e-12));
	}

	@Test
	void kappaIsOneForFullAgreementMinusOneForOppositesAndUndefinedWithoutSpread() {
		assertThat(Calibration.weightedKappa(List.of(new int[] { 0, 0 }, new int[] { 1, 1 }, new int[] { 2, 2 })))
			.isEqualTo(1.0);
		assertThat(Calibration
			.weightedKappa(List.of(new int[] { 0, 2 }, new int[] { 0, 2 }, new int[] { 2, 0 }, new int[] { 2, 0 })))
			.isEqualTo(-1.0);
		assertThat(Calibration.weightedKappa(List.of(new int[] { 2, 2 }, new int[] { 2, 2 }))).isNull();
		assertThat(Calibration.weightedKappa(List.of())).isNull();
	}

	@Test
	void levelsAreThoseThePublicResultsUse() {
		assertThat(Calibration.level(0)).isZero();
		assertThat(Calibration.level(0.01)).isEqualTo(1);
		assertThat(Calibration.level(0.99)).isEqualTo(1);
		assertThat(Calibration.level(1)).isEqualTo(2);
	}

	@Test
	void gapsPerIndicatorAndInstitutionAreSelfMinusAssessorsInPoints() {
		List<Pair> pairs = List.of(new Pair(10, 1, 1.0, 0.5), new Pair(11, 1, 0.8, 0.8), new Pair(10, 2, 0.0, 0.5));

		List<IndicatorGap> indicators = Calibration.byIndicator(pairs);
		assertThat(indicators).extracting(IndicatorGap::indicatorId).containsExactly(1L, 2L);
		IndicatorGap first = indicators.get(0);
		assertThat(first.pairs()).isEqualTo(2);
		assertThat(first.meanSelf()).isCloseTo(90, within(1e-9));
		assertThat(first.meanAssessed()).isCloseTo(65, within(1e-9));
		assertThat(first.meanGap()).isCloseTo(25, within(1e-9));
		assertThat(first.overRatedShare()).isCloseTo(50, within(1e-9));
		assertThat(indicators.get(1).meanGap()).isCloseTo(-50, within(1e-9));

		var institutions = Calibration.byInstitution(pairs);
		// institution 11: one pair, gap 0; institution 10: gaps +50 and −50, mean 0 →
		// ordered by id
		assertThat(institutions).extracting(Calibration.InstitutionCalibration::institutionId)
			.containsExactly(10L, 11L);
		assertThat(institutions.get(0).meanGap()).isCloseTo(0, within(1e-9));
		// institution 10: levels (met, partly) and (not met, partly): expected
		// disagreement
		// 0.5 × (1×2/2 … ) worked: rows {0:1, 2:1}, columns {1:2}; observed 0.5 + 0.5 =
		// 1.0,
		// expected 0.5 × 1 + 0.5 × 1 = 1.0 → kappa 0
		assertThat(institutions.get(0).kappa()).isCloseTo(0, within(1e-12));
		assertThat(Calibration.meanGap(pairs)).isCloseTo(0, within(1e-9));
	}

	@Test
	void anAssessorIsComparedWithTheOthersOnTheSameIndicators() {
		List<Given> given = List.of(new Given("a", 1, 1, 1.0), new Given("a", 2, 1, 0.5), new Given("b", 1, 2, 0.5),
				new Given("b", 2, 2, 0.0), new Given("c", 1, 3, 0.0));

		List<AssessorConsistency> assessors = Calibration.byAssessor(given);
		assertThat(assessors).extracting(AssessorConsistency::assessor).containsExactly("c", "b", "a");
		// c: gave 0 on 1, where a and b gave 100 and 50 (mean 75): −75
		AssessorConsistency c = assessors.get(0);
		assertThat(c.meanPeers()).isCloseTo(75, within(1e-9));
		assertThat(c.deviation()).isCloseTo(-75, within(1e-9));
		assertThat(c.tendency()).isEqualTo(-1);
		// b: 50 on 1 (peers 100, 0: 50), 0 on 2 (peer 50): gave 25, peers 50, −25
		AssessorConsistency b = assessors.get(1);
		assertThat(b.meanGiven()).isCloseTo(25, within(1e-9));
		assertThat(b.meanPeers()).isCloseTo(50, within(1e-9));
		assertThat(b.deviation()).isCloseTo(-25, within(1e-9));
		// a: 100 on 1 (peers 50, 0: 25), 50 on 2 (peer 0): gave 75, peers 12.5, +62.5
		AssessorConsistency a = assessors.get(2);
		assertThat(a.deviation()).isCloseTo(62.5, within(1e-9));
		assertThat(a.tendency()).isEqualTo(1);
		assertThat(a.levelShares()).containsExactly(0, 50, 50);
		assertThat(a.compared()).isEqualTo(2);
	}

	@Test
	void anAssessorAloneOnTheirIndicatorsHasNothingToBeComparedWith() {
		var alone = Calibration.byAssessor(List.of(new Given("solo", 7, 1, 0.5)));
		assertThat(alone).singleElement().satisfies(s -> {
			assertThat(s.compared()).isZero();
			assertThat(s.deviation()).isNull();
			assertThat(s.tendency()).isZero();
		});
	}

}
