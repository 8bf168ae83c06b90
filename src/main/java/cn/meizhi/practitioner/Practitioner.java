package cn.meizhi.practitioner;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.meizhi.institution.Department;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
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
 * A 美容主诊医师: licence, category, specialties with the dates obtained, and the institutions
 * where registered. The identity number, phone and notes are the regulator's.
 */
@Entity
@Table(name = "practitioner")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Practitioner {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long lockVersion;

	private String name;

	private String licenceNumber;

	@Enumerated(EnumType.STRING)
	private QualificationCategory category;

	@Enumerated(EnumType.STRING)
	private PractitionerStatus status;

	private String regionCode;

	private String idNumber;

	private String phone;

	private String notes;

	private Instant createdAt;

	private Instant updatedAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "practitioner_specialty", joinColumns = @JoinColumn(name = "practitioner_id"))
	private List<Qualification> specialties = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "practitioner_registration", joinColumns = @JoinColumn(name = "practitioner_id"))
	private List<Registration> registrations = new ArrayList<>();

	/** A specialty held as 主诊医师, and since when. */
	@Embeddable
	@Getter
	@NoArgsConstructor(access = AccessLevel.PROTECTED)
	public static class Qualification {

		@Enumerated(EnumType.STRING)
		private Department specialty;

		@Column(name = "obtained_on")
		private LocalDate obtainedOn;

		public Qualification(Department specialty, LocalDate obtainedOn) {
			this.specialty = specialty;
			this.obtainedOn = obtainedOn;
		}

	}

	/** An institution where the practitioner is registered (main, or 多机构执业备案). */
	@Embeddable
	@Getter
	@NoArgsConstructor(access = AccessLevel.PROTECTED)
	public static class Registration {

		private Long institutionId;

		private boolean main;

		private LocalDate since;

		public Registration(long institutionId, boolean main, LocalDate since) {
			this.institutionId = institutionId;
			this.main = main;
			this.since = since;
		}

	}

	Practitioner(Instant now) {
		this.createdAt = now;
	}

	void apply(PractitionerForm.Checked checked, String regionCode, Instant now) {
		this.name = checked.name();
		this.licenceNumber = checked.licenceNumber();
		this.category = checked.category();
		this.status = checked.status();
		this.regionCode = regionCode;
		this.idNumber = checked.idNumber();
		this.phone = checked.phone();
		this.notes = checked.notes();
		this.specialties.clear();
		this.specialties.addAll(checked.specialties());
		this.registrations.clear();
		this.registrations.addAll(checked.registrations());
		this.updatedAt = now;
	}

	/** The main institution. */
	public long mainInstitutionId() {
		return registrations.stream().filter(Registration::isMain).findFirst().orElseThrow().getInstitutionId();
	}

	public boolean holds(Department specialty) {
		return specialties.stream().anyMatch(q -> q.getSpecialty() == specialty);
	}

}
