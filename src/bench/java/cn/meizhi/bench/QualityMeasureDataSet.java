package cn.meizhi.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import cn.meizhi.qualitymeasure.MeasurePeriod;
import cn.meizhi.qualitymeasure.MeasureSetJson;
import cn.meizhi.qualitymeasure.MeasureSets;
import cn.meizhi.qualitymeasure.MeasureUnit;
import cn.meizhi.qualitymeasure.QualityMeasure;
import cn.meizhi.qualitymeasure.ReportingPeriod;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.InstitutionType;
import cn.meizhi.shared.Role;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The quality-measure reports of a national data set: the example measure set, published
 * again as a version whose reporting began twelve quarters ago, and every open
 * institution's submitted values for those twelve quarters (and the last twelve months of
 * the monthly measures), drawn around each measure's usual rate with chance variation and
 * a few institutions far off it; in the latest quarter some institutions have not
 * reported or left a draft. Loaded with COPY like the rest of the data set. Submission
 * histories (one revision per report) are left out: they are not read by the pages
 * measured.
 */
final class QualityMeasureDataSet {

	static final CurrentUser GENERATOR = new CurrentUser(0, "data-generator", "Data generator", Role.ADMIN, null,
			null);

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final MeasureSets sets;

	private final cn.meizhi.qualitymeasure.MeasureDistrictStats districts;

	private final org.springframework.transaction.support.TransactionTemplate transaction;

	QualityMeasureDataSet(DataSource dataSource, JdbcTemplate jdbc, MeasureSets sets,
			cn.meizhi.qualitymeasure.MeasureDistrictStats districts,
			org.springframework.transaction.support.TransactionTemplate transaction) {
		this.districts = districts;
		this.transaction = transaction;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.sets = sets;
	}

	record Summary(long reports, long values, long millis) {
	}

	Summary generate(long seed, LocalDate today) throws IOException, SQLException {
		long started = System.currentTimeMillis();
		MeasurePeriod lastQuarter = MeasurePeriod.containing(ReportingPeriod.QUARTERLY, today).previous();
		MeasurePeriod firstQuarter = lastQuarter;
		for (int i = 1; i < 12; i++) {
			firstQuarter = firstQuarter.previous();
		}
		long setId = publish(firstQuarter.start());
		List<QualityMeasure> measures = sets.measures(setId);
		List<MeasurePeriod> periods = new ArrayList<>();
		for (MeasurePeriod p = firstQuarter; p.compareTo(lastQuarter) <= 0; p = p.next()) {
			periods.add(p);
		}
		MeasurePeriod lastMonth = MeasurePeriod.containing(ReportingPeriod.MONTHLY, today).previous();
		MeasurePeriod month = lastMonth;
		List<MeasurePeriod> months = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			months.add(0, month);
			month = month.previous();
		}
		periods.addAll(months);

