package cn.meizhi.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

import cn.meizhi.account.AccountManagement;
import cn.meizhi.directory.internal.DirectoryQuery;
import cn.meizhi.inspection.Inspections;
import cn.meizhi.institution.UnifiedSocialCreditCode;
import cn.meizhi.region.Regions;
import cn.meizhi.standard.RatingEngine;
import cn.meizhi.standard.StandardAuthoring;
import cn.meizhi.standard.StandardManagement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The national data generator on a small size, in a database of its own: its output is
 * what hand-entered data would be (valid credit codes, real districts, unique licences
 * and certificates), every scored inspection has a score for each applicable indicator,
 * and ratings come in every state.
 */
@SpringBootTest(properties = "meizhi.test.database=generator")
class NationalDataSetTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StandardManagement standards;

	@Autowired
	StandardAuthoring authoring;

	@Autowired
	RatingEngine engine;

	@Autowired
	Regions regions;

	@Autowired
	Inspections inspections;

	@Autowired
	AccountManagement accounts;

	@Autowired
	cn.meizhi.directory.internal.PublicDirectory directory;

	@Autowired
	cn.meizhi.directory.internal.DirectoryEntries directoryEntries;

	@Autowired
	cn.meizhi.qualitymeasure.MeasureSets measureSets;

	@Autowired
	cn.meizhi.qualitymeasure.MeasureDistrictStats measureDistricts;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@Autowired
	org.springframework.context.MessageSource messages;

	@Test
	void generatesQualityMeasuresKeptByDistrictAsTheSubmissionsKeepThem() throws Exception {
		new NationalDataSet(dataSource, jdbc, standards, authoring, engine, regions, inspections, accounts)
			.generate(400, 11, LocalDate.now());
		var summary = new QualityMeasureDataSet(dataSource, jdbc, measureSets, measureDistricts,
				new org.springframework.transaction.support.TransactionTemplate(transactions))
			.generate(11, LocalDate.now());
		assertThat(summary.values()).isPositive();
		// every submitted value kept by district, every kept measure of a district with
		// its
		// distribution and sorted values, and the institutions generated far off flagged
		assertThat(count("select count(*) from measure_district_value"))
			.isEqualTo(count("select count(*) from measure_value v join measure_report r on r.id = v.report_id "
					+ "where r.status = 'SUBMITTED'"));
		assertThat(count("select count(*) from (select distinct set_id, period, region_code, measure_id "
				+ "from measure_district_value where value is not null) kept"))
			.isEqualTo(count("select count(*) from measure_district_stat where sorted_values is not null"));
		assertThat(count("select count(*) from measure_district_value where outlier")).isPositive();
	}

	@Test
	void generatesThreeYearsOfAuditTrailInEachInstitutionsDistrict() throws Exception {
		if (count("select count(*) from institution") == 0) {
			new NationalDataSet(dataSource, jdbc, standards, authoring, engine, regions, inspections, accounts)
				.generate(400, 11, LocalDate.now());
		}
		var history = new AuditHistoryDataSet(jdbc);
		assertThat(history.present()).isFalse();
		int events = history.generate();
		assertThat(history.present()).isTrue();
		assertThat(events)
			.isEqualTo(count("select count(*) from institution") * AuditHistoryDataSet.EVENTS_PER_INSTITUTION);
		// each in its institution's district, within three years, an action the trail
		// words in the reader's language
		assertThat(count("""
				select count(*) from audit_event e join institution i on i.id::text = e.object_id
				where e.client_ip = '198.51.100.20' and e.object_type = 'Institution'
				  and (e.region_code <> i.region_code or e.summary <> i.name)""")).isZero();
		assertThat(count("""
				select count(*) from audit_event where client_ip = '198.51.100.20' and object_type = 'Institution'"""))
			.isPositive();
		assertThat(count("""
				select count(*) from audit_event where client_ip = '198.51.100.20'
				  and (occurred_at > now() or occurred_at < now() - interval '1096 days')""")).isZero();
		List<String> actions = jdbc
			.queryForList("select distinct action from audit_event where client_ip = '198.51.100.20'", String.class);
		assertThat(actions).hasSize(8)
			.allSatisfy(action -> assertThat(messages.getMessage("audit.action." + action, null, null, Locale.CHINA))
				.isNotNull());
	}

	@Test
	void generatesARealisticDataSetThatPassesTheRegistersOwnRules() throws Exception {
		long before = count("select count(*) from institution");
		var summary = new NationalDataSet(dataSource, jdbc, standards, authoring, engine, regions, inspections,
				accounts)
			.generate(1500, 7, LocalDate.now());
		assertThat(summary.institutions()).isEqualTo(1500);
		assertThat(count("select count(*) from institution")).isEqualTo(before + 1500);

		List<String> codes = jdbc.queryForList("select credit_code from institution", String.class);
		assertThat(codes).allMatch(UnifiedSocialCreditCode::isValid).doesNotHaveDuplicates();
		assertThat(count("select count(*) from institution i left join region r on r.code = i.region_code"
				+ " where r.code is null or r.level <> 'DISTRICT'"))
			.isZero();
		assertThat(count("select count(distinct region_code) from institution")).isGreaterThan(20);
		assertThat(count("select count(*) from institution where name not like '%医疗美容%'")).isZero();
		assertThat(count("select count(distinct type) from institution")).isEqualTo(4);
		assertThat(count("select count(*) from institution i where not exists"
				+ " (select 1 from institution_department d where d.institution_id = i.id)"))
			.isZero();

		// every scored inspection: a score for each applicable indicator, and stars the
		// engine would give
		assertThat(summary.scores()).isGreaterThan(1000L * 30);
		var scored = jdbc.queryForList("select distinct inspection_id from inspection_score", Long.class);
		for (long inspection : scored.subList(0, 20)) {
			long version = jdbc.queryForObject("select standard_version_id from rating where inspection_id = ?",
					Long.class, inspection);
			var outcome = inspections.publicOutcome(inspection, version);
			assertThat(outcome.unscoredIndicators()).isEmpty();
			Integer stars = jdbc.queryForObject("select stars from rating where inspection_id = ?", Integer.class,
					inspection);
			assertThat(stars).isEqualTo(outcome.stars());
			// and the sections' results kept with the rating, as a proposal keeps them
			String sections = jdbc.queryForObject("select sections from rating where inspection_id = ?", String.class,
					inspection);
			assertThat(cn.meizhi.rating.RatingSections.decode(sections)).isEqualTo(outcome.sections());
		}

		assertThat(jdbc.queryForList("select distinct status from rating", String.class)).contains("PUBLISHED",
				"SUPERSEDED", "EXPIRED", "SUSPENDED", "REVOKED");
		assertThat(jdbc.queryForList("select distinct stars from rating where status = 'PUBLISHED'", Integer.class))
			.contains(1, 2, 3, 4, 5);
		assertThat(count("select count(*) from (select certificate_no from rating group by certificate_no"
				+ " having count(*) > 1) d"))
			.isZero();
		assertThat(count("select count(*) from rating r where not exists (select 1 from certificate_sequence s"
				+ " where s.region_code = r.region_code and s.year = extract(year from r.valid_from)"
				+ " and s.last_value >= cast(substr(r.certificate_no, 16) as integer))"))
			.isZero();
		assertThat(count("select count(*) from (select institution_id from rating where status in"
				+ " ('PUBLISHED', 'SUSPENDED') group by institution_id having count(*) > 1) d"))
			.as("at most one current rating each")
			.isZero();

		// and the public directory reads it
		directoryEntries.rebuild();
		var certified = directory.search(DirectoryQuery.of("美容", null, null, null, null, true, null, null, null),
				Locale.CHINA);
		assertThat(certified.getTotalElements()).isGreaterThan(500);
	}

	private long count(String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}

}
