package cn.meizhi.rating;

import java.time.LocalDate;

import cn.meizhi.institution.InstitutionStatus;

/**
 * What anyone may learn about a certificate by its number: whether it is valid today,
 * whose it is, the stars it certifies and for how long.
 *
 * @param certificateNo the certificate number
 * @param verdict whether the certificate is valid, and if not, why
 * @param institutionId the certified institution
 * @param institutionName its name
 * @param regionCode where it is
 * @param stars the certified stars
 * @param starsChange why the stars differ from those the rules computed (null when they
 * do not)
 * @param validFrom first day of validity
 * @param validUntil last day of validity
 */
public record CertificateCheck(String certificateNo, Verdict verdict, long institutionId, String institutionName,
		String regionCode, int stars, StarsChange starsChange, LocalDate validFrom, LocalDate validUntil) {

	/** Whether a certificate can be relied on today, and if not, why. */
	public enum Verdict {

		VALID, EXPIRED, SUSPENDED, REVOKED, SUPERSEDED,
		/** The rating stands, but the institution's licence to practise is suspended. */
		LICENCE_SUSPENDED,
		/** The institution's licence to practise has been closed (注销). */
		LICENCE_CLOSED;

		/**
		 * The one rule of whether a certificate holds: every public face (directory,
		 * profile, verification, badge, certificate page and PDF, open data) asks it. A
		 * certificate holds while its rating is published, within its validity, and the
		 * institution may practise. A certificate that has ended for good (expired,
		 * revoked, superseded) says so whatever the licence; otherwise a closed or
		 * suspended licence comes before a suspended rating, because it is the broader
		 * fact and the regulator lifts each on its own. Null for a rating that never
		 * carried a certificate (proposed, appealed, rejected).
		 * @param rating the rating's status
		 * @param validUntil the certificate's last day
		 * @param licence whether the institution may practise
		 * @param today the day asked about
		 */
		public static Verdict of(RatingStatus rating, LocalDate validUntil, InstitutionStatus licence,
				LocalDate today) {
			Verdict ofRating = switch (rating) {
				case PUBLISHED -> validUntil.isBefore(today) ? EXPIRED : VALID;
				case SUSPENDED -> SUSPENDED;
				case EXPIRED -> EXPIRED;
				case REVOKED -> REVOKED;
				case SUPERSEDED -> SUPERSEDED;
				default -> null;
			};
			if (ofRating != VALID && ofRating != SUSPENDED) {
				return ofRating;
			}
			return switch (licence) {
				case CLOSED -> LICENCE_CLOSED;
				case SUSPENDED -> LICENCE_SUSPENDED;
				case ACTIVE -> ofRating;
			};
		}

	}

	public boolean valid() {
		return verdict == Verdict.VALID;
	}

}
