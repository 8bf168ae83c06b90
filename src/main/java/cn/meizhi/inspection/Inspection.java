package cn.meizhi.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.meizhi.inspection.internal.InspectionMember;
import cn.meizhi.shared.FormRejectedException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * An on-site inspection of one institution in one cycle. It guards its team and its
 * status.
 */
@Entity
@Table(name = "inspection")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Inspection {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long lockVersion;

	private Long cycleId;

	private Long institutionId;

	private LocalDate scheduledOn;

	@Enumerated(EnumType.STRING)
	private InspectionStatus status;

	private String cancelReason;

	private Instant submittedAt;

	private String submittedBy;

	private Instant createdAt;

	private String createdBy;

	@OneToMany(mappedBy = "inspection", cascade = CascadeType.ALL)
	private List<InspectionMember> members = new ArrayList<>();

	Inspection(long cycleId, long institutionId, LocalDate scheduledOn, String by, Instant now) {
		this.cycleId = cycleId;
		this.institutionId = institutionId;
		this.scheduledOn = scheduledOn;
		this.status = InspectionStatus.SCHEDULED;
		this.createdAt = now;
		this.createdBy = by;
	}

	public List<InspectionMember> activeMembers() {
		return members.stream().filter(InspectionMember::isActive).toList();
	}

	public Optional<InspectionMember> member(long assessorId) {
		return members.stream().filter(m -> m.getAssessorId() == assessorId).findFirst();
	}

	public Optional<InspectionMember> activeMember(long assessorId) {
		return member(assessorId).filter(InspectionMember::isActive);
	}

	public Optional<InspectionMember> lead() {
		return members.stream().filter(m -> m.isActive() && m.isLead()).findFirst();
	}

	public boolean isLead(long assessorId) {
		return lead().map(m -> m.getAssessorId() == assessorId).orElse(false);
	}

	void addMember(long assessorId, boolean lead) {
		requireOpen();
		Optional<InspectionMember> existing = member(assessorId);
		if (existing.isPresent() && existing.get().isActive()) {
			throw FormRejectedException.of("assessorId", "inspection.member.already");
		}
		if (existing.isPresent() && existing.get().isConflict()) {
			throw FormRejectedException.of("assessorId", "inspection.member.declaredConflict");
		}
		if (lead) {
			members.forEach(m -> m.setLead(false));
		}
		if (existing.isPresent()) {
			existing.get().rejoin();
			existing.get().setLead(lead);
		}
		else {
			members.add(new InspectionMember(this, assessorId, lead));
		}
	}

	void makeLead(long assessorId) {
		requireOpen();
		InspectionMember member = activeMember(assessorId)
			.orElseThrow(() -> FormRejectedException.of("assessorId", "inspection.member.notOnTeam"));
		members.forEach(m -> m.setLead(false));
		member.setLead(true);
	}

	void reschedule(LocalDate date) {
		requireOpen();
		this.scheduledOn = date;
	}

	void cancel(String reason) {
		requireOpen();
		if (reason == null || reason.isBlank()) {
			throw FormRejectedException.of("reason", "inspection.cancel.reasonRequired");
		}
		cn.meizhi.shared.Texts.requireMax(reason, 1000, "reason");
		this.status = InspectionStatus.CANCELLED;
		this.cancelReason = reason.strip();
	}

	void started() {
		if (status == InspectionStatus.SCHEDULED) {
			status = InspectionStatus.IN_PROGRESS;
		}
	}

	void submit(String by, Instant now, LocalDate today) {
		requireScorable(today);
		this.status = InspectionStatus.SUBMITTED;
		this.submittedAt = now;
		this.submittedBy = by;
	}

	/** An upheld appeal sends the inspection back to the team for a re-inspection. */
	void reopen() {
		if (status != InspectionStatus.SUBMITTED) {
			throw FormRejectedException.of(null, "inspection.reopen.notSubmitted");
		}
		this.status = InspectionStatus.IN_PROGRESS;
		this.submittedAt = null;
		this.submittedBy = null;
	}

	/**
	 * Scores and the submission belong to the visit: not before its scheduled day, nor
	 * once it is over.
	 */
	void requireScorable(LocalDate today) {
		if (!status.scorable()) {
			throw FormRejectedException.of(null, "inspection.notScorable");
		}
		if (today.isBefore(scheduledOn)) {
			throw FormRejectedException.of(null, "inspection.notYet", scheduledOn);
		}
	}

	private void requireOpen() {
		if (!status.scorable()) {
			throw FormRejectedException.of(null, "inspection.notScorable");
		}
	}

}
