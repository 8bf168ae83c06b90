package cn.meizhi.directory.internal;

import java.time.LocalDate;

import cn.meizhi.shared.InstitutionType;

/**
 * One institution in the public directory (and in the open-data list): who it is, where,
 * and where its rating stands.
 *
 * @param id stable for the life of the institution
 * @param name registered name
 * @param creditCode unified social credit code
 * @param type institution type
 * @param regionCode GB/T 2260 code of its district
 * @param regionName the district's name
 * @param stars the stars of its current rating (null when never rated)
 * @param ratingStatus where its rating stands
 * @param certificateNo the current certificate's number, if any
 * @param validUntil the current certificate's last day, if any
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record Listing(long id, String name, String creditCode, InstitutionType type, String regionCode,
		String regionName, Integer stars, DirectoryStatus ratingStatus, String certificateNo, LocalDate validUntil) {

	public boolean certified() {
		return ratingStatus == DirectoryStatus.CERTIFIED;
	}

}
