package cn.meizhi.rating;

/**
 * Where a rating stands. PROPOSED and APPEALED wait for a decision; REJECTED and
 * WITHDRAWN end a proposal; PUBLISHED is the public rating until it is SUPERSEDED,
 * EXPIRED or REVOKED; SUSPENDED is temporary and can be reinstated.
 */
public enum RatingStatus {

	PROPOSED, APPEALED, REJECTED, WITHDRAWN, PUBLISHED, SUPERSEDED, EXPIRED, SUSPENDED, REVOKED;

	/** A proposal still being decided. */
	public boolean pending() {
		return this == PROPOSED || this == APPEALED;
	}

	/** Published at some point: what the public history shows. */
	public boolean wasPublished() {
		return this == PUBLISHED || this == SUPERSEDED || this == EXPIRED || this == SUSPENDED || this == REVOKED;
	}

}
