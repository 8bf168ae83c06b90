package cn.meizhi.shared;

/**
 * Who is acting: the signed-in user as every module sees it. Services take it to apply
 * object-level rules (own institution, own jurisdiction, assigned work).
 *
 * @param id the user account id
 * @param username the login name
 * @param displayName the name shown in the UI
 * @param role the role
 * @param jurisdiction the regulator's jurisdiction, {@code null} for other roles
 * @param institutionId the clinic user's institution, {@code null} for other roles
 */
public record CurrentUser(long id, String username, String displayName, Role role, Jurisdiction jurisdiction,
		Long institutionId) implements java.io.Serializable {

	public boolean is(Role other) {
		return role == other;
	}

	/** Whether this user may see objects located in the given region. */
	public boolean reaches(String regionCode) {
		return switch (role) {
			case ADMIN -> true;
			case REGULATOR -> jurisdiction != null && jurisdiction.covers(regionCode);
			default -> false;
		};
	}

	public Actor actor() {
		return new Actor(username, displayName, role);
	}

}
