package cn.meizhi.adverseevent;

import java.time.LocalDate;

import lombok.Data;

import org.springframework.format.annotation.DateTimeFormat;

/** What a clinic reports about an adverse event. */
@Data
public class AdverseEventForm {

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate occurredOn;

	private String procedureName;

	/** 1–4 for a surgical procedure, empty for a non-surgical one. */
	private Integer surgeryLevel;

	private EventSeverity severity;

	private String description;

	private String actionsTaken;

	private PatientOutcome patientOutcome;

	private String practitioner;

}
