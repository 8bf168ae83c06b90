package cn.meizhi.institution;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

import cn.meizhi.shared.BusinessRuleException;
import cn.meizhi.shared.FieldChange;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * A medical-aesthetics institution (医疗美容机构) on the register.
 */
@Entity
@Table(name = "institution")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Institution {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long version;

	private String name;

	private String creditCode;

	private boolean creditCodeException;

	private String creditCodeExceptionReason;

	private String licenceNumber;

	@Enumerated(EnumType.STRING)
	private InstitutionType type;

	@Enumerated(EnumType.STRING)
	private HospitalGrade hospitalGrade;

	private String regionCode;

	private String address;

	private String legalRepresentative;

	@ElementCollection
	@CollectionTable(name = "institution_department", joinColumns = @JoinColumn(name = "institution_id"))
	@Column(name = "department")
	@Enumerated(EnumType.STRING)
	private Set<Department> departments = new LinkedHashSet<>();

	private int surgeryLevel;

	private int beds;

	private int operatingRooms;

	private int chiefPhysicians;

	private String phone;

	private String website;

	private String certifications;

	@Enumerated(EnumType.STRING)
	private InstitutionStatus status;

	private String statusReason;

	private Instant createdAt;

	private Instant updatedAt;

	Institution(InstitutionForm form, Instant now) {
		this.status = InstitutionStatus.ACTIVE;
		this.createdAt = now;
		apply(form, now);
	}

	/** Applies a regulator's edit; returns what changed, for the audit trail. */
	java.util.List<FieldChange> apply(InstitutionForm form, Instant now) {
		var diff = new FieldChange.Diff().add("name", name, form.getName().strip())
			.add("creditCode", creditCode, UnifiedSocialCreditCode.normalize(form.getCreditCode()))
			.add("creditCodeException", creditCodeException, form.isCreditCodeException())
			.add("creditCodeExceptionReason", creditCodeExceptionReason, form.exceptionReasonOrNull())
			.add("licenceNumber", licenceNumber, form.getLicenceNumber().strip())
			.add("type", type, form.getType())
			.add("hospitalGrade", hospitalGrade, form.getHospitalGrade())
			.add("regionCode", regionCode, form.getRegionCode())
			.add("address", address, form.getAddress().strip())
			.add("legalRepresentative", legalRepresentative, form.getLegalRepresentative().strip())
			.add("departments", departments, form.getDepartments())
			.add("surgeryLevel", surgeryLevel, form.getSurgeryLevel())
			.add("beds", beds, form.getBeds())
			.add("operatingRooms", operatingRooms, form.getOperatingRooms())
			.add("chiefPhysicians", chiefPhysicians, form.getChiefPhysicians())
			.add("phone", phone, blankToNull(form.getPhone()))
			.add("website", website, blankToNull(form.getWebsite()))
			.add("certifications", certifications, blankToNull(form.getCertifications()));
		this.name = form.getName().strip();
		this.creditCode = UnifiedSocialCreditCode.normalize(form.getCreditCode());
		this.creditCodeException = form.isCreditCodeException();
		this.creditCodeExceptionReason = form.exceptionReasonOrNull();
		this.licenceNumber = form.getLicenceNumber().strip();
		this.type = form.getType();
		this.hospitalGrade = form.getHospitalGrade();
		this.regionCode = form.getRegionCode();
		this.address = form.getAddress().strip();
		this.legalRepresentative = form.getLegalRepresentative().strip();
		this.departments.clear();
		this.departments.addAll(form.getDepartments());
		this.surgeryLevel = form.getSurgeryLevel();
		this.beds = form.getBeds();
		this.operatingRooms = form.getOperatingRooms();
		this.chiefPhysicians = form.getChiefPhysicians();
		this.phone = blankToNull(form.getPhone());
		this.website = blankToNull(form.getWebsite());
		this.certifications = blankToNull(form.getCertifications());
		this.updatedAt = now;
		return diff.changes();
	}

	/** Applies a clinic's edit of its public contact data; returns what changed. */
	java.util.List<FieldChange> applyContact(ContactForm form, Instant now) {
		var diff = new FieldChange.Diff().add("phone", phone, blankToNull(form.getPhone()))
			.add("website", website, blankToNull(form.getWebsite()))
			.add("address", address, form.getAddress().strip());
		this.phone = blankToNull(form.getPhone());
		this.website = blankToNull(form.getWebsite());
		this.address = form.getAddress().strip();
		this.updatedAt = now;
		return diff.changes();
	}

	/** Moves to another status; a reason is always required and closed is final. */
	void changeStatus(InstitutionStatus target, String reason, Instant now) {
		if (reason == null || reason.isBlank()) {
			throw new BusinessRuleException("reason", "institution.status.reasonRequired");
		}
		if (!status.canChangeTo(target)) {
			throw new BusinessRuleException("status", "institution.status.notAllowed", status, target);
		}
		this.status = target;
		this.statusReason = reason.strip();
		this.updatedAt = now;
	}

	/** Departments in a stable order, for display. */
	public Set<Department> getDepartmentsInOrder() {
		return departments.isEmpty() ? EnumSet.noneOf(Department.class) : new TreeSet<>(departments);
	}

	/** Certification records, one per line. */
	public java.util.List<String> getCertificationList() {
		return certifications == null ? java.util.List.of()
				: certifications.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
