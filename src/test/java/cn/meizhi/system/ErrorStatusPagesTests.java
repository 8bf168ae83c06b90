package cn.meizhi.system;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every error status the portal can answer renders a page in words, in Chinese and in
 * English: no raw message key ({@code ??…??}) and no technical reason phrase anywhere.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ErrorStatusPagesTests {

	@Autowired
	MockMvc mvc;

	@Test
	void everyErrorStatusReadsInWordsInBothLanguages() throws Exception {
		for (String lang : new String[] { "zh-CN", "en" }) {
			for (int status : new int[] { 400, 401, 403, 404, 405, 406, 409, 413, 415, 429, 500, 502, 503 }) {
				String page = this.mvc
					.perform(get("/error").param("lang", lang)
						.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
						.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/somewhere")
						.accept("text/html"))
					.andReturn()
					.getResponse()
					.getContentAsString();
				assertThat(page).as("%d in %s", status, lang)
					.contains("<title>")
					.doesNotContain("??")
					.doesNotContain("Whitelabel")
					.doesNotContain("Not Found_")
					.doesNotContain("Internal Server Error");
				assertThat(page).as("%d in %s is in that language", status, lang)
					.contains(lang.equals("en") ? "lang=\"en\"" : "lang=\"zh-CN\"");
			}
		}
	}

}
