package cn.meizhi.standard;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.EditConflictException;
import cn.meizhi.shared.FieldChange;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.InstitutionType;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.standard.internal.IndicatorContent;
import cn.meizhi.standard.internal.IndicatorForm;
import cn.meizhi.standard.internal.IndicatorRepository;
import cn.meizhi.standard.internal.RulesForm;
import cn.meizhi.standard.internal.SectionForm;
import cn.meizhi.standard.internal.StandardChecks;
import cn.meizhi.standard.internal.StandardDocument;
import cn.meizhi.standard.internal.StandardForm;
import cn.meizhi.standard.internal.StandardJson;
import cn.meizhi.standard.internal.StandardRepository;
import cn.meizhi.standard.internal.StandardSectionRepository;
import cn.meizhi.standard.internal.StandardVersionRepository;
import cn.meizhi.standard.internal.VersionNotEditableException;
import cn.meizhi.standard.internal.VersionRuleException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authors keep standards: a new standard with its first draft, a draft's rules, sections
 * and indicators (each change bumps the version's lock, so two authors cannot both
 * commit), publication and retirement, a new draft from a published version, and the JSON
 * import. Reading is {@link StandardManagement}'s.
 */
@Service
@Transactional(readOnly = true)
public class StandardAuthoring {

	private final StandardManagement management;

	private final StandardRepository standards;

	private final StandardVersionRepository versions;

	private final StandardSectionRepository sections;

	private final IndicatorRepository indicators;

	private final jakarta.persistence.EntityManager entityManager;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StandardAuthoring(StandardManagement management, StandardRepository standards, StandardVersionRepository versions,
			StandardSectionRepository sections, IndicatorRepository indicators,
			jakarta.persistence.EntityManager entityManager, ApplicationEventPublisher events, Clock clock) {
		this.management = management;
		this.standards = standards;
		this.versions = versions;
		this.sections = sections;
		this.indicators = indicators;
		this.entityManager = entityManager;
		this.events = events;
		this.clock = clock;
	}

	/** A new standard with its first, empty draft version. */
	@Transactional
	public StandardVersion createStandard(CurrentUser user, StandardForm form) {
		StandardManagement.requireAuthor(user);
		if (standards.findByName(form.getName().strip()).isPresent()) {
			throw FormRejectedException.of("name", "standard.name.taken");
		}
		Instant now = clock.instant();
		EvaluationStandard standard = standards
			.save(new EvaluationStandard(form.getName().strip(), form.getNameEn().strip(),
					blankToNull(form.getDescription()), blankToNull(form.getDescriptionEn()), false, now));
		StandardVersion draft = versions.saveAndFlush(
				new StandardVersion(standard, form.getVersionLabel().strip(), null, RatingRules.defaults(), null, now));
		publish(user, StandardVersionEvent.StandardCreated::new, draft, List.of());
		return draft;
	}

	@Transactional
	public void updateRules(CurrentUser user, long versionId, RulesForm form) {
		StandardVersion version = draft(user, versionId, form.getLockVersion());
		var reasons = new FormRejectedException.Collector();
		StandardChecks.thresholds(form.thresholds(), "", List.of("star1", "star2", "star3", "star4", "star5"), reasons);
		reasons.throwIfAny();
		RatingRules before = version.getRules();
		RatingRules after = form.toRules();
		version.changeRules(after);
		versions.flush();
		publish(user, StandardVersionEvent.StandardRulesChanged::new, version, new FieldChange.Diff()
			.add("thresholds", text(before.thresholds()), text(after.thresholds()))
			.add("coreFailureCap", before.getCoreFailureCap(), after.getCoreFailureCap())
			.add("sectionMinimumPercent", StandardChecks.DocumentNumbers.text(before.getSectionMinimumPercent()),
					StandardChecks.DocumentNumbers.text(after.getSectionMinimumPercent()))
			.add("appealWindowDays", before.getAppealWindowDays(), after.getAppealWindowDays())
			.add("validityMonths", before.getValidityMonths(), after.getValidityMonths())
			.add("correctiveActionDueDays", before.getCorrectiveActionDueDays(), after.getCorrectiveActionDueDays())
			.changes());
	}

