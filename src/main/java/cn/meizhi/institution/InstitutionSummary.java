package cn.meizhi.institution;

import cn.meizhi.shared.InstitutionType;

/**
 * The few facts other modules need to name an institution.
 */
public record InstitutionSummary(long id, String name, String creditCode, String regionCode, InstitutionStatus status,
		InstitutionType type, int surgeryLevel) {

	public static InstitutionSummary of(Institution institution) {
		return new InstitutionSummary(institution.getId(), institution.getName(), institution.getCreditCode(),
				institution.getRegionCode(), institution.getStatus(), institution.getType(),
				institution.getSurgeryLevel());
	}

}
