package cn.meizhi.account;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Outside demo mode nothing is seeded, except the first admin when its name and password
 * are given.
 */
@SpringBootTest(properties = { "meizhi.bootstrap.admin-username=chief",
		"meizhi.bootstrap.admin-password=a long first password" })
class FirstAdminTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AccountManagement accounts;

	@Test
	void createsTheFirstAdminWhoMustChangeThePassword() {
		var row = jdbc.queryForMap("select role, password_change_required from user_account where username = 'chief'");
		assertThat(row.get("role")).isEqualTo("ADMIN");
		assertThat(row.get("password_change_required")).isEqualTo(true);
	}

	@Test
	void seedsNoDemoAccountsOrInstitutionsOutsideDemoMode() {
		assertThat(jdbc.queryForObject(
				"select count(*) from user_account where username in ('admin', 'regulator', 'clinic')", Long.class))
			.isZero();
		assertThat(jdbc.queryForObject("select count(*) from user_account", Long.class)).isOne();
	}

	@Test
	void createsNoSecondAdminAndRefusesShortPasswords() {
		assertThat(accounts.createFirstAdmin("another", "another long password")).isFalse();
		jdbc.update("update user_account set role = 'ASSESSOR' where username = 'chief'");
		try {
			assertThatIllegalArgumentException().isThrownBy(() -> accounts.createFirstAdmin("another", "short"));
		}
		finally {
			jdbc.update("update user_account set role = 'ADMIN' where username = 'chief'");
		}
	}

}
