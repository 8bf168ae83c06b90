package cn.meizhi.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.meizhi.account.AccountEvents.AccountCreated;
import cn.meizhi.account.AccountEvents.AccountEnabledChanged;
import cn.meizhi.account.AccountEvents.AccountUpdated;
import cn.meizhi.account.AccountEvents.PasswordChanged;
import cn.meizhi.account.AccountEvents.PasswordReset;
import cn.meizhi.account.internal.LoginProperties;
import cn.meizhi.account.internal.PasswordChangeForm;
import cn.meizhi.account.internal.UserAccount;
import cn.meizhi.account.internal.UserAccountRepository;
import cn.meizhi.account.internal.UserForm;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionSummary;
import cn.meizhi.region.Regions;
import cn.meizhi.shared.Actor;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.EditConflictException;
import cn.meizhi.shared.FieldChange;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.shared.Jurisdiction;
import cn.meizhi.shared.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account administration (by admins) and each user's own password. Admins manage accounts
 * but make no rating decisions.
 */
@Service
@Transactional(readOnly = true)
public class AccountManagement {

	private final UserAccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final InstitutionManagement institutions;

	private final Regions regions;

	private final LoginProperties loginProperties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final JdbcClient jdbc;

	AccountManagement(UserAccountRepository accounts, PasswordEncoder passwordEncoder,
			InstitutionManagement institutions, Regions regions, LoginProperties loginProperties,
			ApplicationEventPublisher events, Clock clock, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.institutions = institutions;
		this.regions = regions;
		this.loginProperties = loginProperties;
		this.events = events;
		this.clock = clock;
	}

	public Page<UserAccount> search(CurrentUser admin, String q, Role role, Pageable pageable) {
		requireAdmin(admin);
		return accounts.search(q == null || q.isBlank() ? null : q.strip(), role, pageable);
	}

	public UserAccount get(CurrentUser admin, long id) {
		requireAdmin(admin);
		return accounts.findById(id).orElseThrow(() -> new NotFoundException("UserAccount", id));
	}

	public UserForm editForm(CurrentUser admin, long id) {
		UserAccount account = get(admin, id);
		var form = new UserForm();
		form.setVersion(account.getVersion());
		form.setUsername(account.getUsername());
		form.setDisplayName(account.getDisplayName());
		form.setRole(account.getRole());
		form.setJurisdictionCode(account.getJurisdictionCode());
		if (account.getInstitutionId() != null) {
			institutions.findSummary(account.getInstitutionId())
				.ifPresent(i -> form.setInstitutionCreditCode(i.creditCode()));
		}
		return form;
	}

	public Optional<InstitutionSummary> institutionOf(UserAccount account) {
		return account.getInstitutionId() == null ? Optional.empty()
				: institutions.findSummary(account.getInstitutionId());
	}

	@Transactional
	public UserAccount create(CurrentUser admin, UserForm form) {
		requireAdmin(admin);
		var reasons = new FormRejectedException.Collector();
		String username = form.getUsername().strip();
		if (accounts.existsByUsername(username)) {
			reasons.reject("username", "account.username.taken");
		}
		checkPassword(username, form.getInitialPassword(), "initialPassword", reasons);
		Long institutionId = checkBinding(form, reasons);
		reasons.throwIfAny();
		Instant now = clock.instant();
		UserAccount account = accounts.saveAndFlush(
				new UserAccount(username, form.getDisplayName().strip(), form.getRole(), form.getJurisdictionCode(),
						institutionId, passwordEncoder.encode(form.getInitialPassword()), true, now));
		var changes = new FieldChange.Diff().add("role", null, account.getRole())
			.add("jurisdictionCode", null, account.getJurisdictionCode())
			.add("institutionId", null, account.getInstitutionId())
			.changes();
		events.publishEvent(new AccountCreated(account.getId(), username, changes, admin.actor(), now));
		return account;
	}

