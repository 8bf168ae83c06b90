package cn.meizhi.account.internal;

import cn.meizhi.account.AccountManagement;
import cn.meizhi.shared.StartupLock;
import lombok.extern.slf4j.Slf4j;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Outside demo mode no account exists at first. Setting
 * {@code MEIZHI_BOOTSTRAP_ADMIN_USERNAME} and {@code MEIZHI_BOOTSTRAP_ADMIN_PASSWORD} (or
 * the matching properties) creates the first admin on start, if there is no admin yet;
 * that admin must change the password at first sign-in.
 */
@Slf4j
@Component
class FirstAdmin implements ApplicationRunner {

	@ConfigurationProperties("meizhi.bootstrap")
	record BootstrapProperties(String adminUsername, String adminPassword) {
	}

	private final AccountManagement accounts;

	private final BootstrapProperties properties;

	private final StartupLock startupLock;

	FirstAdmin(AccountManagement accounts, BootstrapProperties properties, StartupLock startupLock) {
		this.accounts = accounts;
		this.properties = properties;
		this.startupLock = startupLock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (properties.adminUsername() == null || properties.adminUsername().isBlank()) {
			return;
		}
		// nodes started together on an empty database: one creates the admin, the others
		// find it
		startupLock.run("meizhi.first-admin", () -> {
			if (accounts.createFirstAdmin(properties.adminUsername().strip(), properties.adminPassword())) {
				log.info("Created the first admin account '{}'; its password must be changed at first sign-in",
						properties.adminUsername());
			}
		});
	}

}
