package cn.meizhi.directory;

/**
 * What the public is told about an institution's rating, in one word: certified (a valid certificate),
 * or why not.
 */
public enum DirectoryStatus {

	/** A published rating within its validity. */
	CERTIFIED,
	/** The last rating's validity has ended. */
	EXPIRED,
	/** The regulator suspended the rating (for example during an investigation). */
	SUSPENDED,
	/** The regulator revoked the rating. */
	REVOKED,
	/** Never rated, but enrolled in an evaluation cycle that is under way. */
	AWAITING_INSPECTION,
	/** Never rated, and no evaluation under way. */
	NOT_RATED;

	static DirectoryStatus of(String ratingStatus, java.time.LocalDate validUntil, boolean awaiting,
			java.time.LocalDate today) {
		if (ratingStatus == null) {
			return awaiting ? AWAITING_INSPECTION : NOT_RATED;
		}
		return switch (ratingStatus) {
			case "PUBLISHED" -> validUntil.isBefore(today) ? EXPIRED : CERTIFIED;
			case "SUSPENDED" -> SUSPENDED;
			case "REVOKED" -> REVOKED;
			default -> EXPIRED;
		};
	}

}
