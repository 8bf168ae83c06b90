package cn.meizhi.procedure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.meizhi.institution.Department;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionManagement.PracticeFacts;
import cn.meizhi.practitioner.Practitioner;
import cn.meizhi.practitioner.PractitionerRegister;
import cn.meizhi.practitioner.PractitionerStatus;
import cn.meizhi.shared.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plausibility rules of the register, in one place, as the regulator's report: what
 * the register says an institution may do against who practises there. Each finding names
 * its rule; the legal rules refuse at entry (see the practitioner register and the
 * institution form), these are the ones to look into.
 * <ul>
 * <li>an institution licensed for a specialty with no active 主诊医师 of it registered;</li>
 * <li>a licensed surgery level above what the published catalogue lets its type and grade
 * perform;</li>
 * <li>a licensed surgery level with no operating room;</li>
 * <li>a practitioner registered at more than {@value #MAX_SITES} institutions;</li>
 * <li>a practitioner registered at institutions in different cities (possible 挂证);</li>
 * <li>a suspended or revoked practitioner still registered at institutions.</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class RegisterPlausibility {

	/** The most institutions a practitioner is expected to be registered at. */
	public static final int MAX_SITES = 3;

	private final InstitutionManagement institutions;

	private final PractitionerRegister practitioners;

	private final ProcedureCatalogue catalogue;

	RegisterPlausibility(InstitutionManagement institutions, PractitionerRegister practitioners,
			ProcedureCatalogue catalogue) {
		this.institutions = institutions;
		this.practitioners = practitioners;
		this.catalogue = catalogue;
	}

	/**
	 * A finding: the rule (a message key), what it concerns (an institution or a
	 * practitioner, with a link) and the arguments of its message.
	 */
	public record Finding(String rule, String subject, String link, Object... arguments) {
	}

	public List<Finding> report(CurrentUser regulator) {
		List<PracticeFacts> facts = institutions.practiceFacts(regulator.jurisdiction());
		Map<Long, PracticeFacts> byId = new HashMap<>();
		facts.forEach(f -> byId.put(f.id(), f));
		List<Practitioner> registered = practitioners.registeredAt(byId.keySet());
		List<Finding> findings = new ArrayList<>();
		var published = catalogue.published();
		// the level rules once, not once per institution (a province holds tens of
		// thousands)
		List<LevelRule> levelRules = published.map(c -> catalogue.rules(c.getId())).orElse(List.of());
		for (PracticeFacts institution : facts) {
			String link = "/regulator/institutions/" + institution.id();
			for (Department specialty : institution.departments()) {
				if (!ProcedureCatalogue.SPECIALTIES.contains(specialty)) {
					continue;
				}
				boolean staffed = registered.stream()
					.anyMatch(p -> p.getStatus() == PractitionerStatus.ACTIVE && p.holds(specialty)
							&& p.getRegistrations().stream().anyMatch(r -> r.getInstitutionId() == institution.id()));
				if (!staffed) {
					findings
						.add(new Finding("plausibility.noPractitioner", institution.name(), link, specialty.name()));
				}
			}
			int maxLevel = ProcedureCatalogue.maxLevel(levelRules, institution.type(), institution.hospitalGrade());
			if (published.isPresent() && institution.surgeryLevel() > maxLevel) {
				findings.add(new Finding("plausibility.levelAboveType", institution.name(), link,
						institution.surgeryLevel(), maxLevel));
			}
			if (institution.surgeryLevel() > 0 && institution.operatingRooms() == 0) {
				findings.add(new Finding("plausibility.noOperatingRoom", institution.name(), link,
						institution.surgeryLevel()));
			}
		}
		Map<Long, String> regions = institutions.regionsOf(registered.stream()
			.flatMap(p -> p.getRegistrations().stream().map(Practitioner.Registration::getInstitutionId))
			.toList());
		for (Practitioner p : practitioners.allWithin(regulator)) {
			String link = "/regulator/practitioners/" + p.getId();
			if (p.getRegistrations().size() > MAX_SITES) {
				findings.add(new Finding("plausibility.tooManySites", p.getName(), link, p.getRegistrations().size(),
						MAX_SITES));
			}
			long cities = p.getRegistrations()
				.stream()
				.map(r -> regions.getOrDefault(r.getInstitutionId(), ""))
				.filter(code -> code.length() >= 4)
				.map(code -> code.substring(0, 4))
				.distinct()
				.count();
			if (cities > 1) {
				findings.add(new Finding("plausibility.farApart", p.getName(), link, cities));
			}
			if (p.getStatus() != PractitionerStatus.ACTIVE && !p.getRegistrations().isEmpty()) {
				findings.add(new Finding("plausibility.notPractising", p.getName(), link, p.getRegistrations().size()));
			}
		}
		return findings;
	}

}
