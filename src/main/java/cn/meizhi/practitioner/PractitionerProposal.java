package cn.meizhi.practitioner;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A clinic's proposed change to the register, for its own staff; decided once. */
@Entity
@Table(name = "practitioner_proposal")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class PractitionerProposal {

	/** Where a proposal stands. */
	public enum Status {

		PENDING, CONFIRMED, REJECTED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long lockVersion;

	private Long institutionId;

	private String regionCode;

	/** The practitioner to change; null for a new one. */
	private Long practitionerId;

	private String proposedForm;

	@Enumerated(EnumType.STRING)
	private Status status;

	private String proposedBy;

	private Instant proposedAt;

	private String decidedBy;

	private Instant decidedAt;

	private String reason;

	PractitionerProposal(long institutionId, String regionCode, Long practitionerId, String proposedForm,
			String proposedBy, Instant proposedAt) {
		this.institutionId = institutionId;
		this.regionCode = regionCode;
		this.practitionerId = practitionerId;
		this.proposedForm = proposedForm;
		this.status = Status.PENDING;
		this.proposedBy = proposedBy;
		this.proposedAt = proposedAt;
	}

	void decide(Status outcome, String reason, String by, Instant now) {
		if (status != Status.PENDING) {
			throw cn.meizhi.shared.FormRejectedException.of(null, "practitioner.proposal.decided");
		}
		this.status = outcome;
		this.reason = reason;
		this.decidedBy = by;
		this.decidedAt = now;
	}

}
