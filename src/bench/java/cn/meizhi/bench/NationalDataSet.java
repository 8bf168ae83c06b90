package cn.meizhi.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;

import cn.meizhi.account.AccountManagement;
import cn.meizhi.account.AccountManagement.AssessorSummary;
import cn.meizhi.demo.internal.DemoInstitutions;
import cn.meizhi.demo.internal.ExampleStandard;
import cn.meizhi.inspection.Inspections;
import cn.meizhi.institution.Department;
import cn.meizhi.institution.HospitalGrade;
import cn.meizhi.rating.RatingSections;
import cn.meizhi.region.Region;
import cn.meizhi.region.Regions;
import cn.meizhi.shared.InstitutionType;
import cn.meizhi.shared.Role;
import cn.meizhi.standard.Indicator;
import cn.meizhi.standard.RatingEngine;
import cn.meizhi.standard.RatingOutcome;
import cn.meizhi.standard.Score;
import cn.meizhi.standard.ScoringModel;
import cn.meizhi.standard.StandardAuthoring;
import cn.meizhi.standard.StandardManagement;
import cn.meizhi.standard.StandardVersion;
import lombok.extern.slf4j.Slf4j;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A realistic national data set for measuring the portal: {@code n} institutions across
 * every district of the region catalogue with Chinese names, valid credit codes, types
 * and departments; five yearly evaluation cycles per city with enrolments; for most
 * institutions a submitted inspection with a score for every applicable indicator of the
 * example standard and the rating the {@link RatingEngine} gives it, published (some
 * suspended or revoked), and for many an earlier rating, superseded or expired; some
 * never rated. Rows are generated into temporary files in PostgreSQL's COPY format and
 * loaded in one transaction, parents first: minutes, not hours, for 100,000 institutions
 * (millions of score rows). Deterministic for a seed.
 */
@Slf4j
public final class NationalDataSet {

	/** What was loaded. */
	public record Summary(int institutions, long enrolments, long inspections, long scores, long ratings, long millis) {
	}

	private static final List<String> BRANDS = List.of("悦颜", "臻颜", "雅韵", "素妍", "铂悦", "初见", "容悦", "明珠", "星颜", "妍熙", "禾悦",
			"轻氧", "致美", "澜庭", "玉颜", "如一", "瑾美", "薇琳", "卓颜", "兰亭", "青禾", "知美", "映画", "沐光", "若水", "清妍", "晨曦", "半山", "拾光",
			"云裳", "锦瑟", "南山", "悠然", "聆美", "熙和", "曼妙", "蓝湾", "语嫣", "婉约", "望月", "朗清", "春和", "景明", "观澜", "知微", "泊心", "安禾",
			"舒颜", "映月", "素心", "丹青", "霁月", "时雨", "秋水", "檀香", "白露", "青岚", "远山", "云栖", "嘉木", "长乐", "安澜", "明远", "和颂", "华美",
			"艺星", "美莱", "伊美", "丽都", "名媛", "韩美", "雍禾", "新氧", "悦美", "美奥", "维多", "天使", "爱思", "欧华", "丽人", "时光", "唯美", "芳华",
			"花语");

	private static final List<String> STREETS = List.of("人民路", "解放路", "中山路", "建设路", "新华路", "文化路", "和平路", "胜利路", "北京路",
			"南京路", "延安路", "长江路", "黄河路", "湖滨路", "江南大道", "滨江路", "学院路", "健康路", "青年路", "东风路", "西湖大道", "复兴路", "振兴路", "光明路");

