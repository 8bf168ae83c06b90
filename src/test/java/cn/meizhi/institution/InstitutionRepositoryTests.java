package cn.meizhi.institution;

import java.time.Instant;

import cn.meizhi.institution.internal.InstitutionRepository;
import cn.meizhi.shared.InstitutionType;
import cn.meizhi.shared.Jurisdiction;
import cn.meizhi.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@DataJpaTest(properties = "spring.test.database.replace=none")
class InstitutionRepositoryTests {

	@Autowired
	InstitutionRepository repository;

	@Test
	void searchMatchesChineseSubstringsInsideTheJurisdictionOnly() {
		save("330102", "杭州某某医疗美容诊所");
		save("330106", "杭州西湖某某医疗美容门诊部");
		save("440303", "深圳某某医疗美容诊所");
		var hangzhou = repository.findAll(
				new InstitutionSearch("美容", null, null, null).within(Jurisdiction.of("330100")),
				PageRequest.of(0, 10, Sort.by("name")));
		assertThat(hangzhou.getContent()).extracting(Institution::getName)
			.containsExactly("杭州某某医疗美容诊所", "杭州西湖某某医疗美容门诊部");
		var shangcheng = repository.findAll(
				new InstitutionSearch("某某", null, null, null).within(Jurisdiction.of("330102")), PageRequest.of(0, 10));
		assertThat(shangcheng.getContent()).extracting(Institution::getName).containsExactly("杭州某某医疗美容诊所");
		var byType = repository.findAll(new InstitutionSearch(null, "330106", InstitutionType.AESTHETIC_HOSPITAL, null)
			.within(Jurisdiction.of("330100")), PageRequest.of(0, 10));
		assertThat(byType.getContent()).isEmpty();
	}

	@Test
	void aFragmentMustStandTogetherInTheNameNotJustShareItsCharacterPairs() {
		// 甲乙 and 乙丙 are both in the first name, but never 甲乙丙 in a row
		save("330102", "杭州甲乙诊乙丙医疗美容诊所");
		save("330102", "杭州甲乙丙Skin医疗美容诊所");
		var together = repository.findAll(
				new InstitutionSearch("甲乙丙", null, null, null).within(Jurisdiction.of("330100")),
				PageRequest.of(0, 10));
		assertThat(together.getContent()).extracting(Institution::getName).containsExactly("杭州甲乙丙Skin医疗美容诊所");
		var one = repository.findAll(new InstitutionSearch("丙", null, null, null).within(Jurisdiction.of("330100")),
				PageRequest.of(0, 100, Sort.by("name")));
		assertThat(one.getContent()).extracting(Institution::getName).contains("杭州甲乙诊乙丙医疗美容诊所", "杭州甲乙丙Skin医疗美容诊所");
		var latin = repository.findAll(
				new InstitutionSearch("丙sKIN", null, null, null).within(Jurisdiction.of("330100")),
				PageRequest.of(0, 10));
		assertThat(latin.getContent()).extracting(Institution::getName).containsExactly("杭州甲乙丙Skin医疗美容诊所");
	}

	@Test
	void wildcardsInTheQueryAreTakenLiterally() {
		save("330102", "杭州百分百医疗美容诊所");
		var percent = repository.findAll(new InstitutionSearch("%", null, null, null).within(Jurisdiction.of("330100")),
				PageRequest.of(0, 10));
		assertThat(percent.getContent()).isEmpty();
		var underscore = repository.findAll(
				new InstitutionSearch("_", null, null, null).within(Jurisdiction.of("330100")), PageRequest.of(0, 10));
		assertThat(underscore.getContent()).isEmpty();
	}

	@Test
	void countsByStatusWithinAPrefix() {
		Institution suspended = save("330102", "杭州暂停医疗美容诊所");
		suspended.changeStatus(InstitutionStatus.SUSPENDED, "调查", Instant.now());
		repository.saveAndFlush(suspended);
		save("330102", "杭州正常医疗美容诊所");
		save("440303", "深圳正常医疗美容诊所");
		var counts = repository.countByStatus("3301");
		assertThat(counts).extracting(InstitutionRepository.StatusCount::getCount).containsOnly(1L);
	}

	@Test
	void theDatabaseRefusesDuplicateCreditCodes() {
		Institution first = save("330102", "杭州甲医疗美容诊所");
		var form = Fixtures.institutionForm("330102", "杭州乙医疗美容诊所");
		form.setCreditCode(first.getCreditCode());
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> repository.saveAndFlush(new Institution(form, Instant.now())));
	}

	private Institution save(String region, String name) {
		return repository.saveAndFlush(new Institution(Fixtures.institutionForm(region, name), Instant.now()));
	}

}
