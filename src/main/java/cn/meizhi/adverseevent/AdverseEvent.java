package cn.meizhi.adverseevent;

import java.time.Instant;
import java.time.LocalDate;

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

/** An adverse event a clinic reported; the regulator reviews it once. */
@Entity
@Table(name = "adverse_event")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class AdverseEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long lockVersion;

	private Long institutionId;

	private String regionCode;

	private LocalDate occurredOn;

	private String procedureName;

	private Integer surgeryLevel;

	@Enumerated(EnumType.STRING)
	private EventSeverity severity;

	private String description;

	private String actionsTaken;

	@Enumerated(EnumType.STRING)
	private PatientOutcome patientOutcome;

	private String practitioner;

	private Instant reportedAt;

	private String reportedBy;

	private Instant reviewedAt;

	private String reviewedBy;

	private String reviewNote;

	private boolean inspectionFlagged;

	AdverseEvent(long institutionId, String regionCode, AdverseEventForm form, Instant reportedAt, String reportedBy) {
		this.institutionId = institutionId;
		this.regionCode = regionCode;
		this.occurredOn = form.getOccurredOn();
		this.procedureName = form.getProcedureName().strip();
		this.surgeryLevel = form.getSurgeryLevel();
		this.severity = form.getSeverity();
		this.description = form.getDescription().strip();
		this.actionsTaken = form.getActionsTaken().strip();
		this.patientOutcome = form.getPatientOutcome();
		this.practitioner = form.getPractitioner() == null || form.getPractitioner().isBlank() ? null
				: form.getPractitioner().strip();
		this.reportedAt = reportedAt;
		this.reportedBy = reportedBy;
	}

	public boolean isReviewed() {
		return reviewedAt != null;
	}

	void review(String note, boolean flagInspection, String by, Instant now) {
		if (isReviewed()) {
			throw cn.meizhi.shared.FormRejectedException.of(null, "adverseEvent.alreadyReviewed");
		}
		this.reviewNote = note;
		this.inspectionFlagged = flagInspection;
		this.reviewedBy = by;
		this.reviewedAt = now;
	}

}
