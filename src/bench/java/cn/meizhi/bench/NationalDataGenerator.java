package cn.meizhi.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import javax.sql.DataSource;

import cn.meizhi.account.AccountManagement;
import cn.meizhi.inspection.Inspections;
import cn.meizhi.region.Regions;
import cn.meizhi.shared.RegisterLoadedInBulk;
import cn.meizhi.standard.RatingEngine;
import cn.meizhi.standard.StandardAuthoring;
import cn.meizhi.standard.StandardManagement;
import lombok.extern.slf4j.Slf4j;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills the database with a national data set on start when
 * {@code meizhi.generate.institutions} is set (after the demo data, if demo mode is on),
 * then stops the application unless {@code meizhi.generate.exit=false}. Skipped when the
 * database already holds that many institutions. See {@link NationalDataSet} and the
 * README.
 */
@Slf4j
@Component
@ConditionalOnProperty("meizhi.generate.institutions")
@Order(20)
class NationalDataGenerator implements ApplicationRunner {

	private final NationalDataSet dataSet;

	private final QualityMeasureDataSet measureData;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final ConfigurableApplicationContext context;

	private final int institutions;

	private final long seed;

	private final boolean exit;

	private final ZoneId zone;

	NationalDataGenerator(DataSource dataSource, JdbcTemplate jdbc, StandardManagement standards,
			StandardAuthoring authoring, RatingEngine engine, Regions regions, Inspections inspections,
			AccountManagement accounts, ConfigurableApplicationContext context,
			@Value("${meizhi.generate.institutions}") int institutions,
			@Value("${meizhi.generate.seed:20261123}") long seed, @Value("${meizhi.generate.exit:true}") boolean exit,
			@Value("${meizhi.time-zone:Asia/Shanghai}") String zone, ApplicationEventPublisher events,
			cn.meizhi.qualitymeasure.MeasureSets measureSets, cn.meizhi.qualitymeasure.MeasureDistrictStats districts,
			org.springframework.transaction.PlatformTransactionManager transactions) {
		this.events = events;
		this.measureData = new QualityMeasureDataSet(dataSource, jdbc, measureSets, districts,
				new org.springframework.transaction.support.TransactionTemplate(transactions));
		this.dataSet = new NationalDataSet(dataSource, jdbc, standards, authoring, engine, regions, inspections,
				accounts);
		this.jdbc = jdbc;
		this.context = context;
		this.institutions = institutions;
		this.seed = seed;
		this.exit = exit;
		this.zone = ZoneId.of(zone);
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		long present = jdbc.queryForObject("select count(*) from institution", Long.class);
		if (present >= institutions) {
			log.info("Data generator: the database already holds {} institutions; nothing generated", present);
		}
		else {
			log.info("Data generator: generating {} institutions (seed {})…", institutions, seed);
			var summary = dataSet.generate(institutions, seed, LocalDate.now(zone));
			long started = System.currentTimeMillis();
			events.publishEvent(new RegisterLoadedInBulk("the data generator"));
			log.info("Data generator: public directory rebuilt in {} s",
					(System.currentTimeMillis() - started) / 1000.0);
			log.info("Data generator: {} institutions, {} enrolments, {} inspections, {} scores, {} ratings in {} s",
					summary.institutions(), summary.enrolments(), summary.inspections(), summary.scores(),
					summary.ratings(), summary.millis() / 1000.0);
		}
		// the quality-measure reports: also added to a data set generated before they existed
		long reports = jdbc.queryForObject("select count(*) from measure_report where updated_by like 'clinic-%'",
				Long.class);
		if (reports < institutions) {
			log.info("Data generator: generating quality-measure reports…");
			var summary = measureData.generate(seed, LocalDate.now(zone));
			log.info("Data generator: {} quality-measure reports, {} values in {} s", summary.reports(),
					summary.values(), summary.millis() / 1000.0);
		}
		// the audit trail's history: also added to a data set generated before it existed
		var auditHistory = new AuditHistoryDataSet(jdbc);
		if (!auditHistory.present()) {
			long started = System.currentTimeMillis();
			int events = auditHistory.generate();
			log.info("Data generator: {} audit events in {} s", events, (System.currentTimeMillis() - started) / 1000.0);
		}
		if (exit) {
			System.exit(SpringApplication.exit(context, () -> 0));
		}
	}

}
