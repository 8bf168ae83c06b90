package cn.meizhi.qualitymeasure;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import cn.meizhi.shared.InstitutionType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * One quality-control measure of a set: what is counted among what, its unit and better
 * direction, who reports it how often, its plausible range, and whether it is published.
 * A set's measures never change once imported; a change is a new draft.
 */
@Entity
@Table(name = "quality_measure")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class QualityMeasure {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long setId;

	private int position;

	private String code;

	private String name;

	private String nameEn;

	private String definition;

	private String numerator;

	private String denominator;

	@Enumerated(EnumType.STRING)
	private MeasureUnit unit;

	@Enumerated(EnumType.STRING)
	private MeasureDirection direction;

	/** The institution types that report it, by name, separated by spaces. */
	private String institutionTypes;

	@Enumerated(EnumType.STRING)
	private ReportingPeriod period;

	private BigDecimal minValue;

	private BigDecimal maxValue;

	/** Whether the public sees the institutions' values. */
	private boolean disclosed;

	QualityMeasure(long setId, int position, MeasureSetJson.Measure m) {
		this.setId = setId;
		this.position = position;
		this.code = m.code().strip();
		this.name = m.name().strip();
		this.nameEn = m.nameEn().strip();
		this.definition = m.definition().strip();
		this.numerator = m.numerator().strip();
		this.denominator = m.denominator() == null || m.denominator().isBlank() ? null : m.denominator().strip();
		this.unit = m.unit();
		this.direction = m.direction();
		this.institutionTypes = m.institutionTypes()
			.stream()
			.distinct()
			.map(Enum::name)
			.sorted()
			.collect(Collectors.joining(" "));
		this.period = m.period();
		this.minValue = m.min();
		this.maxValue = m.max();
		this.disclosed = m.disclosed();
	}

	/** Its name in the reader's language. */
	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : name;
	}

	/** Its code and name ("QC-01 非计划再次手术率"), as lists and headings show it. */
	public String label(Locale locale) {
		return code + " " + name(locale);
	}

	public List<InstitutionType> institutionTypeList() {
		return Arrays.stream(institutionTypes.split(" ")).map(InstitutionType::valueOf).toList();
	}

	MeasureSetJson.Measure toJson() {
		return new MeasureSetJson.Measure(code, name, nameEn, definition, numerator, denominator, unit, direction,
				institutionTypeList(), period, minValue, maxValue, disclosed);
	}

}