	private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
			"胡", "朱", "高", "林", "何", "郭", "马", "罗");

	private static final List<String> GIVEN = List.of("建华", "丽娟", "志强", "海燕", "晓峰", "秀英", "文杰", "静怡", "国栋", "雪梅", "俊杰",
			"婷婷", "宏伟", "佳琪", "明轩", "若曦");

	private static final String[] INSTITUTION_COLUMNS = { "id", "name", "credit_code", "licence_number", "type",
			"hospital_grade", "region_code", "address", "legal_representative", "surgery_level", "beds",
			"operating_rooms", "chief_physicians", "phone", "status", "status_reason", "created_at", "updated_at" };

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final StandardManagement standards;

	private final StandardAuthoring authoring;

	private final RatingEngine engine;

	private final Regions regions;

	private final Inspections inspections;

	private final AccountManagement accounts;

	private final ZoneId zone = ZoneId.of("Asia/Shanghai");

	public NationalDataSet(DataSource dataSource, JdbcTemplate jdbc, StandardManagement standards,
			StandardAuthoring authoring, RatingEngine engine, Regions regions, Inspections inspections,
			AccountManagement accounts) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.standards = standards;
		this.authoring = authoring;
		this.engine = engine;
		this.regions = regions;
		this.inspections = inspections;
		this.accounts = accounts;
	}

	public Summary generate(int count, long seed, LocalDate today) throws IOException, SQLException {
		long started = System.currentTimeMillis();
		Random random = new Random(seed);
		StandardVersion version = standards.publicVersion(exampleVersion());
		List<Indicator> indicators = version.indicators().toList();
		int validityMonths = version.getRules().getValidityMonths();
		List<AssessorSummary> team = assessors();
		List<Region> districts = regions.catalogue()
			.stream()
			.filter(r -> r.getLevel() == Region.Level.DISTRICT)
			.toList();
		Map<String, long[]> cycles = cycles(districts, version.getId(), today);
		Map<String, Integer> certificates = certificateCounters();
		Set<String> codes = new HashSet<>(jdbc.queryForList("select credit_code from institution", String.class));
		Map<String, ScoringModel> models = new HashMap<>();

		long institutionId = next("institution");
		long inspectionId = next("inspection");
		long ratingId = next("rating");
		int currentYear = today.getYear();
		try (CopyFile institutions = new CopyFile("institution", String.join(", ", INSTITUTION_COLUMNS));
				CopyFile departments = new CopyFile("institution_department", "institution_id, department");
				CopyFile enrolments = new CopyFile("enrolment", "cycle_id, institution_id, enrolled_at");
				CopyFile inspectionRows = new CopyFile("inspection",
						"id, cycle_id, institution_id, scheduled_on, status, submitted_at, submitted_by, created_at, created_by");
				CopyFile members = new CopyFile("inspection_member", "inspection_id, assessor_id, lead, declared_at");
				CopyFile scores = new CopyFile("inspection_score",
						"inspection_id, indicator_id, score, methods, updated_at, updated_by");
				CopyFile ratings = new CopyFile("rating",
						"id, institution_id, inspection_id, cycle_id, standard_version_id, "
								+ "region_code, total, computed_stars, stars, status, proposer_id, proposed_by, proposed_at, "
								+ "appeal_deadline, accepted_at, accepted_by, approved_by, approved_at, certificate_no, valid_from, "
								+ "valid_until, status_reason, sections");
				CopyFile transitions = new CopyFile("rating_transition",
						"rating_id, from_status, to_status, occurred_at, actor, reason")) {
			for (int i = 0; i < count; i++) {
				long id = institutionId++;
				Region district = districts.get(random.nextInt(districts.size()));
				String city = cityName(district);
				InstitutionType type = DemoInstitutions.typeFor(1 + random.nextInt(9), random);
				int surgeryLevel = DemoInstitutions.surgeryLevelFor(type, random);
				String brand = BRANDS.get(random.nextInt(BRANDS.size()));
				String name = DemoInstitutions.nameFor(city, brand, type)
						+ (random.nextInt(3) == 0 ? "（" + STREETS.get(random.nextInt(STREETS.size())) + "店）" : "");
				String code;
				do {
					code = DemoInstitutions.creditCode(district.getCode(), random);
				}
				while (!codes.add(code));
				int roll = random.nextInt(1000);
				String status = roll < 15 ? "SUSPENDED" : roll < 30 ? "CLOSED" : "ACTIVE";
				Timestamp created = Timestamp.from(at(today.minusDays(2200 + random.nextInt(1500))));
				institutions.row(id, name, code, String.format("PDY%08d%s", id, district.getCode()), type,
						type == InstitutionType.AESTHETIC_HOSPITAL ? HospitalGrade.GRADE_2
								: type == InstitutionType.GENERAL_HOSPITAL_DEPARTMENT ? HospitalGrade.GRADE_3 : null,
						district.getCode(),
						STREETS.get(random.nextInt(STREETS.size())) + (1 + random.nextInt(900)) + "号",
						SURNAMES.get(random.nextInt(SURNAMES.size())) + GIVEN.get(random.nextInt(GIVEN.size())),
						surgeryLevel, type == InstitutionType.AESTHETIC_HOSPITAL ? 20 + random.nextInt(120) : 0,
						1 + random.nextInt(4), 1 + random.nextInt(12),
						"0" + (100 + random.nextInt(900)) + "-" + (8000_0000 + random.nextInt(1999_9999)), status,
						status.equals("ACTIVE") ? null : status.equals("CLOSED") ? "已注销" : "因投诉调查暂停执业", created,
						created);
				for (Department department : DemoInstitutions.departmentsFor(type, random)) {
					departments.row(id, department);
				}
				if (status.equals("CLOSED")) {
					continue;
				}
				long[] cityCycles = cycles.get(district.getParentCode());
				for (long cycle : cityCycles) {
					enrolments.row(cycle, id, created);
				}

				int history = random.nextInt(100);
				if (history < 8) {
					continue; // never rated: awaiting this year's inspection
				}
				boolean onlyOld = history < 12;
				boolean hasOld = onlyOld || history < 65;
				int round = 2 + random.nextInt(2);
				LocalDate approved = LocalDate.of(currentYear - (round == 3 ? 2 : 1), 4, 1)
					.plusDays(random.nextInt(240));
				if (!approved.isBefore(today.minusDays(30))) {
					approved = today.minusDays(30 + random.nextInt(200));
				}
				if (hasOld) {
					LocalDate oldApproved = LocalDate.of(currentYear - 4, 4, 1).plusDays(random.nextInt(240));
					LocalDate oldUntil = oldApproved.plusMonths(validityMonths).minusDays(1);
					long inspection = inspectionId++;
					inspection(inspectionRows, members, team, inspection, cityCycles[0], id, oldApproved);
					int stars = 1 + random.nextInt(5);
					// it lapsed (expired) unless the next rating replaced it first
					// (superseded)
					boolean lapsed = onlyOld ? oldUntil.isBefore(today) : oldUntil.isBefore(approved);
					LocalDate ended = lapsed ? oldUntil.plusDays(1) : approved;
					rating(ratings, transitions, team, ratingId++, id, inspection, cityCycles[0], version.getId(),
							// the earlier inspection's scores are not generated: no
							// section results
							district.getCode(), BigDecimal.valueOf(55 + stars * 8 + random.nextInt(6)), stars, null,
							lapsed ? "EXPIRED" : onlyOld ? "PUBLISHED" : "SUPERSEDED", null, oldApproved, oldUntil,
							certificate(certificates, district.getCode(), oldApproved.getYear()), ended);
				}
				if (onlyOld) {
					continue;
				}
				long inspection = inspectionId++;
				inspection(inspectionRows, members, team, inspection, cityCycles[round], id, approved);
				ScoringModel model = models.computeIfAbsent(type + "/" + surgeryLevel,
						key -> standards.scoringModel(version.getId(), type, surgeryLevel));
				RatingOutcome outcome = score(scores, model, indicators, inspection, type, surgeryLevel,
						0.55 + random.nextDouble() * 0.45, random, Timestamp.from(at(approved.minusDays(20))),
						team.get(0).username());
				int fate = random.nextInt(1000);
				String ratingStatus = fate < 10 ? "SUSPENDED" : fate < 15 ? "REVOKED" : "PUBLISHED";
				rating(ratings, transitions, team, ratingId++, id, inspection, cityCycles[round], version.getId(),
						district.getCode(), outcome.total(), outcome.stars(), outcome.sections(), ratingStatus,
						ratingStatus.equals("PUBLISHED") ? null
								: ratingStatus.equals("SUSPENDED") ? "接到投诉，调查期间暂停星级" : "查实提供虚假评审材料，撤销星级",
						approved, approved.plusMonths(validityMonths).minusDays(1),
						certificate(certificates, district.getCode(), approved.getYear()), approved.plusDays(100));
			}

			try (Connection connection = dataSource.getConnection()) {
				connection.setAutoCommit(false);
				// millions of rows per COPY: longer than the pool's socket timeout allows
				// a read
				connection.setNetworkTimeout(Runnable::run, 0);
				CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
				long loadedScores = 0;
				for (CopyFile table : List.of(institutions, departments, enrolments, inspectionRows, members, scores,
						ratings, transitions)) {
					long rows = table.load(copy);
					if (table == scores) {
						loadedScores = rows;
					}
				}
				try (var statement = connection.createStatement()) {
					for (String table : List.of("institution", "inspection", "rating")) {
						statement.execute("select setval(pg_get_serial_sequence('" + table
								+ "', 'id'), (select max(id) from " + table + "))");
					}
				}
				try (var upsert = connection.prepareStatement(
						"""
								insert into certificate_sequence (region_code, year, last_value) values (?, ?, ?)
								on conflict (region_code, year) do update set last_value = greatest(certificate_sequence.last_value, excluded.last_value)
								""")) {
					for (var counter : certificates.entrySet()) {
						upsert.setString(1, counter.getKey().substring(0, 6));
						upsert.setInt(2, Integer.parseInt(counter.getKey().substring(7)));
						upsert.setInt(3, counter.getValue());
						upsert.addBatch();
					}
					upsert.executeBatch();
				}
				connection.commit();
				try (var statement = connection.createStatement()) {
					connection.setAutoCommit(true);
					statement.execute("analyze");
				}
				return new Summary(count, enrolments.rows(), inspectionRows.rows(), loadedScores, ratings.rows(),
						System.currentTimeMillis() - started);
			}
		}
	}

	private void inspection(CopyFile rows, CopyFile members, List<AssessorSummary> team, long id, long cycle,
			long institution, LocalDate approved) {
		Timestamp submitted = Timestamp.from(at(approved.minusDays(20)));
		rows.row(id, cycle, institution, approved.minusDays(21), "SUBMITTED", submitted, team.get(0).username(),
				Timestamp.from(at(approved.minusDays(60))), "generator");
		Timestamp declared = Timestamp.from(at(approved.minusDays(25)));
		members.row(id, team.get(0).id(), true, declared);
		members.row(id, team.get(1).id(), false, declared);
	}

	private RatingOutcome score(CopyFile scores, ScoringModel model, List<Indicator> indicators, long inspection,
			InstitutionType type, int surgeryLevel, double quality, Random random, Timestamp at, String by) {
		Map<String, Score> engineScores = new HashMap<>();
		boolean coreFailure = random.nextInt(40) == 0;
		for (Indicator indicator : indicators) {
			if (!indicator.appliesTo(type, surgeryLevel)) {
				continue;
			}
			BigDecimal value;
			if (indicator.isCore()) {
				value = coreFailure && random.nextInt(5) == 0
						? indicator.getMaxScore().subtract(indicator.getScoreStep()) : indicator.getMaxScore();
			}
			else {
				double share = Math.min(1.0, Math.max(0, quality + (random.nextDouble() - 0.5) * 0.2));
				value = indicator.getMaxScore()
					.multiply(BigDecimal.valueOf(share))
					.divide(indicator.getScoreStep(), 0, RoundingMode.FLOOR)
					.multiply(indicator.getScoreStep());
			}
			engineScores.put(indicator.getCode(), Score.of(value));
			scores.row(inspection, indicator.getId(), value.toPlainString(), "DOCUMENT_REVIEW,SITE_VISIT", at, by);
		}
		return engine.evaluate(model, engineScores);
	}

	/**
	 * A rating proposed, accepted and published on {@code approved}, then moved to its
	 * status on {@code ended}.
	 */
	private void rating(CopyFile ratings, CopyFile transitions, List<AssessorSummary> team, long id, long institution,
			long inspection, long cycle, long version, String region, BigDecimal total, int stars,
			List<RatingOutcome.SectionOutcome> sections, String status, String reason, LocalDate approved,
			LocalDate validUntil, String certificate, LocalDate ended) {
		Instant proposed = at(approved.minusDays(18));
		String lead = team.get(0).username();
		ratings.row(id, institution, inspection, cycle, version, region, total, stars, stars, status, team.get(0).id(),
				lead, Timestamp.from(proposed), approved.minusDays(3), Timestamp.from(at(approved.minusDays(15))),
				"generator", "regulator", Timestamp.from(at(approved)), certificate, approved, validUntil, reason,
				RatingSections.encode(sections));
		transitions.row(id, null, "PROPOSED", Timestamp.from(proposed), lead, null);
		transitions.row(id, "PROPOSED", "PUBLISHED", Timestamp.from(at(approved)), "regulator", certificate);
		if (!status.equals("PUBLISHED")) {
			transitions.row(id, "PUBLISHED", status, Timestamp.from(at(ended)),
					status.equals("EXPIRED") ? "system" : "regulator", reason);
		}
	}

	private String certificate(Map<String, Integer> counters, String region, int year) {
		int sequence = counters.merge(region + "-" + year, 1, Integer::sum);
		return String.format("MZ-%s-%d-%06d", region, year, sequence);
	}

	private Map<String, Integer> certificateCounters() {
		Map<String, Integer> counters = new HashMap<>();
		jdbc.query("select region_code, year, last_value from certificate_sequence", rs -> {
			counters.put(rs.getString(1) + "-" + rs.getInt(2), rs.getInt(3));
		});
		return counters;
	}

	/**
	 * Five yearly cycles per city (the last one under way), by city code: ids oldest
	 * first.
	 */
	private Map<String, long[]> cycles(List<Region> districts, long versionId, LocalDate today) {
		Map<String, long[]> byCity = new HashMap<>();
		int year = today.getYear();
		for (String city : districts.stream().map(Region::getParentCode).distinct().sorted().toList()) {
			long[] ids = new long[5];
			for (int k = 0; k < 5; k++) {
				int y = year - 4 + k;
				boolean current = k == 4;
				LocalDate opens = LocalDate.of(y, 1, 10);
				ids[k] = jdbc.queryForObject(
						"""
								insert into evaluation_cycle (name, jurisdiction_code, standard_version_id, self_assessment_opens,
								    self_assessment_closes, inspection_starts, inspection_ends, status, created_by, created_at)
								values (?, ?, ?, ?, ?, ?, ?, ?, 'generator', ?) returning id
								""",
						Long.class, y + " 年度" + regions.name(city, java.util.Locale.SIMPLIFIED_CHINESE) + "医疗美容机构星级评价",
						city, versionId, opens, opens.plusMonths(2), opens.plusMonths(2), LocalDate.of(y, 12, 31),
						current ? "INSPECTING" : "CLOSED", Timestamp.from(at(opens.minusDays(30))));
			}
			byCity.put(city, ids);
		}
		return byCity;
	}

	private long exampleVersion() {
		List<Long> ids = jdbc.queryForList("""
				select v.id from standard_version v join evaluation_standard s on s.id = v.standard_id
				where s.example and v.status = 'PUBLISHED' order by v.id limit 1""", Long.class);
		return ids.isEmpty() ? ExampleStandard.load(authoring) : ids.get(0);
	}

	private List<AssessorSummary> assessors() {
		List<AssessorSummary> all = new ArrayList<>(inspections.assessors());
		while (all.size() < 2) {
			String username = "generator-assessor-" + (all.size() + 1);
			accounts.createDemoAccount(username, "评审专家（生成数据）", Role.ASSESSOR, null, null,
					java.util.UUID.randomUUID().toString());
			all = new ArrayList<>(inspections.assessors());
		}
		return all;
	}

	private String cityName(Region district) {
		String city = regions.name(district.getParentCode(), java.util.Locale.SIMPLIFIED_CHINESE);
		return city.endsWith("市") ? city.substring(0, city.length() - 1) : city;
	}

	private long next(String table) {
		Long max = jdbc.queryForObject("select coalesce(max(id), 0) from " + table, Long.class);
		return max + 1;
	}

	private Instant at(LocalDate day) {
		return day.atTime(10, 0).atZone(zone).toInstant();
	}

}
