package cn.meizhi.standard;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

import cn.meizhi.shared.InstitutionType;
import cn.meizhi.standard.internal.EnumSetText;
import cn.meizhi.standard.internal.IndicatorContent;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * An indicator (评价条款 / 质控指标): what is checked, how, and how it is scored.
 */
@Entity
@Table(name = "indicator")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Indicator {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "section_id")
	private StandardSection section;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "version_id")
	private StandardVersion version;

	private String code;

	private String title;

	private String titleEn;

	private String guidance;

	private String guidanceEn;

	private String methods;

	private BigDecimal maxScore;

	private BigDecimal scoreStep;

	private boolean notApplicableAllowed;

	private String appliesToTypes;

	/**
	 * {@link #appliesToTypes} read, and the text it was read from: published versions are
	 * shared in memory and every profile asks each indicator whether it applies.
	 */
	@jakarta.persistence.Transient
	@lombok.Getter(lombok.AccessLevel.NONE)
	private transient volatile Set<InstitutionType> applicableTypes;

	@jakarta.persistence.Transient
	@lombok.Getter(lombok.AccessLevel.NONE)
	private transient volatile String applicableTypesText;

	private Integer minimumSurgeryLevel;

	/** A core item (核心条款 ★): failing it caps the rating. */
	private boolean core;

	private int position;

	Indicator(StandardSection section, IndicatorContent content) {
		this.section = section;
		this.version = section.getVersion();
		update(content);
	}

	void update(IndicatorContent content) {
		this.code = content.code();
		this.title = content.title();
		this.titleEn = content.titleEn();
		this.guidance = content.guidance();
		this.guidanceEn = content.guidanceEn();
		this.methods = EnumSetText.write(content.methods());
		this.maxScore = content.maxScore();
		this.scoreStep = content.scoreStep();
		this.notApplicableAllowed = content.notApplicableAllowed();
		this.appliesToTypes = EnumSetText.write(content.appliesToTypes());
		this.minimumSurgeryLevel = content.minimumSurgeryLevel();
		this.core = content.core();
		this.position = content.position();
	}

	void moveTo(StandardSection target) {
		this.section = target;
	}

	public Set<EvaluationMethod> getMethodSet() {
		return EnumSetText.read(EvaluationMethod.class, methods);
	}

	public Set<InstitutionType> getApplicableTypes() {
		Set<InstitutionType> types = applicableTypes;
		if (types == null || !appliesToTypes.equals(applicableTypesText)) {
			types = java.util.Collections.unmodifiableSet(EnumSetText.read(InstitutionType.class, appliesToTypes));
			applicableTypesText = appliesToTypes;
			applicableTypes = types;
		}
		return types;
	}

	/**
	 * Whether this indicator applies to an institution of this type and licensed surgery
	 * level.
	 */
	public boolean appliesTo(InstitutionType type, int surgeryLevel) {
		Set<InstitutionType> types = getApplicableTypes();
		return (types.isEmpty() || types.contains(type))
				&& (minimumSurgeryLevel == null || surgeryLevel >= minimumSurgeryLevel);
	}

	public String title(Locale locale) {
		return "en".equals(locale.getLanguage()) ? titleEn : title;
	}

	public String guidance(Locale locale) {
		return "en".equals(locale.getLanguage()) ? guidanceEn : guidance;
	}

	IndicatorContent content() {
		return new IndicatorContent(code, title, titleEn, guidance, guidanceEn, getMethodSet(), maxScore, scoreStep,
				notApplicableAllowed, getApplicableTypes(), minimumSurgeryLevel, core, position);
	}

}
