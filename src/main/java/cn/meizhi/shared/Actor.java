package cn.meizhi.shared;

/**
 * Who did something, as recorded in events and the audit trail. {@code role} is {@code null} for the
 * public and for the system itself.
 */
public record Actor(String username, Role role) {

	public static final Actor SYSTEM = new Actor("system", null);

	public static Actor anonymous(String attemptedUsername) {
		return new Actor(attemptedUsername, null);
	}

}
