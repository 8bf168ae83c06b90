package cn.meizhi.account.internal;

import java.time.Duration;
import java.time.Instant;

import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.Jurisdiction;
import cn.meizhi.shared.Role;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * A person who signs in to Meizhi, with exactly one role. A regulator works inside a
 * jurisdiction; a clinic user acts for one institution.
 */
@Entity
@Table(name = "user_account")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class UserAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long version;

	private String username;

	private String displayName;

	private String passwordHash;

	@Enumerated(EnumType.STRING)
	private Role role;

	private String jurisdictionCode;

	private Long institutionId;

	private boolean enabled;

	private boolean passwordChangeRequired;

	private int failedLogins;

	private Instant lockedUntil;

	private Instant lastLoginAt;

	private Instant createdAt;

	/**
	 * Changes whenever access-relevant facts change; older sessions end (see
	 * SessionStampFilter).
	 */
	private String securityStamp;

	public UserAccount(String username, String displayName, Role role, String jurisdictionCode, Long institutionId,
			String passwordHash, boolean passwordChangeRequired, Instant now) {
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.passwordChangeRequired = passwordChangeRequired;
		this.enabled = true;
		this.createdAt = now;
		this.securityStamp = java.util.UUID.randomUUID().toString();
		assign(role, jurisdictionCode, institutionId);
	}

	/** Ends every session signed in before now. */
	public void renewSecurityStamp() {
		this.securityStamp = java.util.UUID.randomUUID().toString();
	}

	/**
	 * Sets the role and what it is bound to; bindings that do not belong to the role are
	 * dropped.
	 */
	public void assign(Role role, String jurisdictionCode, Long institutionId) {
		this.role = role;
		this.jurisdictionCode = role == Role.REGULATOR ? jurisdictionCode : null;
		this.institutionId = role == Role.CLINIC ? institutionId : null;
	}

	public void rename(String displayName) {
		this.displayName = displayName;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * A password set by someone else (an admin): the user must choose their own at next
	 * sign-in.
	 */
	public void resetPassword(String passwordHash) {
		this.passwordHash = passwordHash;
		this.passwordChangeRequired = true;
		this.failedLogins = 0;
		this.lockedUntil = null;
	}

	/** The user chose a new password. */
	public void changePassword(String passwordHash) {
		this.passwordHash = passwordHash;
		this.passwordChangeRequired = false;
	}

	public boolean isLocked(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	/** Counts a failed sign-in; returns true when this failure locks the account. */
	boolean recordFailedLogin(int maxFailures, Duration lockout, Instant now) {
		if (isLocked(now)) {
			return false;
		}
		failedLogins++;
		if (failedLogins >= maxFailures) {
			lockedUntil = now.plus(lockout);
			failedLogins = 0;
			return true;
		}
		return false;
	}

	void recordSuccessfulLogin(Instant now) {
		failedLogins = 0;
		lockedUntil = null;
		lastLoginAt = now;
	}

	public void unlock() {
		failedLogins = 0;
		lockedUntil = null;
	}

	public CurrentUser toCurrentUser() {
		return new CurrentUser(id, username, displayName, role,
				jurisdictionCode == null ? null : Jurisdiction.of(jurisdictionCode), institutionId);
	}

}
