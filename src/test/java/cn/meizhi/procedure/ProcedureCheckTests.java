package cn.meizhi.procedure;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.meizhi.institution.Department;
import cn.meizhi.institution.HospitalGrade;
import cn.meizhi.institution.InstitutionStatus;
import cn.meizhi.procedure.ProcedureCheck.Answer;
import cn.meizhi.procedure.ProcedureCheck.Facts;
import cn.meizhi.procedure.ProcedureCheck.Staffing;
import cn.meizhi.shared.InstitutionType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule on every combination of facts: an institution may perform a procedure (the
 * answer is not no) exactly when every documented condition holds; it is a plain yes only
 * with a 主诊医师 of the specialty whose main institution it is.
 */
class ProcedureCheckTests {

	static final List<Procedure> PROCEDURES = List.of(
			new Procedure(1, "WK-1", "重睑成形术（埋线法）", List.of("双眼皮"), Department.AESTHETIC_SURGERY, 1),
			new Procedure(1, "WK-2", "隆鼻术", List.of(), Department.AESTHETIC_SURGERY, 2),
			new Procedure(1, "WK-3", "隆乳术", List.of(), Department.AESTHETIC_SURGERY, 3),
			new Procedure(1, "WK-4", "颧骨降低术", List.of(), Department.AESTHETIC_SURGERY, 4),
			new Procedure(1, "PF-1", "激光脱毛", List.of(), Department.AESTHETIC_DERMATOLOGY, null),
			new Procedure(1, "YK-1", "牙齿漂白", List.of(), Department.AESTHETIC_DENTISTRY, null));

	static final List<Set<Department>> DEPARTMENTS = List.of(EnumSet.noneOf(Department.class),
			EnumSet.of(Department.AESTHETIC_SURGERY), EnumSet.of(Department.AESTHETIC_DERMATOLOGY),
			EnumSet.of(Department.AESTHETIC_SURGERY, Department.AESTHETIC_DERMATOLOGY, Department.AESTHETIC_DENTISTRY));

	@Test
	void mayExactlyWhenEveryConditionHolds() {
		int combinations = 0;
		for (InstitutionStatus status : InstitutionStatus.values()) {
			for (Set<Department> departments : DEPARTMENTS) {
				for (InstitutionType type : InstitutionType.values()) {
					for (HospitalGrade grade : new HospitalGrade[] { null, HospitalGrade.GRADE_1, HospitalGrade.GRADE_2,
							HospitalGrade.GRADE_3 }) {
						for (int licensed = 0; licensed <= 4; licensed++) {
							for (int rooms = 0; rooms <= 1; rooms++) {
								for (int maxLevel = 0; maxLevel <= 4; maxLevel++) {
									var facts = new Facts(status, departments, type, grade, licensed, rooms);
									for (Procedure procedure : PROCEDURES) {
										for (Staffing staffing : Staffing.values()) {
											combinations++;
											boolean may = status == InstitutionStatus.ACTIVE
													&& departments.contains(procedure.getSpecialty())
													&& (!procedure.isSurgical() || (procedure.getLevel() <= maxLevel
															&& procedure.getLevel() <= licensed && rooms > 0))
													&& staffing != Staffing.NONE;
											Answer answer = ProcedureCheck.judge(facts, procedure, maxLevel, staffing)
												.answer();
											assertThat(answer).as("%s %s %s", facts, procedure.getCode(), staffing)
												.isEqualTo(!may ? Answer.NO : staffing == Staffing.RESIDENT ? Answer.YES
														: Answer.CONDITIONAL);
										}
									}
								}
							}
						}
					}
				}
			}
		}
		assertThat(combinations).isEqualTo(3 * 4 * 4 * 4 * 5 * 2 * 5 * PROCEDURES.size() * 3);
	}

	@Test
	void everyFailedConditionIsNamed() {
		var clinic = new Facts(InstitutionStatus.ACTIVE, EnumSet.of(Department.AESTHETIC_SURGERY),
				InstitutionType.AESTHETIC_CLINIC, null, 1, 0);
		var verdict = ProcedureCheck.judge(clinic, PROCEDURES.get(2), 1, Staffing.NONE);
		assertThat(verdict.answer()).isEqualTo(Answer.NO);
		assertThat(verdict.conditions()).filteredOn(c -> Boolean.FALSE.equals(c.met()))
			.extracting(ProcedureCheck.Condition::key)
			.containsExactly("check.levelAllowed", "check.levelLicensed", "check.operatingRoom", "check.practitioner");
	}

}
