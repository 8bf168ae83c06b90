package cn.meizhi.practitioner;

import java.time.Clock;
import java.util.List;

import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionSummary;
import cn.meizhi.practitioner.PractitionerProposal.Status;
import cn.meizhi.practitioner.internal.PractitionerProposalRepository;
import cn.meizhi.practitioner.internal.PractitionerRepository;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.shared.Role;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A clinic proposes changes to the register for its own staff — a new 主诊医师 registered
 * there, or a change to one registered there (any other: 404) — and the regulator of the
 * clinic's jurisdiction confirms (the change is then applied with the register's rules,
 * as theirs) or rejects it with a reason. A proposal is checked when made, with the same
 * rules, except that its main institution may be anywhere as long as the clinic's own is
 * one of the practitioner's institutions.
 */
@Service
@Transactional(readOnly = true)
public class PractitionerProposals {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final PractitionerProposalRepository proposals;

	private final PractitionerRepository practitioners;

	private final PractitionerRegister register;

	private final InstitutionManagement institutions;

	private final Clock clock;

	PractitionerProposals(PractitionerProposalRepository proposals, PractitionerRepository practitioners,
			PractitionerRegister register, InstitutionManagement institutions, Clock clock) {
		this.proposals = proposals;
		this.practitioners = practitioners;
		this.register = register;
		this.institutions = institutions;
		this.clock = clock;
	}

	/**
	 * The practitioners registered at the clinic's institution (with their private data).
	 */
	public List<Practitioner> staffOf(CurrentUser clinic) {
		requireRole(clinic, Role.CLINIC);
		return practitioners.findRegisteredAt(clinic.institutionId());
	}

	/**
	 * The form of a practitioner registered at the clinic's institution; 404 for others.
	 */
	public PractitionerForm formFor(CurrentUser clinic, long practitionerId) {
		staffMember(clinic, practitionerId);
		return register.formOf(practitionerId);
	}

	/** The proposal's problems, field by field (none: it may be made). */
	public FormRejectedException.Collector check(CurrentUser clinic, PractitionerForm form, Long practitionerId) {
		requireRole(clinic, Role.CLINIC);
		if (practitionerId != null) {
			staffMember(clinic, practitionerId);
		}
		return register.rules(form, practitionerId, main -> true, clinic.institutionId()).problems();
	}

	@Transactional
	public PractitionerProposal propose(CurrentUser clinic, PractitionerForm form, Long practitionerId) {
		check(clinic, form, practitionerId).throwIfAny();
		InstitutionSummary institution = institutions.findSummary(clinic.institutionId()).orElseThrow();
		return proposals.saveAndFlush(new PractitionerProposal(institution.id(), institution.regionCode(),
				practitionerId, JSON.writeValueAsString(form), clinic.username(), clock.instant()));
	}

	/** The clinic's proposals, newest first. */
	public List<PractitionerProposal> proposalsOf(CurrentUser clinic) {
		requireRole(clinic, Role.CLINIC);
		return proposals.findByInstitutionIdOrderByProposedAtDesc(clinic.institutionId());
	}

	/** The jurisdiction's pending proposals, oldest first. */
	public List<PractitionerProposal> pending(CurrentUser regulator) {
		requireRole(regulator, Role.REGULATOR);
		return proposals.findPendingWithin(regulator.jurisdiction().prefix());
	}

	/** A proposal of the jurisdiction; 404 for any other. */
	public PractitionerProposal get(CurrentUser regulator, long id) {
		requireRole(regulator, Role.REGULATOR);
		return proposals.findById(id)
			.filter(p -> regulator.reaches(p.getRegionCode()))
			.orElseThrow(() -> new NotFoundException("PractitionerProposal", id));
	}

	/** The proposed record. */
	public PractitionerForm formOf(PractitionerProposal proposal) {
		return JSON.readValue(proposal.getProposedForm(), PractitionerForm.class);
	}

	/**
	 * The regulator confirms: the change is applied as theirs, with the register's rules.
	 */
	@Transactional
	public Practitioner confirm(CurrentUser regulator, long id) {
		PractitionerProposal proposal = get(regulator, id);
		if (proposal.getStatus() != Status.PENDING) {
			throw FormRejectedException.of(null, "practitioner.proposal.decided");
		}
		PractitionerForm form = formOf(proposal);
		form.setVersion(null);
		Practitioner practitioner = proposal.getPractitionerId() == null ? register.register(regulator, form)
				: register.update(regulator, proposal.getPractitionerId(), form);
		proposal.decide(Status.CONFIRMED, null, regulator.username(), clock.instant());
		proposals.flush();
		return practitioner;
	}

	@Transactional
	public void reject(CurrentUser regulator, long id, String reason) {
		PractitionerProposal proposal = get(regulator, id);
		String text = reason == null ? "" : reason.strip();
		if (text.isEmpty() || text.length() > 2000) {
			throw FormRejectedException.of("reason", "practitioner.proposal.reasonRequired");
		}
		proposal.decide(Status.REJECTED, text, regulator.username(), clock.instant());
		proposals.flush();
	}

	private Practitioner staffMember(CurrentUser clinic, long practitionerId) {
		return practitioners.findById(practitionerId)
			.filter(p -> p.getRegistrations().stream().anyMatch(r -> r.getInstitutionId() == clinic.institutionId()))
			.orElseThrow(() -> new NotFoundException("Practitioner", practitionerId));
	}

	private static void requireRole(CurrentUser user, Role role) {
		if (!user.is(role)) {
			throw new AccessDeniedException("Only " + role);
		}
	}

}