	@Transactional
	public UserAccount update(CurrentUser admin, long id, UserForm form) {
		UserAccount account = get(admin, id);
		if (form.getVersion() == null || form.getVersion() != account.getVersion()) {
			throw new EditConflictException("UserAccount", id);
		}
		var reasons = new FormRejectedException.Collector();
		if (account.getId() == admin.id() && form.getRole() != Role.ADMIN) {
			reasons.reject("role", "account.role.ownAdmin");
		}
		Long institutionId = checkBinding(form, reasons);
		reasons.throwIfAny();
		var changes = new FieldChange.Diff().add("displayName", account.getDisplayName(), form.getDisplayName().strip())
			.add("role", account.getRole(), form.getRole())
			.add("jurisdictionCode", account.getJurisdictionCode(),
					form.getRole() == Role.REGULATOR ? form.getJurisdictionCode() : null)
			.add("institutionId", account.getInstitutionId(), form.getRole() == Role.CLINIC ? institutionId : null)
			.changes();
		account.rename(form.getDisplayName().strip());
		account.assign(form.getRole(), form.getJurisdictionCode(), institutionId);
		if (!changes.isEmpty()) {
			account.renewSecurityStamp();
		}
		accounts.saveAndFlush(account);
		if (!changes.isEmpty()) {
			events.publishEvent(new AccountUpdated(id, account.getUsername(), changes, admin.actor(), clock.instant()));
		}
		return account;
	}

	@Transactional
	public void setEnabled(CurrentUser admin, long id, boolean enabled) {
		UserAccount account = get(admin, id);
		if (account.getId() == admin.id() && !enabled) {
			throw FormRejectedException.of(null, "account.disable.self");
		}
		if (account.isEnabled() == enabled) {
			return;
		}
		account.setEnabled(enabled);
		account.renewSecurityStamp();
		if (enabled) {
			account.unlock();
		}
		events.publishEvent(
				new AccountEnabledChanged(id, account.getUsername(), enabled, admin.actor(), clock.instant()));
	}

	/** An admin sets a temporary password; the user must replace it at next sign-in. */
	@Transactional
	public void resetPassword(CurrentUser admin, long id, String temporaryPassword) {
		UserAccount account = get(admin, id);
		var reasons = new FormRejectedException.Collector();
		checkPassword(account.getUsername(), temporaryPassword, "temporaryPassword", reasons);
		reasons.throwIfAny();
		account.resetPassword(passwordEncoder.encode(temporaryPassword));
		account.renewSecurityStamp();
		events.publishEvent(new PasswordReset(id, account.getUsername(), admin.actor(), clock.instant()));
	}

	/**
	 * A signed-in user replaces their own password; returns the new security stamp of the
	 * account.
	 */
	@Transactional
	public String changeOwnPassword(CurrentUser user, PasswordChangeForm form) {
		UserAccount account = accounts.findById(user.id())
			.orElseThrow(() -> new NotFoundException("UserAccount", user.id()));
		var reasons = new FormRejectedException.Collector();
		if (!passwordEncoder.matches(form.getCurrentPassword(), account.getPasswordHash())) {
			reasons.reject("currentPassword", "account.password.currentWrong");
		}
		checkPassword(account.getUsername(), form.getNewPassword(), "newPassword", reasons);
		if (!form.getNewPassword().equals(form.getConfirmation())) {
			reasons.reject("confirmation", "account.password.mismatch");
		}
		if (passwordEncoder.matches(form.getNewPassword(), account.getPasswordHash())) {
			reasons.reject("newPassword", "account.password.unchanged");
		}
		reasons.throwIfAny();
		account.changePassword(passwordEncoder.encode(form.getNewPassword()));
		account.renewSecurityStamp();
		events.publishEvent(new PasswordChanged(account.getId(), account.getUsername(), user.actor(), clock.instant()));
		return account.getSecurityStamp();
	}

	/**
	 * Whether a session signed in with this stamp may go on: the account is enabled and
	 * unchanged. Asked on every signed-in request, so it is one statement outside a
	 * transaction rather than an account entity loaded in one (two round trips more, and
	 * Hibernate's session, for one yes or no).
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public boolean sessionStillValid(long accountId, String stamp) {
		return jdbc
			.sql("select exists (select 1 from user_account where id = :id and enabled and security_stamp = :stamp)")
			.param("id", accountId)
			.param("stamp", stamp)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Creates the first admin when no admin exists yet (used outside demo mode). Returns
	 * false when an admin already exists.
	 */
	@Transactional
	public boolean createFirstAdmin(String username, String password) {
		if (accounts.existsByRole(Role.ADMIN)) {
			return false;
		}
		var reasons = new FormRejectedException.Collector();
		checkPassword(username, password, "password", reasons);
		if (!reasons.isEmpty()) {
			throw new IllegalArgumentException("The first admin's password must have at least "
					+ loginProperties.minPasswordLength() + " characters and differ from the username");
		}
		Instant now = clock.instant();
		UserAccount admin = accounts.saveAndFlush(new UserAccount(username, username, Role.ADMIN, null, null,
				passwordEncoder.encode(password), true, now));
		events.publishEvent(new AccountCreated(admin.getId(), username,
				new FieldChange.Diff().add("role", null, Role.ADMIN).changes(), Actor.SYSTEM, now));
		return true;
	}

