package cn.meizhi.system;

import cn.meizhi.shared.UnstorableInputException;
import cn.meizhi.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One check refuses every input PostgreSQL (or the XML of a badge) cannot keep, before
 * any controller runs: pages, forms and the API alike answer 400 naming the field, and
 * nothing is saved or logged as an error.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class UnstorableInputTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aSearchWithANulIsA400NamingTheSearch(CapturedOutput output) throws Exception {
		int logged = output.getAll().length();
		mvc.perform(get("/institutions").param("q", "美容\u0000"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("「搜索词」中含有无法保存的字符")))
			.andExpect(content().string(containsString("美容\u2400")));
		mvc.perform(get("/institutions").param("q", "美容\u0000").param("lang", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Search: contains characters that cannot be saved")));
		mvc.perform(get("/api/public/institutions").param("q", "a\u0000"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.error").value("Bad Request"))
			.andExpect(jsonPath("$.message").value(containsString("「搜索词」")));
		mvc.perform(get("/verify").param("certificateNo", "MZ\u0000"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("「证书编号」")));
		assertThat(output.getAll().substring(logged)).doesNotContain(" ERROR ");
	}

	@Test
	void aFormWithAControlCharacterSavesNothingAndShowsWhatWasTyped(CapturedOutput output) throws Exception {
		int logged = output.getAll().length();
		var institution = fixtures.institution("330102");
		String before = jdbc.queryForObject("select status from institution where id = ?", String.class,
				institution.getId());
		mvc.perform(post("/regulator/institutions/" + institution.getId() + "/status").with(csrf())
			.with(user(Fixtures.principal(Fixtures.regulator("330100"))))
			.param("status", "SUSPENDED")
			.param("reason", "停业\u0007整顿")
			.param("version", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("「原因」中含有无法保存的字符")))
			.andExpect(content().string(containsString("停业\u2407整顿")));
		assertThat(
				jdbc.queryForObject("select status from institution where id = ?", String.class, institution.getId()))
			.isEqualTo(before);
		// a password is never shown back
		mvc.perform(post("/account/password").with(csrf())
			.with(user(Fixtures.principal(Fixtures.regulator("330100"))))
			.param("currentPassword", "secret\u0000secret"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(not(containsString("secret"))));
		assertThat(output.getAll().substring(logged)).doesNotContain(" ERROR ");
	}

	@Test
	void onlyCharactersThatCannotBeKeptAreRefused() {
		assertThat(UnstorableInputException.unstorable("第一行\r\n\t第二行 😀 emoji")).isFalse();
		assertThat(UnstorableInputException.unstorable("a\u0000b")).isTrue();
		assertThat(UnstorableInputException.unstorable("a\u001bb")).isTrue();
		assertThat(UnstorableInputException.unstorable("a\ud83d")).isTrue();
		assertThat(UnstorableInputException.unstorable("\ude00a")).isTrue();
		assertThat(UnstorableInputException.shown("a\u0000b\ud83d")).isEqualTo("a\u2400b\ufffd");
	}

}
