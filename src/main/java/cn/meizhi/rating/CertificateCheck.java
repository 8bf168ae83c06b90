package cn.meizhi.rating;

import java.time.LocalDate;

/**
 * What anyone may learn about a certificate by its number: whether it is valid today, whose it is, the
 * stars it certifies and for how long.
 *
 * @param certificateNo the certificate number
 * @param verdict whether the certificate is valid, and if not, why
 * @param institutionId the certified institution
 * @param institutionName its name
 * @param regionCode where it is
 * @param stars the certified stars
 * @param validFrom first day of validity
 * @param validUntil last day of validity
 */
public record CertificateCheck(String certificateNo, Verdict verdict, long institutionId, String institutionName,
		String regionCode, int stars, LocalDate validFrom, LocalDate validUntil) {

	/** Whether a certificate can be relied on today. */
	public enum Verdict {

		VALID, EXPIRED, SUSPENDED, REVOKED, SUPERSEDED;

	}

	public boolean valid() {
		return verdict == Verdict.VALID;
	}

}
