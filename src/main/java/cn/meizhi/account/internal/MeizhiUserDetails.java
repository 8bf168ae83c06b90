package cn.meizhi.account.internal;

import java.util.Collection;
import java.util.List;

import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.HasCurrentUser;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as Spring Security keeps it in the session. Holds no password once
 * signed in.
 */
public final class MeizhiUserDetails implements UserDetails, CredentialsContainer, HasCurrentUser {

	private final CurrentUser user;

	private String passwordHash;

	private final boolean enabled;

	private final boolean locked;

	private final boolean passwordChangeRequired;

	/**
	 * The account's security stamp at sign-in; null only for principals built in tests.
	 */
	private final String securityStamp;

	MeizhiUserDetails(CurrentUser user, String passwordHash, boolean enabled, boolean locked,
			boolean passwordChangeRequired, String securityStamp) {
		this.user = user;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.locked = locked;
		this.passwordChangeRequired = passwordChangeRequired;
		this.securityStamp = securityStamp;
	}

	/** A principal for a user that no stored account backs (used by tests). */
	public static MeizhiUserDetails of(CurrentUser user) {
		return new MeizhiUserDetails(user, null, true, false, false, null);
	}

	MeizhiUserDetails withPasswordChanged(String newStamp) {
		return new MeizhiUserDetails(user, null, enabled, locked, false, newStamp);
	}

	String securityStamp() {
		return securityStamp;
	}

	@Override
	public CurrentUser currentUser() {
		return user;
	}

	public boolean isPasswordChangeRequired() {
		return passwordChangeRequired;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(user.role().authority()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return user.username();
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof MeizhiUserDetails that && that.user.id() == user.id();
	}

	@Override
	public int hashCode() {
		return Long.hashCode(user.id());
	}

	@Override
	public String toString() {
		return "MeizhiUserDetails[" + user.username() + ", " + user.role() + "]";
	}

}
