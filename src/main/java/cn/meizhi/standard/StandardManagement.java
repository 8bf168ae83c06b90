package cn.meizhi.standard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.InstitutionType;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.shared.Role;
import cn.meizhi.standard.RatingOutcome.SectionOutcome;
import cn.meizhi.standard.internal.IndicatorForm;
import cn.meizhi.standard.internal.IndicatorRepository;
import cn.meizhi.standard.internal.StandardChecks;
import cn.meizhi.standard.internal.StandardJson;
import cn.meizhi.standard.internal.StandardRepository;
import cn.meizhi.standard.internal.StandardSectionRepository;
import cn.meizhi.standard.internal.StandardVersionRepository;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authoring and reading evaluation standards. Regulators and admins author drafts;
 * published and retired versions are read by everyone and never change.
 */
@Service
@Transactional(readOnly = true)
public class StandardManagement {

	private final StandardRepository standards;

	private final StandardVersionRepository versions;

	private final StandardSectionRepository sections;

	private final IndicatorRepository indicators;

	private final RatingEngine engine;

	StandardManagement(StandardRepository standards, StandardVersionRepository versions,
			StandardSectionRepository sections, IndicatorRepository indicators, RatingEngine engine) {
		this.standards = standards;
		this.versions = versions;
		this.sections = sections;
		this.indicators = indicators;
		this.engine = engine;
	}

	// ---- reading
	// -------------------------------------------------------------------------------

	/** Every version, drafts included, for authors. */
	public List<StandardVersion> allVersions(CurrentUser user) {
		requireAuthor(user);
		return versions.findAllByOrderByStandardIdAscCreatedAtDesc().stream().map(StandardManagement::loaded).toList();
	}

	/** Published and retired versions: what the public may read. */
	public List<StandardVersion> publicVersions() {
		return versions
			.findByStatusInOrderByStandardIdAscCreatedAtDesc(List.of(VersionStatus.PUBLISHED, VersionStatus.RETIRED))
			.stream()
			.map(StandardManagement::loaded)
			.toList();
	}

	/** Published versions: what a new evaluation cycle may use. */
	public List<StandardVersion> publishedVersions() {
		return versions.findByStatusInOrderByStandardIdAscCreatedAtDesc(List.of(VersionStatus.PUBLISHED))
			.stream()
			.map(StandardManagement::loaded)
			.toList();
	}

	/** A version with all its sections and indicators, for an author. */
	public StandardVersion version(CurrentUser user, long id) {
		requireAuthor(user);
		return loaded(find(id));
	}

	/**
	 * A published or retired version with everything in it; drafts answer 404. What a
	 * published version holds never changes, so each node keeps the loaded sections and
	 * indicators; only its status can change (a retirement, possibly through another
	 * node), and that is read from the database on every call (one primary-key lookup),
	 * so no node shows a retired version as published. Callers only read the returned
	 * version.
	 */
	public StandardVersion publicVersion(long id) {
		VersionStatus status = versions.statusOf(id).orElseThrow(() -> new NotFoundException("StandardVersion", id));
		if (status == VersionStatus.DRAFT) {
			throw new NotFoundException("StandardVersion", id);
		}
		StandardVersion cached = published.get(id);
		if (cached != null && cached.getStatus() == status) {
			return cached;
		}
		StandardVersion version = loaded(find(id));
		published.put(id, version);
		return version;
	}

	private final java.util.Map<Long, StandardVersion> published = new java.util.concurrent.ConcurrentHashMap<>();

	public StandardSection section(CurrentUser user, long sectionId) {
		requireAuthor(user);
		StandardSection section = findSection(sectionId);
		loaded(section.getVersion());
		return section;
	}

	public IndicatorForm indicatorForm(CurrentUser user, long indicatorId) {
		requireAuthor(user);
		return IndicatorForm.of(findIndicator(indicatorId));
	}

	public long versionOfIndicator(long indicatorId) {
		return findIndicator(indicatorId).getVersion().getId();
	}

	/**
	 * What the rating engine needs of a version for an institution of this type and
	 * surgery level.
	 */
	public ScoringModel scoringModel(long versionId, InstitutionType type, int surgeryLevel) {
		return ScoringModel.of(loaded(find(versionId)), type, surgeryLevel);
	}

	/**
	 * The stars the version's rules give a total and section percentages: the draft
	 * preview.
	 */
	public RatingEngine.Decision preview(CurrentUser user, long versionId, BigDecimal total,
			Map<String, BigDecimal> sectionPercents, boolean coreFailed) {
		StandardVersion version = version(user, versionId);
		List<SectionOutcome> sections = version.getSections()
			.stream()
			.map(s -> new SectionOutcome(s.getCode(), s.getWeight(), null, null, sectionPercents.get(s.getCode())))
			.toList();
		return engine.decide(version.getRules(), total, sections, coreFailed ? List.of("★") : List.of());
	}

	public String exportJson(long versionId, CurrentUser user) {
		StandardVersion version = user == null ? publicVersion(versionId) : version(user, versionId);
		return StandardJson.write(version);
	}

	/**
	 * The version as a spreadsheet: one row per indicator, UTF-8 with a byte order mark
	 * for Excel.
	 */
	public void exportCsv(long versionId, CurrentUser user, Writer writer) {
		StandardVersion version = user == null ? publicVersion(versionId) : version(user, versionId);
		try {
			writer.write('\uFEFF');
			CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
			csv.printRecord("分部代码", "分部名称", "Section", "权重", "条款代码", "条款", "Indicator", "评价要点", "Guidance", "评价方法",
					"满分", "分值步长", "可不适用", "适用机构类型", "最低手术级别", "核心条款");
			for (StandardSection s : version.getSections()) {
				for (Indicator i : s.getIndicators()) {
					csv.printRecord(s.getCode(), s.getName(), s.getNameEn(),
							StandardChecks.DocumentNumbers.text(s.getWeight()), i.getCode(), i.getTitle(),
							i.getTitleEn(), i.getGuidance(), i.getGuidanceEn(),
							i.getMethodSet().stream().map(Enum::name).collect(Collectors.joining(" ")),
							StandardChecks.DocumentNumbers.text(i.getMaxScore()),
							StandardChecks.DocumentNumbers.text(i.getScoreStep()),
							i.isNotApplicableAllowed() ? "是" : "否",
							i.getApplicableTypes().stream().map(Enum::name).collect(Collectors.joining(" ")),
							i.getMinimumSurgeryLevel() == null ? "" : i.getMinimumSurgeryLevel(),
							i.isCore() ? "★" : "");
				}
			}
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// ---- helpers
	// -------------------------------------------------------------------------------

	StandardSection findSection(long id) {
		return sections.findById(id).orElseThrow(() -> new NotFoundException("StandardSection", id));
	}

	Indicator findIndicator(long id) {
		return indicators.findById(id).orElseThrow(() -> new NotFoundException("Indicator", id));
	}

	StandardVersion find(long id) {
		return versions.findById(id).orElseThrow(() -> new NotFoundException("StandardVersion", id));
	}

	/**
	 * Loads the version's standard, sections and indicators while the transaction is
	 * open.
	 */
	static StandardVersion loaded(StandardVersion version) {
		version.getStandard().getName();
		version.getSections().forEach(s -> s.getIndicators().size());
		return version;
	}

	static void requireAuthor(CurrentUser user) {
		if (user == null || !(user.is(Role.REGULATOR) || user.is(Role.ADMIN))) {
			throw new NotFoundException("Standard authoring", user == null ? "anonymous" : user.username());
		}
	}

}
