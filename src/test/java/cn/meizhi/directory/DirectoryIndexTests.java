package cn.meizhi.directory;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import cn.meizhi.institution.Department;
import cn.meizhi.institution.Institution;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionStatus;
import cn.meizhi.institution.InstitutionType;
import cn.meizhi.support.Fixtures;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory's in-memory index, on a generated national data set in a database of its own: it answers
 * every kind of query exactly as SQL does (same rows, same order, same count), takes in committed changes
 * at once and rolled-back ones never, keeps the later of two writes, and catches up with changes made
 * outside this process.
 */
@SpringBootTest(properties = { "meizhi.test.database=directory-index", "meizhi.generate.institutions=600",
		"meizhi.generate.exit=false" })
class DirectoryIndexTests {

	@Autowired
	PublicDirectory directory;

	@Autowired
	DirectoryIndex index;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	InstitutionManagement institutions;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DataSource dataSource;

	@BeforeEach
	void indexLoaded() throws InterruptedException {
		assertThat(index.awaitReady(Duration.ofSeconds(30))).as("the first load, in the background").isTrue();
	}

	@Test
	void answersEveryKindOfQueryExactlyAsTheDatabaseDoes() {
		List<String> names = jdbc.queryForList("select name from directory_entry order by institution_id", String.class);
		List<String> regions = jdbc.queryForList("select distinct region_code from directory_entry order by 1",
				String.class);
		List<String> codes = jdbc.queryForList("select credit_code from directory_entry order by institution_id",
				String.class);
		assertThat(names).hasSizeGreaterThan(500);
		Random random = new Random(2026);
		List<DirectoryQuery> queries = new ArrayList<>();
		for (String q : List.of("医", "医疗美容", "（", "店）", "不存在的名字", "a", codes.get(3),
				codes.get(5).toLowerCase(Locale.ROOT))) {
			queries.add(DirectoryQuery.of(q, null, null, null, null, null, null, null, null));
		}
		for (int i = 0; i < 400; i++) {
			String q = null;
			if (random.nextInt(10) < 6) {
				String name = names.get(random.nextInt(names.size()));
				int length = 1 + random.nextInt(4);
				int start = random.nextInt(Math.max(1, name.length() - length));
				q = name.substring(start, Math.min(name.length(), start + length));
			}
			String region = null;
			if (random.nextInt(10) < 4) {
				String district = regions.get(random.nextInt(regions.size()));
				region = switch (random.nextInt(3)) {
					case 0 -> district.substring(0, 2) + "0000";
					case 1 -> district.substring(0, 4) + "00";
					default -> district;
				};
			}
			InstitutionType type = random.nextInt(5) == 0
					? InstitutionType.values()[random.nextInt(InstitutionType.values().length)] : null;
			Department department = random.nextInt(5) == 0
					? Department.values()[random.nextInt(Department.values().length)] : null;
			Integer minStars = random.nextInt(10) < 3 ? 1 + random.nextInt(5) : null;
			queries.add(DirectoryQuery.of(q, region, minStars, type, department, random.nextInt(5) == 0,
					random.nextInt(3) == 0 ? "name" : null, random.nextInt(4), List.of(5, 20, 100).get(random.nextInt(3))));
		}
		int nonEmpty = 0;
		for (DirectoryQuery query : queries) {
			var fromMemory = directory.search(query, Locale.CHINA, true);
			var fromSql = directory.searchInDatabase(query, Locale.CHINA, true);
			assertThat(fromMemory.getContent()).as(query.toString()).isEqualTo(fromSql.getContent());
			assertThat(fromMemory.getTotalElements()).as(query.toString()).isEqualTo(fromSql.getTotalElements());
			nonEmpty += fromMemory.hasContent() ? 1 : 0;
		}
		assertThat(nonEmpty).as("queries that found something").isGreaterThan(200);

		assertThat(directory.certifiedByStars()).isEqualTo(directory.certifiedByStarsInDatabase());
		assertThat(directory.certifiedByStars().values().stream().mapToLong(Long::longValue).sum()).isPositive();
	}

