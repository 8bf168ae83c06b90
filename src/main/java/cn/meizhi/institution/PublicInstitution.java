package cn.meizhi.institution;

import java.util.List;
import java.util.Set;

import cn.meizhi.shared.InstitutionType;
import lombok.AccessLevel;
import lombok.AllArgsConstructor;
import lombok.Getter;

/**
 * What the public may know of an open institution (its profile page and open data), read
 * with one statement and no entity: loading the entity also read its search columns and
 * made Hibernate track it, ~10 % of a profile view's CPU.
 */
@Getter
@AllArgsConstructor(access = AccessLevel.PACKAGE)
public final class PublicInstitution {

	private final long id;

	private final String name;

	private final String creditCode;

	/**
	 * Whether the credit code fails the check digit but was verified and registered as an
	 * exception.
	 */
	private final boolean creditCodeException;

	private final String licenceNumber;

	private final InstitutionType type;

	private final HospitalGrade hospitalGrade;

	private final String regionCode;

	private final String address;

	/** Departments in a stable order, for display. */
	private final Set<Department> departmentsInOrder;

	private final int surgeryLevel;

	/** Operating rooms (手术室): a surgical procedure needs one. */
	private final int operatingRooms;

	/** Certification records, one per line. */
	private final List<String> certificationList;

	private final String phone;

	private final String website;

	private final InstitutionStatus status;

	public InstitutionSummary summary() {
		return new InstitutionSummary(id, name, creditCode, regionCode, status, type, surgeryLevel);
	}

}
