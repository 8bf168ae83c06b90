package cn.meizhi.procedure;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.meizhi.institution.Department;
import cn.meizhi.institution.HospitalGrade;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionStatus;
import cn.meizhi.institution.PublicInstitution;
import cn.meizhi.practitioner.PractitionerRegister;
import cn.meizhi.practitioner.PractitionerStatus;
import cn.meizhi.rating.PublicRating;
import cn.meizhi.rating.RatingRegister;
import cn.meizhi.rating.RatingStatus;
import cn.meizhi.shared.Formats;
import cn.meizhi.shared.InstitutionType;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one answer to "may this institution do this procedure?" — yes, no, or only with
 * conditions — with every reason in order. An institution may perform a procedure when
 * its licence is active, the procedure's specialty is one of its licensed departments,
 * and, for a surgical procedure, the catalogue's rule lets its type and grade perform the
 * procedure's level, its own licence covers that level and it has an operating room. A
 * 美容主诊医师 of the specialty must perform it: the practitioner register does not exist yet,
 * so a legal "may" is answered "only with conditions: ask to see their qualification".
 * The current rating is told, and does not change the answer.
 */
@Service
@Transactional(readOnly = true)
public class ProcedureCheck {

	private final ProcedureCatalogue catalogue;

	private final InstitutionManagement institutions;

	private final RatingRegister ratings;

	private final PractitionerRegister practitioners;

	private final Clock clock;

	private final Formats formats;

	ProcedureCheck(ProcedureCatalogue catalogue, InstitutionManagement institutions, RatingRegister ratings,
			PractitionerRegister practitioners, Clock clock, Formats formats) {
		this.practitioners = practitioners;
		this.catalogue = catalogue;
		this.institutions = institutions;
		this.ratings = ratings;
		this.clock = clock;
		this.formats = formats;
	}

	/** yes / no / only with conditions. */
	public enum Answer {

		YES, NO, CONDITIONAL

	}

	/**
	 * One reason: a message key with its arguments, and whether it holds (null: not
	 * known, the consumer must check it). {@code legal} reasons decide the answer; the
	 * others inform.
	 */
	public record Condition(String key, Boolean met, boolean legal, Object... arguments) {
	}

	/** The facts of an institution the rule weighs. */
	public record Facts(InstitutionStatus status, Set<Department> departments, InstitutionType type,
			HospitalGrade grade, int licensedLevel, int operatingRooms) {

		static Facts of(PublicInstitution institution) {
			return new Facts(institution.getStatus(), institution.getDepartmentsInOrder(), institution.getType(),
					institution.getHospitalGrade(), institution.getSurgeryLevel(), institution.getOperatingRooms());
		}

	}

	/**
	 * Who of the specialty practises at the institution: an active 主诊医师 registered there
	 * as their main institution, only ones registered there as a further site (多机构执业,
	 * present on some days), or none.
	 */
	public enum Staffing {

		RESIDENT, VISITING, NONE

	}

	/** The answer with its reasons. */
	public record Verdict(Answer answer, List<Condition> conditions) {
	}

	/** An institution and a procedure of the published catalogue, judged. */
	public record Judgement(PublicInstitution institution, Procedure procedure, Verdict verdict) {
	}

	/**
	 * The judgement of an institution and a procedure of the published catalogue; empty
	 * when either does not exist.
	 */
	public Optional<Judgement> check(long institutionId, String procedureCode) {
		var published = catalogue.published();
		if (published.isEmpty()) {
			return Optional.empty();
		}
		var procedure = catalogue.publishedProcedure(procedureCode);
		var institution = institutions.publicProfile(institutionId);
		if (procedure.isEmpty() || institution.isEmpty()) {
			return Optional.empty();
		}
		PublicInstitution i = institution.get();
		Procedure p = procedure.get();
		int maxLevel = catalogue.maxLevel(published.get().getId(), i.getType(), i.getHospitalGrade());
		Verdict verdict = judge(Facts.of(i), p, maxLevel,
				staffing(practitioners.publicAt(institutionId), institutionId, p.getSpecialty()));
		List<Condition> conditions = new ArrayList<>(verdict.conditions());
		conditions.add(ratingCondition(ratings.publicRecord(institutionId).current()));
		return Optional.of(new Judgement(i, p, new Verdict(verdict.answer(), conditions)));
	}

