package cn.meizhi.complaint;

import lombok.Data;

/** The regulator's decision on a complaint. */
@Data
public class DecisionForm {

	private ComplaintOutcome outcome;

	/** The written answer the complainant reads by tracking number. */
	private String publicAnswer;

	/** For a complaint outside the remit: where it was referred (e.g. 市场监督管理局). */
	private String referredTo;

	/** What was found, for the record and the institution's file (not public). */
	private String finding;

	private FollowUp followUp = FollowUp.NONE;

	/** For a corrective action: by when the institution must answer. */
	@org.springframework.format.annotation.DateTimeFormat(
			iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
	private java.time.LocalDate actionDue;

	/** For a corrective action: how serious the finding is. */
	private cn.meizhi.inspection.Severity actionSeverity = cn.meizhi.inspection.Severity.GENERAL;

}
