package cn.meizhi.practitioner;

import java.time.LocalDate;
import java.util.List;

import lombok.Data;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A practitioner as the regulator types it: the specialties as the dates each was
 * obtained (empty: not held), the institutions by credit code (the main one, and the
 * others one per line as {@code code yyyy-mm-dd}).
 */
@Data
public class PractitionerForm {

	private Long version;

	private String name;

	private String licenceNumber;

	private QualificationCategory category;

	private PractitionerStatus status = PractitionerStatus.ACTIVE;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate surgerySince;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate dermatologySince;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate dentistrySince;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate tcmSince;

	private String mainInstitution;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate mainSince;

	private String otherInstitutions;

	private String idNumber;

	private String phone;

	private String notes;

	/** A form that passed every rule, ready to apply. */
	public record Checked(String name, String licenceNumber, QualificationCategory category, PractitionerStatus status,
			List<Practitioner.Qualification> specialties, List<Practitioner.Registration> registrations,
			String idNumber, String phone, String notes) {
	}

}
