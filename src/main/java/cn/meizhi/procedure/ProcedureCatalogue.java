package cn.meizhi.procedure;

import java.io.InputStream;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import cn.meizhi.institution.Department;
import cn.meizhi.institution.HospitalGrade;
import cn.meizhi.procedure.internal.CatalogueVersionRepository;
import cn.meizhi.procedure.internal.LevelRuleRepository;
import cn.meizhi.procedure.internal.ProcedureRepository;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.InstitutionType;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.shared.Role;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The procedure catalogue's versions: a regulator imports a draft from JSON (every
 * problem located), reads it, publishes it (the published one before it retires) or
 * retires the published one; anyone reads the published one.
 */
@Service
@Transactional(readOnly = true)
public class ProcedureCatalogue {

	/** The specialties a procedure may belong to: the four aesthetic departments. */
	public static final Set<Department> SPECIALTIES = EnumSet.of(Department.AESTHETIC_SURGERY,
			Department.AESTHETIC_DERMATOLOGY, Department.AESTHETIC_DENTISTRY, Department.AESTHETIC_TCM);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CatalogueVersionRepository versions;

	private final ProcedureRepository procedures;

	private final LevelRuleRepository rules;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ProcedureCatalogue(CatalogueVersionRepository versions, ProcedureRepository procedures, LevelRuleRepository rules,
			ApplicationEventPublisher events, Clock clock) {
		this.versions = versions;
		this.procedures = procedures;
		this.rules = rules;
		this.events = events;
		this.clock = clock;
	}

	/** An import's outcome: the draft, or the problems (nothing saved). */
	public record ImportResult(CatalogueVersion version, List<String> problems) {

		public boolean succeeded() {
			return version != null;
		}

	}

	/** The published catalogue, if there is one. */
	public Optional<CatalogueVersion> published() {
		return versions.findByStatus(CatalogueStatus.PUBLISHED);
	}

	public List<CatalogueVersion> versions(CurrentUser user) {
		requireAuthor(user);
		return versions.findAllByOrderByIdDesc();
	}

	public CatalogueVersion version(CurrentUser user, long id) {
		requireAuthor(user);
		return versions.findById(id).orElseThrow(() -> new NotFoundException("ProcedureCatalogue", id));
	}

	/** A version's procedures, by code. */
	public List<Procedure> procedures(long catalogueId) {
		return procedures.findByCatalogueIdOrderByCode(catalogueId);
	}

	/** A version's level rules. */
	public List<LevelRule> rules(long catalogueId) {
		return rules.findByCatalogueIdOrderByInstitutionTypeAscHospitalGradeAsc(catalogueId);
	}

	/** Procedures of the published catalogue whose name, code or another name holds q. */
	public List<Procedure> search(String q) {
		var catalogue = published();
		if (catalogue.isEmpty()) {
			return List.of();
		}
		String fragment = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
		if (fragment.isEmpty()) {
			return procedures(catalogue.get().getId());
		}
		String pattern = "%" + fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return procedures.search(catalogue.get().getId(), pattern);
	}

	/** A procedure of the published catalogue, by code. */
	public Optional<Procedure> publishedProcedure(String code) {
		return published().flatMap(c -> procedures.findByCatalogueIdAndCode(c.getId(), code));
	}

	/**
	 * The highest surgical level institutions of this type and grade may perform under a
	 * catalogue version: the rule of the type and grade, else the type's rule without a
	 * grade, else none (0).
	 */
	public int maxLevel(long catalogueId, InstitutionType type, HospitalGrade grade) {
		return maxLevel(rules(catalogueId), type, grade);
	}

	/** {@link #maxLevel(long, InstitutionType, HospitalGrade)} on rules already read. */
	public static int maxLevel(List<LevelRule> rules, InstitutionType type, HospitalGrade grade) {
		return rules.stream()
			.filter(r -> r.getInstitutionType() == type && grade != null && r.getHospitalGrade() == grade)
			.findFirst()
			.or(() -> rules.stream()
				.filter(r -> r.getInstitutionType() == type && r.getHospitalGrade() == null)
				.findFirst())
			.map(LevelRule::getMaxLevel)
			.orElse(0);
	}

	/**
	 * Imports a draft from JSON; every problem is named by where it is, and nothing is
	 * saved when there is one.
	 */
	@Transactional
	public ImportResult importJson(CurrentUser user, InputStream json) {
		requireAuthor(user);
		CatalogueJson catalogue;
		try {
			catalogue = JSON.readValue(json, CatalogueJson.class);
		}
		catch (JacksonException ex) {
			return new ImportResult(null, List.of("catalogue.import.unreadable|" + ex.getOriginalMessage()));
		}
		List<String> problems = check(catalogue);
		if (!problems.isEmpty()) {
			return new ImportResult(null, problems);
		}
		CatalogueVersion version = versions.saveAndFlush(
				new CatalogueVersion(catalogue.label().strip(), catalogue.example(), clock.instant(), user.username()));
		for (CatalogueJson.Item item : catalogue.procedures()) {
			procedures.save(new Procedure(version.getId(), item.code().strip(), item.name().strip(),
					item.aliases() == null ? List.of() : item.aliases().stream().map(String::strip).toList(),
					item.specialty(), item.level()));
		}
		for (CatalogueJson.Rule rule : catalogue.levelRules()) {
			rules.save(new LevelRule(version.getId(), rule.type(), rule.grade(), rule.maxLevel()));
		}
		procedures.flush();
		events.publishEvent(new CatalogueEvent.CatalogueImported(version.getId(), version.getLabel(), user.actor(),
				clock.instant()));
		return new ImportResult(version, List.of());
	}