	/**
	 * What an institution may perform under the published catalogue: every procedure
	 * whose answer is not no, in the catalogue's order.
	 */
	public List<Judgement> permitted(long institutionId) {
		var published = catalogue.published();
		var institution = institutions.publicProfile(institutionId);
		if (published.isEmpty() || institution.isEmpty()) {
			return List.of();
		}
		PublicInstitution i = institution.get();
		int maxLevel = catalogue.maxLevel(published.get().getId(), i.getType(), i.getHospitalGrade());
		Facts facts = Facts.of(i);
		// who practises there, read once for all the catalogue's procedures
		var registered = practitioners.publicAt(institutionId);
		var staffing = new java.util.EnumMap<Department, Staffing>(Department.class);
		return catalogue.procedures(published.get().getId())
			.stream()
			.map(p -> new Judgement(i, p,
					judge(facts, p, maxLevel,
							staffing.computeIfAbsent(p.getSpecialty(), s -> staffing(registered, institutionId, s)))))
			.filter(j -> j.verdict().answer() != Answer.NO)
			.toList();
	}

	/**
	 * The rule itself, on facts alone: each condition in order, then the answer (no when
	 * a legal condition fails, only with conditions when one is not known, else yes).
	 */
	public static Verdict judge(Facts facts, Procedure procedure, int maxLevelOfType, Staffing staffing) {
		List<Condition> conditions = new ArrayList<>();
		conditions.add(new Condition("check.licenceActive", facts.status() == InstitutionStatus.ACTIVE, true,
				facts.status().name()));
		conditions.add(new Condition("check.department", facts.departments().contains(procedure.getSpecialty()), true,
				procedure.getSpecialty().name()));
		if (procedure.isSurgical()) {
			int level = procedure.getLevel();
			conditions.add(new Condition("check.levelAllowed", level <= maxLevelOfType, true, level,
					facts.type().name(), facts.grade() == null ? "none" : facts.grade().name(), maxLevelOfType));
			conditions.add(new Condition("check.levelLicensed", level <= facts.licensedLevel(), true, level,
					facts.licensedLevel()));
			conditions.add(new Condition("check.operatingRoom", facts.operatingRooms() > 0, true));
		}
		conditions.add(new Condition("check.practitioner", switch (staffing) {
			case RESIDENT -> Boolean.TRUE;
			case VISITING -> null;
			case NONE -> Boolean.FALSE;
		}, true, procedure.getSpecialty().name()));
		Answer answer = conditions.stream().anyMatch(c -> Boolean.FALSE.equals(c.met())) ? Answer.NO
				: conditions.stream().anyMatch(c -> c.met() == null) ? Answer.CONDITIONAL : Answer.YES;
		return new Verdict(answer, conditions);
	}

	/** Who of a specialty practises at an institution, by the practitioner register. */
	private static Staffing staffing(List<PractitionerRegister.PublicPractitioner> registered, long institutionId,
			Department specialty) {
		var present = registered.stream()
			.filter(p -> p.status() == PractitionerStatus.ACTIVE
					&& p.specialties().stream().anyMatch(q -> q.getSpecialty() == specialty))
			.toList();
		if (present.stream()
			.anyMatch(p -> p.institutions().stream().anyMatch(i -> i.institutionId() == institutionId && i.main()))) {
			return Staffing.RESIDENT;
		}
		return present.isEmpty() ? Staffing.NONE : Staffing.VISITING;
	}

	private Condition ratingCondition(PublicRating current) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), formats.zone());
		if (current != null && current.getStatus() == RatingStatus.PUBLISHED
				&& !current.getValidUntil().isBefore(today)) {
			return new Condition("check.rated", true, false, current.getStars(), current.getValidUntil());
		}
		return new Condition("check.notRated", false, false);
	}

}