		Random random = new Random(seed);
		Map<String, Double> usual = new HashMap<>();
		for (QualityMeasure m : measures) {
			usual.put(m.getCode(), m.getDirection() == cn.meizhi.qualitymeasure.MeasureDirection.LOWER_BETTER
					? 0.005 + random.nextDouble() * 0.03 : 0.88 + random.nextDouble() * 0.1);
		}
		Timestamp now = Timestamp.from(java.time.Instant.now());
		long[] reportId = { jdbc.queryForObject("select coalesce(max(id), 0) + 1 from measure_report", Long.class) };
		try (CopyFile reports = new CopyFile("measure_report",
				"id, institution_id, region_code, set_id, period, status, revision, created_at, updated_at, updated_by, submitted_at, version");
				CopyFile values = new CopyFile("measure_value",
						"report_id, measure_id, numerator, denominator, value")) {
			jdbc.query("select id, region_code, type from institution where status <> 'CLOSED' order by id", rs -> {
				long institution = rs.getLong("id");
				String region = rs.getString("region_code");
				InstitutionType type = InstitutionType.valueOf(rs.getString("type"));
				// one institution in fifty is far off the usual rates
				boolean off = random.nextInt(50) == 0;
				for (MeasurePeriod period : periods) {
					List<QualityMeasure> reported = measures.stream()
						.filter(m -> m.getPeriod() == period.kind() && m.institutionTypeList().contains(type))
						.toList();
					if (reported.isEmpty()) {
						continue;
					}
					boolean latest = period.equals(lastQuarter) || period.equals(lastMonth);
					int chance = random.nextInt(100);
					if (latest && chance < 5) {
						continue;
					}
					boolean draft = latest && chance < 8;
					long id = reportId[0]++;
					Timestamp at = Timestamp.valueOf(period.end().plusDays(1 + random.nextInt(14)).atTime(10, 0));
					reports.row(id, institution, region, setId, period.key(), draft ? "DRAFT" : "SUBMITTED",
							draft ? 0 : 1, at, at, "clinic-" + institution, draft ? null : at, 0);
					for (QualityMeasure m : reported) {
						value(values, id, m, usual.get(m.getCode()) * (off ? 2.5 : 1), random);
					}
				}
			});
			try (Connection connection = dataSource.getConnection()) {
				connection.setAutoCommit(false);
				connection.setNetworkTimeout(Runnable::run, 0);
				CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
				long reportRows = reports.load(copy);
				long valueRows = values.load(copy);
				try (var statement = connection.createStatement()) {
					statement.execute(
							"select setval(pg_get_serial_sequence('measure_report', 'id'), (select max(id) from measure_report))");
				}
				connection.commit();
				// every district's values, distributions and outlier flags, as the
				// submissions keep them
				transaction.executeWithoutResult(status -> districts.rebuild(setId));
				try (var statement = connection.createStatement()) {
					connection.setAutoCommit(true);
					statement.execute("analyze measure_report");
					statement.execute("analyze measure_value");
					statement.execute("vacuum analyze measure_district_value");
				}
				return new Summary(reportRows, valueRows, System.currentTimeMillis() - started);
			}
		}
	}

	/** One measure's numbers, drawn around its usual rate (normal approximation). */
	private static void value(CopyFile values, long report, QualityMeasure m, double rate, Random random) {
		double p = Math.min(0.999, rate);
		switch (m.getUnit()) {
			case RATE_PERCENT, PER_THOUSAND -> {
				int cases = m.getUnit() == MeasureUnit.RATE_PERCENT ? 20 + random.nextInt(500)
						: 300 + random.nextInt(5000);
				double q = m.getUnit() == MeasureUnit.PER_THOUSAND ? p / 8 : p;
				long count = Math.round(cases * q + Math.sqrt(cases * q * (1 - q)) * random.nextGaussian());
				count = Math.max(0, Math.min(cases, count));
				BigDecimal value = BigDecimal.valueOf(count)
					.multiply(BigDecimal.valueOf(m.getUnit() == MeasureUnit.RATE_PERCENT ? 100 : 1000))
					.divide(BigDecimal.valueOf(cases), 4, RoundingMode.HALF_UP);
				values.row(report, m.getId(), count, cases, value);
			}
			case COUNT -> {
				int count = random.nextInt(8);
				values.row(report, m.getId(), count, null, count);
			}
			case DAYS -> {
				BigDecimal days = BigDecimal.valueOf(10 + random.nextInt(30), 1);
				values.row(report, m.getId(), days, null, days);
			}
		}
	}

	/** The example set as a new version reported from the given day, published. */
	private long publish(LocalDate reportingFrom) throws IOException {
		JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
		MeasureSetJson example;
		try (InputStream in = new ClassPathResource("demo/example-quality-measures.json").getInputStream()) {
			example = json.readValue(in, MeasureSetJson.class);
		}
		MeasureSetJson version = new MeasureSetJson(example.label() + "（基准测试数据，" + reportingFrom + " 起）", true,
				reportingFrom, example.measures());
		var imported = sets.importJson(GENERATOR,
				new ByteArrayInputStream(json.writeValueAsBytes(version)));
		if (!imported.succeeded()) {
			throw new IllegalStateException("The example measure set does not import: " + imported.problems());
		}
		sets.publish(GENERATOR, imported.set().getId());
		return imported.set().getId();
	}

}