	/** A version as JSON, importable again. */
	public CatalogueJson export(CurrentUser user, long id) {
		CatalogueVersion version = version(user, id);
		return new CatalogueJson(version.getLabel(), version.isExample(),
				rules(id).stream()
					.map(r -> new CatalogueJson.Rule(r.getInstitutionType(), r.getHospitalGrade(), r.getMaxLevel()))
					.toList(),
				procedures(id).stream()
					.map(p -> new CatalogueJson.Item(p.getCode(), p.getName(), p.getAliasList(), p.getSpecialty(),
							p.getLevel()))
					.toList());
	}

	/** Serialises a catalogue's JSON. */
	public static byte[] toJson(CatalogueJson catalogue) {
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(catalogue);
	}

	/** Publishes a draft; the published version before it retires. */
	@Transactional
	public void publish(CurrentUser user, long id) {
		CatalogueVersion draft = version(user, id);
		published().ifPresent(current -> {
			current.retire(clock.instant());
			versions.flush();
		});
		draft.publish(clock.instant());
		versions.flush();
		events.publishEvent(new CatalogueEvent.CataloguePublished(id, draft.getLabel(), user.actor(), clock.instant()));
	}

	/** Retires the published version: no catalogue answers until another is published. */
	@Transactional
	public void retire(CurrentUser user, long id) {
		CatalogueVersion version = version(user, id);
		version.retire(clock.instant());
		versions.flush();
		events.publishEvent(new CatalogueEvent.CatalogueRetired(id, version.getLabel(), user.actor(), clock.instant()));
	}

	/** Every problem of an imported catalogue, as message key|argument strings. */
	static List<String> check(CatalogueJson catalogue) {
		List<String> problems = new java.util.ArrayList<>();
		if (catalogue.label() == null || catalogue.label().isBlank() || catalogue.label().strip().length() > 200) {
			problems.add("catalogue.import.label|");
		}
		if (catalogue.procedures() == null || catalogue.procedures().isEmpty()) {
			problems.add("catalogue.import.noProcedures|");
		}
		else {
			Set<String> codes = new HashSet<>();
			for (int i = 0; i < catalogue.procedures().size(); i++) {
				CatalogueJson.Item item = catalogue.procedures().get(i);
				String where = "procedures[" + i + "]";
				if (item == null) {
					problems.add("catalogue.import.empty|" + where);
					continue;
				}
				String code = item.code() == null ? "" : item.code().strip();
				if (code.isEmpty() || code.length() > 20) {
					problems.add("catalogue.import.code|" + where);
				}
				else if (!codes.add(code)) {
					problems.add("catalogue.import.duplicateCode|" + where + " " + code);
				}
				if (item.name() == null || item.name().isBlank() || item.name().strip().length() > 200) {
					problems.add("catalogue.import.name|" + where);
				}
				if (item.specialty() == null || !SPECIALTIES.contains(item.specialty())) {
					problems.add("catalogue.import.specialty|" + where);
				}
				if (item.level() != null && (item.level() < 1 || item.level() > 4)) {
					problems.add("catalogue.import.level|" + where);
				}
				if (item.aliases() != null && String.join(",", item.aliases()).length() > 500) {
					problems.add("catalogue.import.aliases|" + where);
				}
			}
		}
		if (catalogue.levelRules() == null || catalogue.levelRules().isEmpty()) {
			problems.add("catalogue.import.noRules|");
		}
		else {
			Set<String> keys = new HashSet<>();
			for (int i = 0; i < catalogue.levelRules().size(); i++) {
				CatalogueJson.Rule rule = catalogue.levelRules().get(i);
				String where = "levelRules[" + i + "]";
				if (rule == null || rule.type() == null) {
					problems.add("catalogue.import.ruleType|" + where);
					continue;
				}
				if (rule.maxLevel() == null || rule.maxLevel() < 0 || rule.maxLevel() > 4) {
					problems.add("catalogue.import.maxLevel|" + where);
				}
				if (!keys.add(rule.type() + "/" + rule.grade())) {
					problems.add("catalogue.import.duplicateRule|" + where);
				}
			}
		}
		return problems;
	}

	private static void requireAuthor(CurrentUser user) {
		if (!user.is(Role.REGULATOR) && !user.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only regulators and administrators keep the catalogue");
		}
	}

}
