package cn.meizhi.account;

import java.time.Instant;
import java.util.List;

import cn.meizhi.shared.Actor;
import cn.meizhi.shared.AuditableEvent;
import cn.meizhi.shared.FieldChange;

/**
 * What happens to accounts and sign-ins; all of it goes into the audit trail.
 */
public final class AccountEvents {

	private AccountEvents() {
	}

	private interface AccountEvent extends AuditableEvent {

		long accountId();

		String username();

		@Override
		default String objectType() {
			return "UserAccount";
		}

		@Override
		default String objectId() {
			return String.valueOf(accountId());
		}

		@Override
		default String regionCode() {
			return null;
		}

		@Override
		default String summary() {
			return username();
		}

		/** Accounts and sign-ins are never public. */
		@Override
		default boolean changesPublicData() {
			return false;
		}

	}

	public record AccountCreated(long accountId, String username, List<FieldChange> changes, Actor actor,
			Instant occurredAt) implements AccountEvent {

		@Override
		public String action() {
			return "ACCOUNT_CREATED";
		}

	}

	public record AccountUpdated(long accountId, String username, List<FieldChange> changes, Actor actor,
			Instant occurredAt) implements AccountEvent {

		@Override
		public String action() {
			return "ACCOUNT_UPDATED";
		}

	}

	public record AccountEnabledChanged(long accountId, String username, boolean enabled, Actor actor,
			Instant occurredAt) implements AccountEvent {

		@Override
		public String action() {
			return enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED";
		}

	}

	public record PasswordReset(long accountId, String username, Actor actor,
			Instant occurredAt) implements AccountEvent {

		@Override
		public String action() {
			return "PASSWORD_RESET";
		}

	}

	public record PasswordChanged(long accountId, String username, Actor actor,
			Instant occurredAt) implements AccountEvent {

		@Override
		public String action() {
			return "PASSWORD_CHANGED";
		}

	}

	public record LoginSucceeded(long accountId, String username, Actor actor,
			Instant occurredAt) implements AccountEvent {

		@Override
		public String action() {
			return "LOGIN_SUCCEEDED";
		}

	}

	/** A failed sign-in; {@code accountId} is 0 when no such user exists. */
	public record LoginFailed(long accountId, String username, String reason, Actor actor,
			Instant occurredAt) implements AccountEvent {

		@Override
		public String action() {
			return "LOGIN_FAILED";
		}

		@Override
		public String objectId() {
			return accountId == 0 ? null : String.valueOf(accountId);
		}

		@Override
		public List<FieldChange> changes() {
			return List.of(new FieldChange("reason", "", reason));
		}

	}

	public record AccountLocked(long accountId, String username, Instant lockedUntil, Actor actor,
			Instant occurredAt) implements AccountEvent {

		@Override
		public String action() {
			return "ACCOUNT_LOCKED";
		}

		@Override
		public List<FieldChange> changes() {
			return List.of(new FieldChange("lockedUntil", "", lockedUntil.toString()));
		}

	}

}