	@Test
	void takesInCommittedChangesAtOnceAndRolledBackOnesNever() {
		String token = Fixtures.unique("索引");
		Institution institution = fixtures.institution("330106", token + "医疗美容诊所");
		assertThat(names(token)).containsExactly(token + "医疗美容诊所");

		var form = institutions.editForm(Fixtures.regulator("330000"), institution.getId());
		form.setName(token + "更名医疗美容门诊部");
		institutions.update(Fixtures.regulator("330000"), institution.getId(), form);
		assertThat(names(token)).containsExactly(token + "更名医疗美容门诊部");
		assertThat(names(token + "医疗美容诊所")).isEmpty();
		// and SQL (before the index is loaded) searches the new name's characters, not the old ones
		assertThat(namesInDatabase(token + "更名")).containsExactly(token + "更名医疗美容门诊部");
		assertThat(namesInDatabase(token + "医疗美容诊所")).isEmpty();

		transactions.executeWithoutResult(status -> {
			fixtures.institution("330106", token + "未提交医疗美容诊所");
			status.setRollbackOnly();
		});
		assertThat(names(token)).containsExactly(token + "更名医疗美容门诊部");

		institutions.changeStatus(Fixtures.regulator("330000"), institution.getId(), InstitutionStatus.CLOSED, "已注销");
		assertThat(names(token)).isEmpty();
		assertThat(namesInDatabase(token)).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from directory_name where institution_id = ?", Long.class,
				institution.getId())).isZero();
	}

	@Test
	void takesInManyInstitutionsRegisteredInOneTransaction() {
		String token = Fixtures.unique("批量");
		transactions.executeWithoutResult(status -> {
			for (int i = 0; i < 40; i++) {
				fixtures.institution(i % 2 == 0 ? "330106" : "330102", token + "第" + i + "医疗美容诊所");
			}
		});
		assertThat(names(token)).hasSize(20).allMatch(name -> name.startsWith(token));
		assertThat(directory.search(DirectoryQuery.of(token, null, null, null, null, null, null, null, null), Locale.CHINA)
			.getTotalElements()).isEqualTo(40);
		assertThat(directory.search(DirectoryQuery.of(token, "330102", null, null, null, null, null, null, null),
				Locale.CHINA).getTotalElements()).isEqualTo(20);
	}

	@Test
	void keepsTheLaterOfTwoWritesWhicheverArrivesLast() {
		String token = Fixtures.unique("先后");
		Institution institution = fixtures.institution("330106", token + "医疗美容诊所");
		List<DirectoryIndex.Entry> earlier = jdbcRead(institution.getId());

		var form = institutions.editForm(Fixtures.regulator("330000"), institution.getId());
		form.setName(token + "后写医疗美容诊所");
		institutions.update(Fixtures.regulator("330000"), institution.getId(), form);
		index.apply(Set.of(institution.getId()), earlier);

		assertThat(names(token)).containsExactly(token + "后写医疗美容诊所");
	}

	@Test
	void catchesUpWithChangesMadeOutsideThisProcess() {
		String token = Fixtures.unique("别处");
		Institution institution = fixtures.institution("330106", token + "医疗美容诊所");
		// what another portal process writes when it renames an institution
		jdbc.update("update directory_entry set name = ?, version = nextval('directory_entry_version_seq')"
				+ " where institution_id = ?", token + "别处改名诊所", institution.getId());
		jdbc.update("update directory_name set name = ? where institution_id = ?", token + "别处改名诊所", institution.getId());
		assertThat(names(token)).containsExactly(token + "医疗美容诊所");

		index.catchUp();

		assertThat(names(token)).containsExactly(token + "别处改名诊所");
		assertThat(names(token + "别处改名")).containsExactly(token + "别处改名诊所");
	}

	@Test
	void changesCommittedWhileTheFirstLoadReadsAreAppliedAfterIt() {
		String token = Fixtures.unique("启动");
		Institution renamed = fixtures.institution("330106", token + "医疗美容诊所");
		Institution closed = fixtures.institution("330106", token + "将注销医疗美容诊所");
		DirectoryIndex starting = new DirectoryIndex(JdbcClient.create(dataSource), true);
		starting.beginLoading();
		List<DirectoryIndex.Entry> readBeforeTheChanges = transactions.execute(status -> starting.read(null));

		var form = institutions.editForm(Fixtures.regulator("330000"), renamed.getId());
		form.setName(token + "启动时更名诊所");
		institutions.update(Fixtures.regulator("330000"), renamed.getId(), form);
		institutions.changeStatus(Fixtures.regulator("330000"), closed.getId(), InstitutionStatus.CLOSED, "已注销");
		Institution registered = fixtures.institution("330106", token + "启动时新设诊所");
		// what DirectoryEntries hands every index after each commit
		for (Institution changed : List.of(renamed, closed, registered)) {
			starting.apply(Set.of(changed.getId()), jdbcRead(changed.getId()));
		}
		assertThat(starting.ready()).isFalse();

		starting.finishLoading(readBeforeTheChanges);

		var found = starting.find(DirectoryQuery.of(token, null, null, null, null, null, "name", null, null), today())
			.orElseThrow();
		assertThat(found.page()).extracting(DirectoryIndex.Entry::name)
			.containsExactly(token + "启动时新设诊所", token + "启动时更名诊所"); // 新 U+65B0 before 更 U+66F4
		assertThat(found.total()).isEqualTo(2);
	}

	private LocalDate today() {
		return jdbc.queryForObject("select current_date", LocalDate.class);
	}

	private List<DirectoryIndex.Entry> jdbcRead(long id) {
		return transactions.execute(status -> index.read(Set.of(id)));
	}

	private List<String> namesInDatabase(String q) {
		return directory.searchInDatabase(DirectoryQuery.of(q, null, null, null, null, null, null, null, null), Locale.CHINA, true)
			.map(Listing::name)
			.getContent();
	}

	private List<String> names(String q) {
		return directory.search(DirectoryQuery.of(q, null, null, null, null, null, null, null, null), Locale.CHINA)
			.map(Listing::name)
			.getContent();
	}

}
