package cn.meizhi.standard;

import java.time.LocalDate;

import cn.meizhi.support.Fixtures;
import cn.meizhi.support.StandardFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Public consultation on a draft: anonymous comments with bad input refused (and kept), a
 * comment per indicator, the author's answer public, the summary published with the
 * version; no consultation on a published version; a draft is public only through its
 * consultation.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConsultationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StandardFixtures standards;

	@Autowired
	StandardAuthoring authoring;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theDraftIsCommentedAnsweredAndSummarised() throws Exception {
		long published = standards.publishedVersionId();
		long draft = authoring.newDraft(Fixtures.admin(), published, Fixtures.unique("征求意见稿")).getId();
		mvc.perform(get("/standards/" + draft + "/consultation")).andExpect(status().isNotFound());
		mvc.perform(post("/regulator/standards/versions/" + published + "/consultation").with(csrf())
			.with(as())
			.param("closesOn", LocalDate.now().plusDays(30).toString())).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select count(*) from standard_consultation where version_id = ?", Long.class,
				published))
			.isZero();
		mvc.perform(post("/regulator/standards/versions/" + draft + "/consultation").with(csrf())
			.with(as())
			.param("closesOn", LocalDate.now().plusDays(30).toString())).andExpect(status().is3xxRedirection());
		long indicator = jdbc.queryForObject("select min(id) from indicator where version_id = ?", Long.class, draft);
		mvc.perform(get("/standards/" + draft + "/consultation"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("征求意见至")));
		mvc.perform(post("/standards/" + draft + "/consultation").with(csrf()).param("text", "短"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("意见须为 5 至 2000 个字")))
			.andExpect(content().string(containsString("短")));
		mvc.perform(post("/standards/" + draft + "/consultation").with(csrf())
			.param("indicatorId", "999999999")
			.param("text", "这条要求对诊所过高。"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请选择本标准的条款")));
		mvc.perform(post("/standards/" + draft + "/consultation").with(csrf())
			.param("text", "<script>x</script>希望明确急救药品清单。")
			.param("website", "http://spam")).andExpect(status().isBadRequest());
		mvc.perform(post("/standards/" + draft + "/consultation").with(csrf())
			.param("indicatorId", String.valueOf(indicator))
			.param("author", "某诊所")
			.param("text", "<b>希望明确</b>急救药品的最低配备清单。")).andExpect(status().is3xxRedirection());
		long comment = jdbc.queryForObject(
				"select c.id from consultation_comment c join standard_consultation s on s.id = c.consultation_id where s.version_id = ?",
				Long.class, draft);
		mvc.perform(get("/standards/" + draft + "/consultation"))
			.andExpect(content().string(not(containsString("急救药品的最低配备清单"))));
		mvc.perform(post("/regulator/standards/versions/" + draft + "/consultation/comments/" + comment + "/answer")
			.with(csrf())
			.with(as())
			.param("answer", "采纳，附录增加最低配备清单。")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/regulator/standards/versions/" + draft + "/consultation/summary").with(csrf())
			.with(as())
			.param("summary", "共收到意见 1 条，采纳 1 条：附录增加急救药品最低配备清单。")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/standards/" + draft + "/consultation"))
			.andExpect(content().string(containsString("&lt;b&gt;希望明确&lt;/b&gt;")))
			.andExpect(content().string(containsString("答复：采纳，附录增加最低配备清单。")))
			.andExpect(content().string(containsString("共收到意见 1 条")))
			.andExpect(content().string(containsString("征求意见已结束")))
			.andExpect(content().string(not(containsString("某诊所"))));
		mvc.perform(post("/standards/" + draft + "/consultation").with(csrf()).param("text", "结束后再提的意见。"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("征求意见已结束")));
	}

	private static RequestPostProcessor as() {
		return user(Fixtures.principal(Fixtures.regulator("330100")));
	}

}
