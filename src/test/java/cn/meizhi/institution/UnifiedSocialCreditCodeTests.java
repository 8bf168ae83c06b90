package cn.meizhi.institution;

import java.util.stream.Stream;

import cn.meizhi.institution.UnifiedSocialCreditCode.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UnifiedSocialCreditCodeTests {

	/** Codes printed on published business licences of large companies. */
	static Stream<String> publishedCodes() {
		return Stream.of("914403001922038216", "91440300708461136T", "91330100716105852F", "91330100799655058B",
				"9144030071526726XG", "91110000802100433B", "91310000717866389C", "91330000742906207U",
				"91110108551385082Q");
	}

	@ParameterizedTest
	@MethodSource("publishedCodes")
	void acceptsPublishedCodes(String code) {
		assertThat(UnifiedSocialCreditCode.problemOf(code)).isNull();
		assertThat(UnifiedSocialCreditCode.isValid(code)).isTrue();
	}

	@ParameterizedTest
	@MethodSource("publishedCodes")
	void refusesEverySingleCharacterCorruption(String code) {
		for (int position = 0; position < code.length(); position++) {
			for (char replacement : UnifiedSocialCreditCode.ALPHABET.toCharArray()) {
				if (replacement == code.charAt(position)) {
					continue;
				}
				String corrupted = code.substring(0, position) + replacement + code.substring(position + 1);
				boolean regionBroken = position >= 2 && position < 8 && !Character.isDigit(replacement);
				assertThat(UnifiedSocialCreditCode.problemOf(corrupted)).as(corrupted)
					.isEqualTo(regionBroken ? Problem.REGION : Problem.CHECK_CHARACTER);
			}
		}
	}

	@Test
	void refusesSwappedNeighbours() {
		String code = "91330100716105852F";
		String swapped = "91330100761105852F";
		assertThat(UnifiedSocialCreditCode.problemOf(swapped)).isEqualTo(Problem.CHECK_CHARACTER);
		assertThat(UnifiedSocialCreditCode.problemOf(code)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "9133010071610585", "91330100716105852FF" })
	void refusesWrongLength(String code) {
		assertThat(UnifiedSocialCreditCode.problemOf(code)).isEqualTo(Problem.LENGTH);
	}

	@ParameterizedTest
	@ValueSource(strings = { "91330100716105852I", "91330100716105852O", "9133010071610585ZF", "9133010071610585SF",
			"9133010071610585VF", "91330100716105-52F" })
	void refusesCharactersOutsideTheAlphabet(String code) {
		assertThat(UnifiedSocialCreditCode.problemOf(code)).isEqualTo(Problem.ALPHABET);
	}

	@Test
	void normalizesWhatPeopleType() {
		assertThat(UnifiedSocialCreditCode.normalize("  9144030071526726xg ")).isEqualTo("9144030071526726XG");
		assertThat(UnifiedSocialCreditCode.isValid(" 9144030071526726xg")).isTrue();
	}

	@Test
	void computesTheCheckCharacterFromTheFirstSeventeen() {
		assertThat(UnifiedSocialCreditCode.checkCharacter("91440300192203821")).isEqualTo('6');
		assertThat(UnifiedSocialCreditCode.checkCharacter("9144030071526726X")).isEqualTo('G');
		assertThatIllegalArgumentException().isThrownBy(() -> UnifiedSocialCreditCode.checkCharacter("123"));
	}

}
