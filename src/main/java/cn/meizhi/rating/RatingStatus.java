package cn.meizhi.rating;

/**
 * Where a rating stands. PROPOSED and APPEALED wait for a decision; IN_NOTICE is approved
 * and on public notice (公示) until it takes effect; REJECTED and WITHDRAWN end a proposal;
 * PUBLISHED is the public rating until it is SUPERSEDED, EXPIRED or REVOKED; SUSPENDED is
 * temporary and can be reinstated.
 */
public enum RatingStatus {

	PROPOSED, APPEALED, IN_NOTICE, REJECTED, WITHDRAWN, PUBLISHED, SUPERSEDED, EXPIRED, SUSPENDED, REVOKED;

	/** A proposal still being decided, or approved and on public notice. */
	public boolean pending() {
		return this == PROPOSED || this == APPEALED || this == IN_NOTICE;
	}

	/** Published at some point: what the public history shows. */
	public boolean wasPublished() {
		return this == PUBLISHED || this == SUPERSEDED || this == EXPIRED || this == SUSPENDED || this == REVOKED;
	}

}
