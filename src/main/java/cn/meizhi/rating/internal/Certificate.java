package cn.meizhi.rating.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.meizhi.rating.CertificateCheck;
import cn.meizhi.rating.StarsChange;

/**
 * What a star-rating certificate states: the printable page, the PDF and the badge all
 * show this.
 *
 * @param certificateNo the certificate number, {@code MZ-<region>-<year>-<sequence>}
 * @param verdict whether it can be relied on today
 * @param institutionId the certified institution
 * @param institutionName its registered (Chinese) name
 * @param creditCode its unified social credit code
 * @param regionCode where it is registered
 * @param stars the certified stars
 * @param total the inspection total the stars rest on
 * @param starsChange why the stars differ from those the standard's rules gave (null when
 * they do not)
 * @param standardName the standard it was judged by
 * @param standardNameEn the standard's English name
 * @param standardVersion the version label of that standard
 * @param standardVersionId the version, for a link to its public page
 * @param approvedOn the day a regulator approved it
 * @param validFrom first day of validity
 * @param validUntil last day of validity
 */
public record Certificate(String certificateNo, CertificateCheck.Verdict verdict, long institutionId,
		String institutionName, String creditCode, String regionCode, int stars, BigDecimal total,
		StarsChange starsChange, String standardName, String standardNameEn, String standardVersion,
		long standardVersionId, LocalDate approvedOn, LocalDate validFrom, LocalDate validUntil) {

	public boolean valid() {
		return verdict == CertificateCheck.Verdict.VALID;
	}

}