	@Transactional
	public StandardSection addSection(CurrentUser user, long versionId, SectionForm form) {
		StandardVersion version = draft(user, versionId, null);
		checkSection(version, form, null);
		StandardSection section = version.addSection(form.getCode().strip(), form.getName().strip(),
				form.getNameEn().strip(), form.getPosition(), form.getWeight());
		versions.flush();
		publish(user, StandardVersionEvent.StandardSectionAdded::new, version,
				new FieldChange.Diff().add("section", null, section.getCode() + " " + section.getName()).changes());
		return section;
	}

	@Transactional
	public void updateSection(CurrentUser user, long sectionId, SectionForm form) {
		StandardSection section = management.findSection(sectionId);
		StandardVersion version = draft(user, section.getVersion().getId(), null);
		checkSection(version, form, sectionId);
		var changes = new FieldChange.Diff().add("code", section.getCode(), form.getCode().strip())
			.add("name", section.getName(), form.getName().strip())
			.add("nameEn", section.getNameEn(), form.getNameEn().strip())
			.add("position", section.getPosition(), form.getPosition())
			.add("weight", StandardChecks.DocumentNumbers.text(section.getWeight()),
					StandardChecks.DocumentNumbers.text(form.getWeight()))
			.changes();
		version.updateSection(section, form.getCode().strip(), form.getName().strip(), form.getNameEn().strip(),
				form.getPosition(), form.getWeight());
		versions.flush();
		publish(user, StandardVersionEvent.StandardSectionChanged::new, version, changes);
	}

	@Transactional
	public void deleteSection(CurrentUser user, long sectionId) {
		StandardSection section = management.findSection(sectionId);
		StandardVersion version = draft(user, section.getVersion().getId(), null);
		version.removeSection(section);
		versions.flush();
		publish(user, StandardVersionEvent.StandardSectionRemoved::new, version,
				new FieldChange.Diff().add("section", section.getCode() + " " + section.getName(), null).changes());
	}

	@Transactional
	public Indicator addIndicator(CurrentUser user, long versionId, IndicatorForm form) {
		StandardVersion version = draft(user, versionId, null);
		StandardSection section = sectionOf(version, form.getSectionId());
		checkIndicator(version, form, null);
		Indicator indicator = version.addIndicator(section, form.content());
		versions.flush();
		publish(user, StandardVersionEvent.StandardIndicatorAdded::new, version,
				new FieldChange.Diff().add("indicator", null, indicator.getCode() + " " + indicator.getTitle())
					.changes());
		return indicator;
	}

	@Transactional
	public void updateIndicator(CurrentUser user, long indicatorId, IndicatorForm form) {
		Indicator indicator = management.findIndicator(indicatorId);
		StandardVersion version = draft(user, indicator.getVersion().getId(), null);
		StandardSection target = sectionOf(version, form.getSectionId());
		checkIndicator(version, form, indicatorId);
		IndicatorContent before = indicator.content();
		IndicatorContent after = form.content();
		var changes = new FieldChange.Diff().add("code", before.code(), after.code())
			.add("title", before.title(), after.title())
			.add("titleEn", before.titleEn(), after.titleEn())
			.add("guidance", before.guidance(), after.guidance())
			.add("guidanceEn", before.guidanceEn(), after.guidanceEn())
			.add("methods", before.methods(), after.methods())
			.add("maxScore", StandardChecks.DocumentNumbers.text(before.maxScore()),
					StandardChecks.DocumentNumbers.text(after.maxScore()))
			.add("scoreStep", StandardChecks.DocumentNumbers.text(before.scoreStep()),
					StandardChecks.DocumentNumbers.text(after.scoreStep()))
			.add("notApplicableAllowed", before.notApplicableAllowed(), after.notApplicableAllowed())
			.add("appliesToTypes", before.appliesToTypes(), after.appliesToTypes())
			.add("minimumSurgeryLevel", before.minimumSurgeryLevel(), after.minimumSurgeryLevel())
			.add("core", before.core(), after.core())
			.add("position", before.position(), after.position())
			.add("section", indicator.getSection().getCode(), target.getCode())
			.changes();
		version.updateIndicator(indicator, target, after);
		versions.flush();
		publish(user, StandardVersionEvent.StandardIndicatorChanged::new, version, changes);
	}

