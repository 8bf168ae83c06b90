package cn.meizhi.directory.internal;

import java.time.LocalDate;

import cn.meizhi.institution.InstitutionStatus;
import cn.meizhi.rating.CertificateCheck.Verdict;
import cn.meizhi.rating.RatingStatus;

/**
 * What the public is told about an institution's rating, in one word: certified (a valid
 * certificate), or why not.
 */
public enum DirectoryStatus {

	/** A published rating within its validity, and the institution may practise. */
	CERTIFIED,
	/** The last rating's validity has ended. */
	EXPIRED,
	/** The regulator suspended the rating (for example during an investigation). */
	SUSPENDED,
	/** The regulator revoked the rating. */
	REVOKED,
	/**
	 * The institution's licence to practise is suspended: no certificate of it holds
	 * meanwhile.
	 */
	LICENCE_SUSPENDED,
	/**
	 * The institution's licence to practise is closed (注销): no certificate of it holds.
	 */
	LICENCE_CLOSED,
	/** Never rated, but enrolled in an evaluation cycle that is under way. */
	AWAITING_INSPECTION,
	/** Never rated, and no evaluation under way. */
	NOT_RATED;

	/**
	 * Where an institution stands, from its current rating (null when never rated) by the
	 * rule every certificate is judged by ({@link Verdict#of}); an institution that may
	 * not practise says so whether rated or not.
	 */
	static DirectoryStatus of(RatingStatus rating, LocalDate validUntil, InstitutionStatus licence, boolean awaiting,
			LocalDate today) {
		if (rating == null) {
			return switch (licence) {
				case CLOSED -> LICENCE_CLOSED;
				case SUSPENDED -> LICENCE_SUSPENDED;
				case ACTIVE -> awaiting ? AWAITING_INSPECTION : NOT_RATED;
			};
		}
		Verdict verdict = Verdict.of(rating, validUntil, licence, today);
		return switch (verdict == null ? Verdict.EXPIRED : verdict) {
			case VALID -> CERTIFIED;
			case SUSPENDED -> SUSPENDED;
			case REVOKED -> REVOKED;
			case LICENCE_SUSPENDED -> LICENCE_SUSPENDED;
			case LICENCE_CLOSED -> LICENCE_CLOSED;
			case EXPIRED, SUPERSEDED -> EXPIRED;
		};
	}

	/** Whether this status means the institution may not practise at present. */
	public boolean licenceWithdrawn() {
		return this == LICENCE_SUSPENDED || this == LICENCE_CLOSED;
	}

}
