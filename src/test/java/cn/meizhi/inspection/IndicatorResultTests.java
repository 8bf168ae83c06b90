package cn.meizhi.inspection;

import java.math.BigDecimal;
import java.util.Random;

import cn.meizhi.inspection.IndicatorResult.Result;
import cn.meizhi.standard.Score;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An indicator's public result from its score, on generated scores. */
class IndicatorResultTests {

	@Test
	void fullMarksAreMetZeroIsNotMetAndAnythingBetweenIsPartlyMet() {
		Random random = new Random(23);
		for (int n = 0; n < 10_000; n++) {
			BigDecimal step = random.nextBoolean() ? BigDecimal.ONE : new BigDecimal("0.5");
			BigDecimal max = step.multiply(BigDecimal.valueOf(1 + random.nextInt(20)));
			BigDecimal value = step.multiply(BigDecimal.valueOf(random.nextInt(max.divide(step).intValue() + 1)));
			Result expected = value.compareTo(max) == 0 ? Result.MET
					: value.signum() == 0 ? Result.NOT_MET : Result.PARTLY_MET;
			assertThat(Result.of(Score.of(value), max)).as("%s of %s", value, max).isEqualTo(expected);
		}
		assertThat(Result.of(Score.NOT_APPLICABLE, BigDecimal.TEN)).isEqualTo(Result.NOT_APPLICABLE);
		assertThat(Result.of(null, BigDecimal.TEN)).isEqualTo(Result.NOT_SCORED);
	}

}
