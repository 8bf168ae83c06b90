package cn.meizhi.procedure;

import java.util.List;

import cn.meizhi.institution.Department;
import cn.meizhi.institution.HospitalGrade;
import cn.meizhi.shared.InstitutionType;

/**
 * A catalogue version as JSON, the form it is imported and exported in: {@code {"label",
 * "example", "levelRules": [{"type", "grade", "maxLevel"}], "procedures": [{"code",
 * "name", "aliases", "specialty", "level"}]}}. A rule without a grade holds for every
 * grade of the type that has no rule of its own.
 */
public record CatalogueJson(String label, Boolean example, List<Rule> levelRules, List<Item> procedures) {

	/**
	 * Institutions of a type (and grade) may perform surgical procedures up to a level.
	 */
	public record Rule(InstitutionType type, HospitalGrade grade, Integer maxLevel) {
	}

	/** A procedure: level 1–4 for a surgical one, none for the others. */
	public record Item(String code, String name, List<String> aliases, Department specialty, Integer level) {
	}

}
