package cn.meizhi.complaint;

import java.time.LocalDate;

import lombok.Data;

import org.springframework.format.annotation.DateTimeFormat;

/** What a member of the public types into the complaint form. */
@Data
public class ComplaintForm {

	private Long institutionId;

	private ComplaintCategory category;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate occurredOn;

	private String procedureName;

	private String description;

	private String contactPhone;

	private String contactEmail;

	private boolean consentToContact;

}
