package cn.meizhi.rating;

import java.math.BigDecimal;
import java.util.List;

import cn.meizhi.standard.RatingOutcome.SectionOutcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RatingSectionsTests {

	@Test
	void sectionResultsSurviveTheirWrittenFormExactlyIncludingASectionThatDoesNotCount() {
		List<SectionOutcome> sections = List.of(
				new SectionOutcome("A", new BigDecimal("30"), new BigDecimal("42.50"), new BigDecimal("50"),
						new BigDecimal("85.00")),
				new SectionOutcome("B.1-x", new BigDecimal("0.5"), BigDecimal.ZERO, BigDecimal.ZERO, null));
		String written = RatingSections.encode(sections);
		assertThat(written)
			.isEqualTo("[{\"code\":\"A\",\"weight\":30,\"earned\":42.50,\"possible\":50,\"percent\":85.00},"
					+ "{\"code\":\"B.1-x\",\"weight\":0.5,\"earned\":0,\"possible\":0,\"percent\":null}]");
		assertThat(RatingSections.decode(written)).isEqualTo(sections);
		assertThat(RatingSections.decode(written).get(1).counts()).isFalse();
	}

	@Test
	void noSectionsAndNotKeptAreDifferent() {
		assertThat(RatingSections.decode(RatingSections.encode(List.of()))).isEmpty();
		assertThat(RatingSections.encode(null)).isNull();
		assertThat(RatingSections.decode(null)).isNull();
	}

	@Test
	void aDamagedValueIsRefusedNotMisread() {
		assertThatIllegalArgumentException().isThrownBy(() -> RatingSections.decode("A:30:42.50:50:85.00"));
	}

}
