package cn.meizhi.standard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.meizhi.standard.RatingOutcome.Reason.Kind;
import cn.meizhi.standard.ScoringModel.IndicatorModel;
import cn.meizhi.standard.ScoringModel.SectionModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RatingEngineTests {

	private final RatingEngine engine = new RatingEngine();

	/** Thresholds 60/70/80/88/94, core cap 2 stars, section minimum 70%. */
	static RatingRules rules(int coreCap) {
		return new RatingRules(List.of(bd("60"), bd("70"), bd("80"), bd("88"), bd("94")), coreCap, bd("70"), 15, 36,
				30);
	}

	/**
	 * Two sections: A (weight 60) with one 10-point indicator, B (weight 40) with one
	 * 10-point indicator.
	 */
	static ScoringModel twoSections() {
		return new ScoringModel(rules(2),
				List.of(new SectionModel("A", bd("60"), List.of(new IndicatorModel("a1", bd("10"), false, true))),
						new SectionModel("B", bd("40"), List.of(new IndicatorModel("b1", bd("10"), false, true)))));
	}

	@ParameterizedTest(name = "total {0} gives {1} stars")
	@CsvSource({ "0, 0", "59.9, 0", "59.95, 1", "60, 1", "69.9, 1", "70, 2", "79.94, 2", "79.95, 3", "80, 3", "87.9, 3",
			"88, 4", "93.9, 4", "94, 5", "100, 5" })
	void starsFollowTheThresholdsOnTheRoundedTotal(String total, int stars) {
		var decision = engine.decide(rules(2), new BigDecimal(total), List.of(), List.of());
		assertThat(decision.stars()).isEqualTo(stars);
		assertThat(decision.reasons().get(0).kind())
			.isEqualTo(stars == 0 ? Kind.BELOW_LOWEST_THRESHOLD : Kind.THRESHOLD);
	}

	@ParameterizedTest(name = "a1={0}, b1={1} → total {2}, {3} stars")
	@CsvSource({ "10, 10, 100.0, 5", "10, 0, 60.0, 1", "0, 10, 40.0, 0", "8, 9, 84.0, 3", "9, 9.5, 92.0, 4",
			"9.5, 9.5, 95.0, 5", "6.5, 5, 59.0, 0", "7, 5, 62.0, 1" })
	void weightsSectionsAndRoundsHalfUp(String a, String b, String total, int stars) {
		RatingOutcome outcome = engine.evaluate(twoSections(), Map.of("a1", Score.of(a), "b1", Score.of(b)));
		assertThat(outcome.total()).isEqualByComparingTo(total);
		assertThat(outcome.stars()).isEqualTo(stars);
	}

	@Test
	void aSectionBelowTheMinimumCapsFourAndFiveStarsAtThree() {
		ScoringModel model = new ScoringModel(rules(2),
				List.of(new SectionModel("A", bd("90"), List.of(new IndicatorModel("a1", bd("10"), false, true))),
						new SectionModel("B", bd("10"), List.of(new IndicatorModel("b1", bd("10"), false, true)))));
		RatingOutcome outcome = engine.evaluate(model, Map.of("a1", Score.of("10"), "b1", Score.of("6.5")));
		assertThat(outcome.total()).isEqualByComparingTo("96.5");
		assertThat(outcome.stars()).isEqualTo(3);
		assertThat(outcome.reasons()).extracting(RatingOutcome.Reason::kind)
			.containsExactly(Kind.THRESHOLD, Kind.SECTION_MINIMUM);
		assertThat(outcome.reasons().get(1).subject()).isEqualTo("B");
	}

	@Test
	void exactlyTheSectionMinimumIsEnough() {
		ScoringModel model = new ScoringModel(rules(2),
				List.of(new SectionModel("A", bd("90"), List.of(new IndicatorModel("a1", bd("10"), false, true))),
						new SectionModel("B", bd("10"), List.of(new IndicatorModel("b1", bd("10"), false, true)))));
		assertThat(engine.evaluate(model, Map.of("a1", Score.of("10"), "b1", Score.of("7"))).stars()).isEqualTo(5);
	}

	@Test
	void aFailedCoreItemCapsTheStars() {
		ScoringModel model = new ScoringModel(rules(2), List.of(new SectionModel("A", bd("1"), List
			.of(new IndicatorModel("a1", bd("10"), false, true), new IndicatorModel("core", bd("5"), true, true)))));
		RatingOutcome outcome = engine.evaluate(model, Map.of("a1", Score.of("10"), "core", Score.of("4.5")));
		assertThat(outcome.total()).isEqualByComparingTo("96.7");
		assertThat(outcome.stars()).isEqualTo(2);
		assertThat(outcome.failedCoreIndicators()).containsExactly("core");
		assertThat(outcome.reasons()).extracting(RatingOutcome.Reason::kind)
			.containsExactly(Kind.THRESHOLD, Kind.CORE_CAP);
	}

	@Test
	void aCoreCapOfZeroMeansNotRated() {
		var decision = engine.decide(rules(0), bd("99"), List.of(), List.of("1.1"));
		assertThat(decision.stars()).isZero();
		assertThat(decision.reasons()).extracting(RatingOutcome.Reason::kind).contains(Kind.CORE_CAP);
	}

	@Test
	void theCoreCapDoesNotRaiseALowerRating() {
		var decision = engine.decide(rules(2), bd("65"), List.of(), List.of("1.1"));
		assertThat(decision.stars()).isEqualTo(1);
		assertThat(decision.reasons()).extracting(RatingOutcome.Reason::kind).containsExactly(Kind.THRESHOLD);
	}

	@Test
	void notApplicableCountsInNeitherPointsNorMaximum() {
		ScoringModel model = new ScoringModel(rules(2), List.of(new SectionModel("A", bd("1"), List
			.of(new IndicatorModel("a1", bd("10"), false, true), new IndicatorModel("a2", bd("10"), false, true)))));
		RatingOutcome withNa = engine.evaluate(model, Map.of("a1", Score.of("9"), "a2", Score.NOT_APPLICABLE));
		assertThat(withNa.sections().get(0).possible()).isEqualByComparingTo("10");
		assertThat(withNa.total()).isEqualByComparingTo("90.0");
	}

	@Test
	void indicatorsThatDoNotApplyToTheInstitutionCountAsNotApplicable() {
		ScoringModel model = new ScoringModel(rules(2), List.of(new SectionModel("A", bd("1"), List
			.of(new IndicatorModel("a1", bd("10"), false, true), new IndicatorModel("beds", bd("10"), false, false)))));
		assertThat(engine.evaluate(model, Map.of("a1", Score.of("10"))).total()).isEqualByComparingTo("100.0");
	}

	@Test
	void aSectionWhoseIndicatorsAreAllNotApplicableDropsOutWithItsWeight() {
		ScoringModel model = new ScoringModel(rules(2),
				List.of(new SectionModel("A", bd("50"), List.of(new IndicatorModel("a1", bd("10"), false, true))),
						new SectionModel("B", bd("50"), List.of(new IndicatorModel("b1", bd("10"), false, true)))));
		RatingOutcome outcome = engine.evaluate(model, Map.of("a1", Score.of("9"), "b1", Score.NOT_APPLICABLE));
		assertThat(outcome.sections().get(1).counts()).isFalse();
		assertThat(outcome.total()).isEqualByComparingTo("90.0");
		assertThat(outcome.stars()).isEqualTo(4);
	}

	@Test
	void nothingApplicableGivesNoStars() {
		RatingOutcome outcome = engine.evaluate(twoSections(),
				Map.of("a1", Score.NOT_APPLICABLE, "b1", Score.NOT_APPLICABLE));
		assertThat(outcome.stars()).isZero();
		assertThat(outcome.reasons()).extracting(RatingOutcome.Reason::kind).containsExactly(Kind.NOTHING_APPLICABLE);
	}

	@Test
	void unscoredIndicatorsCountAsZeroAndAreListed() {
		RatingOutcome outcome = engine.evaluate(twoSections(), Map.of("a1", Score.of("10")));
		assertThat(outcome.unscoredIndicators()).containsExactly("b1");
		assertThat(outcome.complete()).isFalse();
		assertThat(outcome.total()).isEqualByComparingTo("60.0");
	}

	@Test
	void refusesScoresOutsideTheRange() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> engine.evaluate(twoSections(), Map.of("a1", Score.of("11"), "b1", Score.of("1"))));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> engine.evaluate(twoSections(), Map.of("a1", Score.of("-1"), "b1", Score.of("1"))));
	}

	@Test
	void raisingAnyScoreNeverLowersTheStars() {
		Random random = new Random(20231101);
		for (int round = 0; round < 2000; round++) {
			ScoringModel model = randomModel(random);
			Map<String, Score> scores = randomScores(model, random);
			RatingOutcome before = engine.evaluate(model, scores);
			List<IndicatorModel> scored = new ArrayList<>();
			model.sections()
				.forEach(s -> s.indicators()
					.stream()
					.filter(i -> scores.get(i.code()) != null && !scores.get(i.code()).notApplicable())
					.forEach(scored::add));
			if (scored.isEmpty()) {
				continue;
			}
			IndicatorModel raised = scored.get(random.nextInt(scored.size()));
			BigDecimal value = scores.get(raised.code()).value();
			BigDecimal higher = value.add(BigDecimal.valueOf(0.5 * (1 + random.nextInt(4)))).min(raised.maxScore());
			Map<String, Score> better = new HashMap<>(scores);
			better.put(raised.code(), Score.of(higher));
			RatingOutcome after = engine.evaluate(model, better);
			assertThat(after.stars()).as("round %d: %s %s → %s", round, raised.code(), value, higher)
				.isGreaterThanOrEqualTo(before.stars());
			assertThat(after.total()).isGreaterThanOrEqualTo(before.total());
		}
	}

	private static ScoringModel randomModel(Random random) {
		List<SectionModel> sections = new ArrayList<>();
		int sectionCount = 1 + random.nextInt(5);
		for (int s = 0; s < sectionCount; s++) {
			List<IndicatorModel> indicators = new ArrayList<>();
			int count = 1 + random.nextInt(5);
			for (int i = 0; i < count; i++) {
				indicators.add(new IndicatorModel(s + "." + i, BigDecimal.valueOf(1 + random.nextInt(10)),
						random.nextInt(6) == 0, random.nextInt(8) != 0));
			}
			sections.add(new SectionModel("S" + s, BigDecimal.valueOf(1 + random.nextInt(30)), indicators));
		}
		return new ScoringModel(rules(random.nextInt(5)), sections);
	}

	private static Map<String, Score> randomScores(ScoringModel model, Random random) {
		Map<String, Score> scores = new HashMap<>();
		for (SectionModel section : model.sections()) {
			for (IndicatorModel indicator : section.indicators()) {
				int roll = random.nextInt(10);
				if (roll == 0) {
					scores.put(indicator.code(), Score.NOT_APPLICABLE);
				}
				else if (roll > 1) {
					int steps = indicator.maxScore().intValue() * 2;
					scores.put(indicator.code(), Score.of(BigDecimal.valueOf(random.nextInt(steps + 1) * 0.5)));
				}
			}
		}
		return scores;
	}

	private static BigDecimal bd(String value) {
		return new BigDecimal(value);
	}

}
