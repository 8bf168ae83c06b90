package cn.meizhi.shared;

/**
 * Who did something, as recorded in events and the audit trail: the account, the person's
 * name at the time (null for the system and for someone not signed in) and the role
 * ({@code null} for the public and for the system itself).
 */
public record Actor(String username, String displayName, Role role) {

	public static final Actor SYSTEM = new Actor("system", null, null);

	/** A member of the public, not signed in (a complainant). */
	public static final Actor PUBLIC = new Actor("public", null, null);

	public static Actor anonymous(String attemptedUsername) {
		return new Actor(attemptedUsername, null, null);
	}

}
