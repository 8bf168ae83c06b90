package cn.meizhi.directory;

import java.time.Duration;
import java.util.Locale;

import cn.meizhi.directory.internal.DirectoryQuery;
import cn.meizhi.directory.internal.DirectorySearch;
import cn.meizhi.directory.internal.Listing;
import cn.meizhi.directory.internal.PublicDirectory;
import cn.meizhi.institution.Institution;
import cn.meizhi.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The search index follows the database through notifications, and reloads everything
 * when it lost them.
 */
@SpringBootTest
class DirectorySearchTests {

	@Autowired
	PublicDirectory directory;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aFragmentIsFoundOnlyWhereItsCharactersStandTogether() {
		String token = DirectoryTests.chinese(2);
		fixtures.institution("330102", "甲" + token + "乙诊所");
		fixtures.institution("330102", token.charAt(0) + "丙" + token.charAt(1) + "诊所");
		assertThat(names(token)).containsExactly("甲" + token + "乙诊所");
		assertThat(names(token.substring(0, 1))).contains("甲" + token + "乙诊所",
				token.charAt(0) + "丙" + token.charAt(1) + "诊所");
		assertThat(names("甲" + token + "乙")).hasSize(1);
		// wildcard characters are characters like any other, not patterns
		assertThat(names("%")).doesNotContain("甲" + token + "乙诊所");
		assertThat(names(token.charAt(0) + "_" + token.charAt(1))).isEmpty();
	}

	@Test
	void aDistrictOrCityNameFindsItsInstitutions() {
		String token = DirectoryTests.chinese(3);
		// names beginning with 一一 come first in name order (the smallest Chinese
		// character)
		String west = "一一" + token + "美容诊所";
		String upper = "一一上城" + token + "诊所";
		fixtures.institution("330102", upper);
		fixtures.institution("330106", west);
		// 330106 is 西湖区 in 杭州市: that name says neither
		assertThat(directory
			.search(DirectoryQuery.of("西湖区", null, null, null, null, null, "name", null, 100), Locale.CHINA)
			.getContent()).extracting(Listing::name).contains(west).doesNotContain(upper);
		assertThat(
				directory.search(DirectoryQuery.of("杭州", null, null, null, null, null, "name", null, 100), Locale.CHINA)
					.getContent())
			.extracting(Listing::name)
			.contains(west, upper);
	}

	@Test
	void afterLosingItsNotificationsTheIndexReloadsEverything() {
		String token = DirectoryTests.chinese(3);
		Institution institution = fixtures.institution("330102", "旧名" + token + "诊所");
		assertThat(names(token)).containsExactly("旧名" + token + "诊所");

		// the listening connection dies, and a change is made that sends no notification
		// at all
		assertThat(jdbc.queryForObject(
				"select count(pg_terminate_backend(pid)) from pg_stat_activity"
						+ " where application_name = ? and datname = current_database()",
				Long.class, DirectorySearch.APPLICATION_NAME))
			.isOne();
		String renamed = DirectoryTests.chinese(3);
		jdbc.update("update directory_entry set name = ? where institution_id = ?", "新名" + renamed + "诊所",
				institution.getId());

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(names(renamed)).containsExactly("新名" + renamed + "诊所");
			assertThat(names(token)).isEmpty();
		});
	}

	private java.util.List<String> names(String q) {
		return directory.search(DirectoryQuery.of(q, null, null, null, null, null, "name", null, null), Locale.CHINA)
			.getContent()
			.stream()
			.map(Listing::name)
			.toList();
	}

}
