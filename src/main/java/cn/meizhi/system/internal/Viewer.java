package cn.meizhi.system.internal;

import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.HasCurrentUser;
import cn.meizhi.shared.Role;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is looking at a page, as the layout needs it: signed in or not, with which role and
 * name. Every template reaches it as {@code #viewer} (see {@link ViewerDialect}); it is
 * read once per page from the security context instead of parsing a security expression
 * for every navigation link.
 */
public final class Viewer {

	private static final Viewer ANONYMOUS = new Viewer(null);

	private final CurrentUser user;

	private Viewer(CurrentUser user) {
		this.user = user;
	}

	/** The viewer of the current request. */
	public static Viewer current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& authentication.getPrincipal() instanceof HasCurrentUser principal) {
			return new Viewer(principal.currentUser());
		}
		return ANONYMOUS;
	}

	public boolean isSignedIn() {
		return user != null;
	}

	public boolean isRegulator() {
		return is(Role.REGULATOR);
	}

	public boolean isAdmin() {
		return is(Role.ADMIN);
	}

	public boolean isAssessor() {
		return is(Role.ASSESSOR);
	}

	public boolean isClinic() {
		return is(Role.CLINIC);
	}

	/**
	 * Regulators and admins work on standards in their own area; everyone else reads the
	 * public pages.
	 */
	public boolean isStandardsEditor() {
		return isRegulator() || isAdmin();
	}

	/** The name shown in the navigation; null when nobody is signed in. */
	public String getDisplayName() {
		return user == null ? null : user.displayName();
	}

	/** The role's name, e.g. {@code REGULATOR}; null when nobody is signed in. */
	public String getRole() {
		return user == null ? null : user.role().name();
	}

	private boolean is(Role role) {
		return user != null && user.is(role);
	}

}
