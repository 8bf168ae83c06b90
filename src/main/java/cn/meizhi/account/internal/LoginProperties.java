package cn.meizhi.account.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in protection.
 *
 * @param maxFailedAttempts failed sign-ins in a row that lock an account
 * @param lockout how long a locked account stays locked
 * @param minPasswordLength the shortest password a person may choose
 */
@ConfigurationProperties("meizhi.login")
public record LoginProperties(Integer maxFailedAttempts, Duration lockout, Integer minPasswordLength) {

	public LoginProperties {
		maxFailedAttempts = maxFailedAttempts == null ? 5 : maxFailedAttempts;
		lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
		minPasswordLength = minPasswordLength == null ? 12 : minPasswordLength;
	}

}
