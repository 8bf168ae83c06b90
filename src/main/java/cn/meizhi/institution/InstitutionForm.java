package cn.meizhi.institution;

import java.util.LinkedHashSet;
import java.util.Set;

import cn.meizhi.shared.InstitutionType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

/**
 * What a regulator types to register or edit an institution. Field checks are declared
 * here; the credit-code check, uniqueness and jurisdiction are checked by
 * {@link InstitutionManagement}.
 */
@Getter
@Setter
public class InstitutionForm {

	/** The version the editor loaded, for optimistic locking; null when registering. */
	private Long version;

	@NotBlank
	@Size(max = 200)
	private String name;

	@NotBlank
	private String creditCode;

	private boolean creditCodeException;

	@Size(max = 500)
	private String creditCodeExceptionReason;

	@NotBlank
	@Pattern(regexp = "[A-Za-z0-9\\-]{6,64}", message = "{institution.licenceNumber.format}")
	private String licenceNumber;

	@NotNull
	private InstitutionType type;

	private HospitalGrade hospitalGrade;

	@NotBlank
	private String regionCode;

	@NotBlank
	@Size(max = 300)
	private String address;

	@NotBlank
	@Size(max = 100)
	private String legalRepresentative;

	@NotEmpty
	private Set<Department> departments = new LinkedHashSet<>();

	@NotNull
	@Min(1)
	@Max(4)
	private Integer surgeryLevel;

	@NotNull
	@Min(0)
	@Max(100000)
	private Integer beds = 0;

	@NotNull
	@Min(0)
	@Max(1000)
	private Integer operatingRooms = 0;

	@NotNull
	@Min(0)
	@Max(10000)
	private Integer chiefPhysicians = 0;

	@Size(max = 40)
	@Pattern(regexp = "^$|[0-9+\\-() ]{5,40}", message = "{institution.phone.format}")
	private String phone;

	@Size(max = 200)
	@Pattern(regexp = "^$|https?://\\S+", message = "{institution.website.format}")
	private String website;

	@Size(max = 2000)
	private String certifications;

	String exceptionReasonOrNull() {
		return creditCodeException ? Institution.blankToNull(creditCodeExceptionReason) : null;
	}

	/**
	 * The fields where this form differs from another one (e.g. what someone else saved
	 * meanwhile): field name, the other form's value, this form's value.
	 */
	public java.util.List<cn.meizhi.shared.FieldChange> differencesFrom(InstitutionForm saved) {
		return new cn.meizhi.shared.FieldChange.Diff().add("name", saved.name, name)
			.add("creditCode", saved.creditCode, creditCode)
			.add("licenceNumber", saved.licenceNumber, licenceNumber)
			.add("type", saved.type, type)
			.add("hospitalGrade", saved.hospitalGrade, hospitalGrade)
			.add("regionCode", saved.regionCode, regionCode)
			.add("address", saved.address, address)
			.add("legalRepresentative", saved.legalRepresentative, legalRepresentative)
			.add("departments", saved.departments, departments)
			.add("surgeryLevel", saved.surgeryLevel, surgeryLevel)
			.add("beds", saved.beds, beds)
			.add("operatingRooms", saved.operatingRooms, operatingRooms)
			.add("chiefPhysicians", saved.chiefPhysicians, chiefPhysicians)
			.add("phone", blank(saved.phone), blank(phone))
			.add("website", blank(saved.website), blank(website))
			.add("certifications", blank(saved.certifications), blank(certifications))
			.changes();
	}

	private static String blank(String value) {
		return value == null ? "" : value.strip();
	}

	/** A form filled with an institution's current values, for editing. */
	static InstitutionForm of(Institution institution) {
		var form = new InstitutionForm();
		form.version = institution.getVersion();
		form.name = institution.getName();
		form.creditCode = institution.getCreditCode();
		form.creditCodeException = institution.isCreditCodeException();
		form.creditCodeExceptionReason = institution.getCreditCodeExceptionReason();
		form.licenceNumber = institution.getLicenceNumber();
		form.type = institution.getType();
		form.hospitalGrade = institution.getHospitalGrade();
		form.regionCode = institution.getRegionCode();
		form.address = institution.getAddress();
		form.legalRepresentative = institution.getLegalRepresentative();
		form.departments = new LinkedHashSet<>(institution.getDepartments());
		form.surgeryLevel = institution.getSurgeryLevel();
		form.beds = institution.getBeds();
		form.operatingRooms = institution.getOperatingRooms();
		form.chiefPhysicians = institution.getChiefPhysicians();
		form.phone = institution.getPhone();
		form.website = institution.getWebsite();
		form.certifications = institution.getCertifications();
		return form;
	}

}