	@Transactional
	public void deleteIndicator(CurrentUser user, long indicatorId) {
		Indicator indicator = management.findIndicator(indicatorId);
		StandardVersion version = draft(user, indicator.getVersion().getId(), null);
		version.removeIndicator(indicator);
		versions.flush();
		publish(user, StandardVersionEvent.StandardIndicatorRemoved::new, version,
				new FieldChange.Diff().add("indicator", indicator.getCode() + " " + indicator.getTitle(), null)
					.changes());
	}

	@Transactional
	public void publish(CurrentUser user, long versionId) {
		StandardVersion version = draft(user, versionId, null);
		lifecycle(() -> version.publish(user.username(), clock.instant()));
		versions.flush();
		publish(user, StandardVersionEvent.StandardPublished::new, version, List.of());
	}

	@Transactional
	public void retire(CurrentUser user, long versionId) {
		StandardManagement.requireAuthor(user);
		StandardVersion version = management.find(versionId);
		lifecycle(() -> version.retire(user.username(), clock.instant()));
		versions.flush();
		publish(user, StandardVersionEvent.StandardRetired::new, version, List.of());
	}

	/** A new draft that copies everything of a version (sections, indicators, rules). */
	@Transactional
	public StandardVersion newDraft(CurrentUser user, long versionId, String label) {
		StandardManagement.requireAuthor(user);
		StandardVersion source = StandardManagement.loaded(management.find(versionId));
		String newLabel = label == null || label.isBlank() ? nextLabel(source) : label.strip();
		if (versions.existsByStandardIdAndLabel(source.getStandard().getId(), newLabel)) {
			throw FormRejectedException.of("label", "standard.version.labelTaken");
		}
		StandardVersion draft = versions.saveAndFlush(source.newDraft(newLabel, clock.instant()));
		publish(user, StandardVersionEvent.StandardDraftCreated::new, draft,
				new FieldChange.Diff().add("derivedFrom", null, source.getLabel()).changes());
		return draft;
	}

	/**
	 * Imports a version from its JSON export as a new draft: under the standard of the
	 * same name if there is one, else under a new standard. A file with any problem
	 * imports nothing.
	 */
	@Transactional
	public ImportResult importJson(CurrentUser user, InputStream input) {
		StandardManagement.requireAuthor(user);
		StandardJson.Parsed parsed = StandardJson.read(input);
		if (!parsed.ok()) {
			return new ImportResult(null, parsed.problems());
		}
		StandardDocument document = parsed.document();
		Instant now = clock.instant();
		EvaluationStandard standard = standards.findByName(document.standard().name().strip())
			.orElseGet(() -> standards.save(new EvaluationStandard(document.standard().name().strip(),
					document.standard().nameEn().strip(), blankToNull(document.standard().description()),
					blankToNull(document.standard().descriptionEn()), document.standard().example(), now)));
		String label = document.version().label().strip();
		if (standard.getId() != null && versions.existsByStandardIdAndLabel(standard.getId(), label)) {
			return new ImportResult(null,
					List.of(new StandardJson.Problem("version.label", "standard.version.labelTaken")));
		}
		StandardDocument.Rules rules = document.rules();
		StandardVersion version = new StandardVersion(standard, label, blankToNull(document.version().notes()),
				new RatingRules(rules.thresholds(), rules.coreFailureCap(), rules.sectionMinimumPercent(),
						rules.appealWindowDays(), rules.validityMonths(), rules.correctiveActionDueDays()),
				null, now);
		int sectionPosition = 0;
		for (StandardDocument.Section s : document.sections()) {
			StandardSection section = version.addSection(s.code(), s.name(), s.nameEn(), sectionPosition++, s.weight());
			int position = 0;
			for (StandardDocument.Item i : s.indicators()) {
				version.addIndicator(section,
						new IndicatorContent(i.code(), i.title(), i.titleEn(), i.guidance(), i.guidanceEn(),
								StandardJson.enums(EvaluationMethod.class, i.methods()), i.maxScore(), i.scoreStep(),
								i.notApplicableAllowed(), StandardJson.enums(InstitutionType.class, i.appliesToTypes()),
								i.minimumSurgeryLevel(), i.core(), position++));
			}
		}
		StandardVersion saved = versions.saveAndFlush(version);
		publish(user, StandardVersionEvent.StandardImported::new, saved, List.of());
		return new ImportResult(saved, List.of());
	}

