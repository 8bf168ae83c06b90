package cn.meizhi.region;

import cn.meizhi.shared.Jurisdiction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JurisdictionTests {

	@Test
	void aProvinceCoversEveryRegionStartingWithItsTwoDigits() {
		Jurisdiction zhejiang = Jurisdiction.of("330000");
		assertThat(zhejiang.prefix()).isEqualTo("33");
		assertThat(zhejiang.covers("330102")).isTrue();
		assertThat(zhejiang.covers("331100")).isTrue();
		assertThat(zhejiang.covers("320105")).isFalse();
	}

	@Test
	void aCityCoversItsDistrictsOnly() {
		Jurisdiction hangzhou = Jurisdiction.of("330100");
		assertThat(hangzhou.prefix()).isEqualTo("3301");
		assertThat(hangzhou.covers("330102")).isTrue();
		assertThat(hangzhou.covers("330182")).isTrue();
		assertThat(hangzhou.covers("330200")).isFalse();
		assertThat(hangzhou.covers((String) null)).isFalse();
	}

	@Test
	void aDistrictCoversItselfOnly() {
		Jurisdiction shangcheng = Jurisdiction.of("330102");
		assertThat(shangcheng.covers("330102")).isTrue();
		assertThat(shangcheng.covers("330106")).isFalse();
	}

	@Test
	void jurisdictionsNest() {
		assertThat(Jurisdiction.of("330100").covers(Jurisdiction.of("330102"))).isTrue();
		assertThat(Jurisdiction.of("330102").covers(Jurisdiction.of("330100"))).isFalse();
	}

	@Test
	void refusesCodesThatAreNotSixDigits() {
		assertThatIllegalArgumentException().isThrownBy(() -> Jurisdiction.of("3301"));
		assertThatIllegalArgumentException().isThrownBy(() -> Jurisdiction.of("33010A"));
	}

}
