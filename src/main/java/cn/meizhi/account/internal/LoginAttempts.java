package cn.meizhi.account.internal;

import java.time.Clock;
import java.time.Instant;

import cn.meizhi.account.AccountEvents.AccountLocked;
import cn.meizhi.account.AccountEvents.LoginFailed;
import cn.meizhi.account.AccountEvents.LoginSucceeded;
import cn.meizhi.shared.Actor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins and locks an account after too many in a row; records every
 * outcome.
 */
@Component
class LoginAttempts {

	private final UserAccountRepository accounts;

	private final LoginProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	LoginAttempts(UserAccountRepository accounts, LoginProperties properties, ApplicationEventPublisher events,
			Clock clock) {
		this.accounts = accounts;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	@EventListener
	@Transactional
	public void onFailure(AbstractAuthenticationFailureEvent event) {
		String username = String.valueOf(event.getAuthentication().getName());
		Instant now = clock.instant();
		String reason = reason(event.getException());
		var account = accounts.findByUsername(username);
		if (account.isEmpty()) {
			events.publishEvent(
					new LoginFailed(0, abbreviate(username), reason, Actor.anonymous(abbreviate(username)), now));
			return;
		}
		UserAccount user = account.get();
		events.publishEvent(new LoginFailed(user.getId(), username, reason, Actor.anonymous(username), now));
		if (user.recordFailedLogin(properties.maxFailedAttempts(), properties.lockout(), now)) {
			events.publishEvent(new AccountLocked(user.getId(), username, user.getLockedUntil(), Actor.SYSTEM, now));
		}
	}

	@EventListener
	@Transactional
	public void onSuccess(AuthenticationSuccessEvent event) {
		if (!(event.getAuthentication().getPrincipal() instanceof MeizhiUserDetails principal)) {
			return;
		}
		Instant now = clock.instant();
		accounts.findById(principal.currentUser().id()).ifPresent(user -> {
			user.recordSuccessfulLogin(now);
			events.publishEvent(
					new LoginSucceeded(user.getId(), user.getUsername(), principal.currentUser().actor(), now));
		});
	}

	/** Why a sign-in failed, as a code the audit trail puts in words. */
	static String reason(org.springframework.security.core.AuthenticationException failure) {
		if (failure instanceof org.springframework.security.authentication.BadCredentialsException) {
			return "BAD_CREDENTIALS";
		}
		if (failure instanceof org.springframework.security.authentication.LockedException) {
			return "LOCKED";
		}
		return failure instanceof org.springframework.security.authentication.DisabledException ? "DISABLED" : "OTHER";
	}

	private static String abbreviate(String username) {
		return username.length() > 64 ? username.substring(0, 64) : username;
	}

}