	/** The outcome of an import: the new draft, or the problems and nothing imported. */
	public record ImportResult(StandardVersion version, List<StandardJson.Problem> problems) {

		public boolean succeeded() {
			return problems.isEmpty();
		}

	}

	private void checkSection(StandardVersion version, SectionForm form, Long sectionId) {
		var reasons = new FormRejectedException.Collector();
		StandardChecks.weight(form.getWeight(), "weight", reasons);
		boolean taken = version.getSections()
			.stream()
			.anyMatch(s -> s.getCode().equals(form.getCode().strip()) && !s.getId().equals(sectionId));
		if (taken) {
			reasons.reject("code", "standard.section.codeTaken");
		}
		reasons.throwIfAny();
	}

	private void checkIndicator(StandardVersion version, IndicatorForm form, Long indicatorId) {
		var reasons = new FormRejectedException.Collector();
		StandardChecks.scoring(form.getMaxScore(), form.getScoreStep(), "", reasons);
		boolean taken = version.indicators()
			.anyMatch(i -> i.getCode().equals(form.getCode().strip()) && !i.getId().equals(indicatorId));
		if (taken) {
			reasons.reject("code", "standard.indicator.codeTaken");
		}
		reasons.throwIfAny();
	}

	private StandardSection sectionOf(StandardVersion version, Long sectionId) {
		return version.getSections()
			.stream()
			.filter(s -> s.getId().equals(sectionId))
			.findFirst()
			.orElseThrow(() -> FormRejectedException.of("sectionId", "standard.indicator.sectionUnknown"));
	}

	private StandardVersion draft(CurrentUser user, long versionId, Long lockVersion) {
		StandardManagement.requireAuthor(user);
		StandardVersion version = StandardManagement.loaded(management.find(versionId));
		if (!version.isDraft()) {
			throw new VersionNotEditableException(versionId);
		}
		if (lockVersion != null && lockVersion != version.getLockVersion()) {
			throw new EditConflictException("StandardVersion", versionId);
		}
		// every change of a draft's content bumps the version's lock, so that two authors
		// (or an edit racing
		// a publish) cannot both commit
		entityManager.lock(version, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
		return version;
	}

	private static void lifecycle(Runnable step) {
		try {
			step.run();
		}
		catch (VersionRuleException ex) {
			throw FormRejectedException.of(null, ex.messageKey());
		}
	}

	/**
	 * A published version that was in force before the registry kept it (the standard the
	 * history's ratings were judged by) gets the days it was created and published.
	 */
	@Transactional
	public void recordPastPublication(long versionId, Instant created, Instant published) {
		StandardVersion version = versions.findById(versionId)
			.orElseThrow(() -> new NotFoundException("StandardVersion", versionId));
		version.datePublicationFromHistory(created, published);
	}

	private String nextLabel(StandardVersion source) {
		String base = source.getLabel() + " 修订稿";
		String label = base;
		int n = 2;
		while (versions.existsByStandardIdAndLabel(source.getStandard().getId(), label)) {
			label = base + " " + n++;
		}
		return label;
	}

	private void publish(CurrentUser user, StandardVersionEvent.Fact fact, StandardVersion version,
			List<FieldChange> changes) {
		events.publishEvent(fact.of(version.getId(), version.getStandard().getName() + " · " + version.getLabel(),
				user.jurisdiction() == null ? null : user.jurisdiction().regionCode(), changes, user.actor(),
				clock.instant()));
	}

	private static String text(List<BigDecimal> values) {
		return values.stream().map(StandardChecks.DocumentNumbers::text).collect(Collectors.joining(" / "));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
