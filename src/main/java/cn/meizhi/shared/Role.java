package cn.meizhi.shared;

/**
 * The four kinds of signed-in users. The public needs no role.
 */
public enum Role {

	ADMIN, REGULATOR, ASSESSOR, CLINIC;

	/** The Spring Security authority name of this role. */
	public String authority() {
		return "ROLE_" + name();
	}

	/** The URL prefix of this role's area, e.g. {@code /regulator}. */
	public String area() {
		return "/" + name().toLowerCase();
	}

}
