package cn.meizhi.standard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import cn.meizhi.standard.internal.IndicatorContent;
import cn.meizhi.standard.internal.VersionNotEditableException;
import cn.meizhi.standard.internal.VersionRuleException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * One version of a standard. A draft is edited; publishing freezes it for good; retiring
 * keeps it readable but unusable for new evaluation cycles. Every change goes through a
 * method here that refuses it unless the version is a draft.
 */
@Entity
@Table(name = "standard_version")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class StandardVersion {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long lockVersion;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "standard_id")
	private EvaluationStandard standard;

	private String label;

	private String notes;

	@Enumerated(EnumType.STRING)
	private VersionStatus status;

	private Long derivedFromId;

	@Embedded
	private RatingRules rules;

	@OneToMany(mappedBy = "version", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position, id")
	private List<StandardSection> sections = new ArrayList<>();

	private Instant createdAt;

	private Instant publishedAt;

	private String publishedBy;

	private Instant retiredAt;

	private String retiredBy;

	StandardVersion(EvaluationStandard standard, String label, String notes, RatingRules rules, Long derivedFromId,
			Instant now) {
		this.standard = standard;
		this.label = label;
		this.notes = notes;
		this.rules = rules;
		this.derivedFromId = derivedFromId;
		this.status = VersionStatus.DRAFT;
		this.createdAt = now;
	}

	public boolean isDraft() {
		return status == VersionStatus.DRAFT;
	}

	public Stream<Indicator> indicators() {
		return sections.stream().flatMap(s -> s.getIndicators().stream());
	}

	public int getIndicatorCount() {
		return (int) indicators().count();
	}

	public long getCoreIndicatorCount() {
		return indicators().filter(Indicator::isCore).count();
	}

	void describe(String label, String notes) {
		requireDraft();
		this.label = label;
		this.notes = notes;
	}

	void changeRules(RatingRules rules) {
		requireDraft();
		this.rules = rules;
	}

	StandardSection addSection(String code, String name, String nameEn, int position, BigDecimal weight) {
		requireDraft();
		StandardSection section = new StandardSection(this, code, name, nameEn, position, weight);
		sections.add(section);
		return section;
	}

	void updateSection(StandardSection section, String code, String name, String nameEn, int position,
			BigDecimal weight) {
		requireDraft();
		section.update(code, name, nameEn, position, weight);
	}

	void removeSection(StandardSection section) {
		requireDraft();
		sections.remove(section);
	}

	Indicator addIndicator(StandardSection section, IndicatorContent content) {
		requireDraft();
		Indicator indicator = new Indicator(section, content);
		section.getIndicators().add(indicator);
		return indicator;
	}

	void updateIndicator(Indicator indicator, StandardSection target, IndicatorContent content) {
		requireDraft();
		if (indicator.getSection() != target) {
			indicator.getSection().getIndicators().remove(indicator);
			indicator.moveTo(target);
			target.getIndicators().add(indicator);
		}
		indicator.update(content);
	}

	void removeIndicator(Indicator indicator) {
		requireDraft();
		indicator.getSection().getIndicators().remove(indicator);
	}

	/**
	 * Freezes the version; it needs at least one section, and every section at least one
	 * indicator.
	 */
	void publish(String by, Instant now) {
		requireDraft();
		if (sections.isEmpty() || indicators().findAny().isEmpty()) {
			throw new VersionRuleException("standard.publish.empty");
		}
		if (sections.stream().anyMatch(s -> s.getIndicators().isEmpty())) {
			throw new VersionRuleException("standard.publish.emptySection");
		}
		this.status = VersionStatus.PUBLISHED;
		this.publishedAt = now;
		this.publishedBy = by;
	}

	/**
	 * A published version that was in force before the registry kept it: created and
	 * published on the days it was.
	 */
	void datePublicationFromHistory(Instant created, Instant published) {
		if (status != VersionStatus.PUBLISHED || published.isBefore(created)) {
			throw new IllegalArgumentException("only a published version, published after it was created");
		}
		this.createdAt = created;
		this.publishedAt = published;
	}

	void retire(String by, Instant now) {
		if (status != VersionStatus.PUBLISHED) {
			throw new VersionRuleException("standard.retire.notPublished");
		}
		this.status = VersionStatus.RETIRED;
		this.retiredAt = now;
		this.retiredBy = by;
	}

	/** A new draft with a copy of everything in this version. */
	StandardVersion newDraft(String label, Instant now) {
		StandardVersion draft = new StandardVersion(standard, label, notes, rules.copy(), id, now);
		for (StandardSection section : sections) {
			StandardSection copy = draft.addSection(section.getCode(), section.getName(), section.getNameEn(),
					section.getPosition(), section.getWeight());
			for (Indicator indicator : section.getIndicators()) {
				draft.addIndicator(copy, indicator.content());
			}
		}
		return draft;
	}

	private void requireDraft() {
		if (!isDraft()) {
			throw new VersionNotEditableException(id);
		}
	}

}
