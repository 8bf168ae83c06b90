package cn.meizhi.qualitymeasure;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import cn.meizhi.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A register that submitted quality measures before they were kept by district (V50)
 * upgrades to today's schema and finds its districts decided: values kept, the
 * distribution with its sorted values, the outlier flagged. The Java migrations run
 * today's code, so this is where a migration that outgrew its schema shows.
 */
class MeasureMigrationTests {

	@Test
	void aRegisterWithSubmittedReportsUpgradesAndFindsItsDistrictsDecided() {
		TestDatabase.Server server = TestDatabase.server();
		DataSource dataSource = new DriverManagerDataSource(server.url(TestDatabase.freshDatabase("meizhi_upgrade")),
				server.username(), server.password());
		flyway(dataSource, "50").migrate();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		long set = jdbc.queryForObject("""
				insert into measure_set (label, status, created_at, created_by, published_at, reporting_from)
				values ('升级前的指标集', 'PUBLISHED', now(), 'regulator', now(), date '2026-01-01') returning id
				""", Long.class);
		long measure = jdbc.queryForObject("""
				insert into quality_measure (set_id, position, code, name, name_en, definition, numerator, denominator,
				                             unit, direction, institution_types, period, disclosed)
				values (?, 1, 'T1', '手术并发症发生率', 'Complications', 'd', '并发症例数', '手术例数', 'RATE_PERCENT',
				        'LOWER_BETTER', 'AESTHETIC_CLINIC', 'QUARTERLY', true) returning id
				""", Long.class, set);
		// 5/100, 10/100, 27/100, 3/10, 5/90 in one district: overall 12.5 %, the third
		// beyond its 99.8 % limit (22.72 %)
		List<int[]> values = List.of(new int[] { 5, 100 }, new int[] { 10, 100 }, new int[] { 27, 100 },
				new int[] { 3, 10 }, new int[] { 5, 90 });
		for (int i = 0; i < values.size(); i++) {
			long report = jdbc.queryForObject(
					"""
							insert into measure_report (institution_id, region_code, set_id, period, status, revision, created_at,
							                            updated_at, updated_by, submitted_at)
							values (?, '330102', ?, '2026-Q3', 'SUBMITTED', 1, now(), now(), 'clinic', now()) returning id
							""",
					Long.class, 1000 + i, set);
			int[] v = values.get(i);
			jdbc.update("insert into measure_value (report_id, measure_id, numerator, denominator, value) "
					+ "values (?, ?, ?, ?, round(100.0 * ? / ?, 4))", report, measure, v[0], v[1], v[0], v[1]);
		}

		flyway(dataSource, "latest").migrate();

		assertThat(jdbc.queryForObject("select count(*) from measure_district_value where set_id = ?", Long.class, set))
			.isEqualTo(5);
		assertThat(jdbc.queryForList("select institution_id from measure_district_value where set_id = ? and outlier",
				Long.class, set))
			.containsExactly(1002L);
		Map<String, Object> stat = jdbc.queryForMap(
				"select institutions, median, sorted_values::text as sorted from measure_district_stat where set_id = ?",
				set);
		assertThat(stat).containsEntry("institutions", 5).containsEntry("median", 10.0);
		assertThat((String) stat.get("sorted")).startsWith("{5,5.5556,10,27,30");
	}

	private static Flyway flyway(DataSource dataSource, String target) {
		return Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration")
			.javaMigrations(new V52__Measure_district_outliers(), new V54__Measure_district_sorted_values())
			.target(target)
			.load();
	}

}