	/**
	 * Creates a demo account with a known password and no forced change. Only the demo
	 * data loader calls this, and only in demo mode.
	 */
	@Transactional
	public UserAccount createDemoAccount(String username, String displayName, Role role, String jurisdictionCode,
			Long institutionId, String password) {
		return accounts.findByUsername(username).orElseGet(() -> {
			Instant now = clock.instant();
			UserAccount account = accounts.saveAndFlush(new UserAccount(username, displayName, role, jurisdictionCode,
					institutionId, passwordEncoder.encode(password), false, now));
			events.publishEvent(new AccountCreated(account.getId(), username,
					new FieldChange.Diff().add("role", null, role).changes(), Actor.SYSTEM, now));
			return account;
		});
	}

	/** Enabled accounts per role. */
	public java.util.Map<Role, Long> countByRole(CurrentUser admin) {
		requireAdmin(admin);
		var counts = new java.util.EnumMap<Role, Long>(Role.class);
		for (Role role : Role.values()) {
			counts.put(role, accounts.countByRoleAndEnabledTrue(role));
		}
		return counts;
	}

	/** An assessor as other modules name one. */
	public record AssessorSummary(long id, String username, String displayName) {
	}

	/** Enabled assessor accounts, by name, to build inspection teams from. */
	public List<AssessorSummary> activeAssessors() {
		return accounts.findByRoleAndEnabledTrueOrderByDisplayName(Role.ASSESSOR)
			.stream()
			.map(a -> new AssessorSummary(a.getId(), a.getUsername(), a.getDisplayName()))
			.toList();
	}

	/** A regulator account, to hand work to. */
	public record RegulatorSummary(long id, String username, String displayName, String jurisdictionCode) {
	}

	/**
	 * The enabled regulators whose jurisdiction covers a region, by name: the colleagues
	 * a case there may be assigned to.
	 */
	public List<RegulatorSummary> regulatorsCovering(String regionCode) {
		return accounts.findByRoleAndEnabledTrueOrderByDisplayName(Role.REGULATOR)
			.stream()
			.filter(a -> a.getJurisdictionCode() != null && Jurisdiction.of(a.getJurisdictionCode()).covers(regionCode))
			.map(a -> new RegulatorSummary(a.getId(), a.getUsername(), a.getDisplayName(), a.getJurisdictionCode()))
			.toList();
	}

	public boolean isLocked(UserAccount account) {
		return account.isLocked(clock.instant());
	}

	public boolean exists(String username) {
		return accounts.existsByUsername(username);
	}

	public int minPasswordLength() {
		return loginProperties.minPasswordLength();
	}

	private void checkPassword(String username, String password, String field,
			FormRejectedException.Collector reasons) {
		if (password == null || password.length() < loginProperties.minPasswordLength()) {
			reasons.reject(field, "account.password.tooShort", loginProperties.minPasswordLength());
		}
		else if (password.length() > 128) {
			reasons.reject(field, "account.password.tooLong", 128);
		}
		else if (password.equalsIgnoreCase(username)) {
			reasons.reject(field, "account.password.sameAsUsername");
		}
	}

	private Long checkBinding(UserForm form, FormRejectedException.Collector reasons) {
		if (form.getRole() == Role.REGULATOR) {
			if (form.getJurisdictionCode() == null || form.getJurisdictionCode().isBlank()) {
				reasons.reject("jurisdictionCode", "account.jurisdiction.required");
			}
			else if (!regions.exists(form.getJurisdictionCode())) {
				reasons.reject("jurisdictionCode", "account.jurisdiction.unknown");
			}
		}
		if (form.getRole() == Role.CLINIC) {
			if (form.getInstitutionCreditCode() == null || form.getInstitutionCreditCode().isBlank()) {
				reasons.reject("institutionCreditCode", "account.institution.required");
				return null;
			}
			Optional<InstitutionSummary> institution = institutions.findByCreditCode(form.getInstitutionCreditCode());
			if (institution.isEmpty()) {
				reasons.reject("institutionCreditCode", "account.institution.unknown");
				return null;
			}
			return institution.get().id();
		}
		return null;
	}

	private static void requireAdmin(CurrentUser user) {
		if (!user.is(Role.ADMIN)) {
			throw new NotFoundException("Account administration", user.username());
		}
	}

}
