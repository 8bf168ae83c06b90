package cn.meizhi.procedure;

import cn.meizhi.institution.HospitalGrade;
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
 * The highest surgical level institutions of a type (and grade, or any grade when none is
 * given) may perform, as a catalogue version says.
 */
@Entity
@Table(name = "catalogue_level_rule")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class LevelRule {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long catalogueId;

	@Enumerated(EnumType.STRING)
	private InstitutionType institutionType;

	@Enumerated(EnumType.STRING)
	private HospitalGrade hospitalGrade;

	private int maxLevel;

	LevelRule(long catalogueId, InstitutionType institutionType, HospitalGrade hospitalGrade, int maxLevel) {
		this.catalogueId = catalogueId;
		this.institutionType = institutionType;
		this.hospitalGrade = hospitalGrade;
		this.maxLevel = maxLevel;
	}

}
