package cn.meizhi.complaint;

/**
 * Where a complaint stands. RECEIVED → ACKNOWLEDGED → (AWAITING_STATEMENT →
 * STATEMENT_GIVEN) → DECIDED; a decision may come at any step before it.
 */
public enum ComplaintStatus {

	RECEIVED, ACKNOWLEDGED, AWAITING_STATEMENT, STATEMENT_GIVEN, DECIDED;

	/**
	 * What the complainant reads on the tracking page: received, being handled, decided.
	 */
	public String publicStage() {
		return switch (this) {
			case RECEIVED -> "RECEIVED";
			case DECIDED -> "DECIDED";
			default -> "IN_HANDLING";
		};
	}

}
