package cn.meizhi.directory;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.meizhi.inspection.InspectionFixtures;
import cn.meizhi.inspection.InspectionFixtures.Team;
import cn.meizhi.rating.Rating;
import cn.meizhi.rating.RatingFixtures;
import cn.meizhi.rating.RatingReplies;
import cn.meizhi.rating.Ratings;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.support.Fixtures;
import cn.meizhi.support.StatementCounter;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * HTTP caching that stays true: public pages and the open data carry an ETag naming the
 * public data's version, the day and the language; a browser that revalidates gets 304
 * without a query or a rendering while nothing changed, and the new page at once after a
 * change. Static files live under versioned URLs and are kept for a year.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(StatementCounter.class)
class PublicPageCachingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	InspectionFixtures inspections;

	@Autowired
	RatingFixtures ratingFixtures;

	@Autowired
	Ratings ratings;

	@Autowired
	RatingReplies replies;

	@Test
	void aRevalidatedPageIs304WithoutAQueryUntilASuspensionChangesItEverywhere() throws Exception {
		Team team = inspections.submitted();
		Rating rating = ratingFixtures.published(team);
		long institution = rating.getInstitutionId();
		String[] pages = { "/institutions/" + institution, "/institutions?q=" + team.institution().getCreditCode(),
				"/verify/" + rating.getCertificateNo(), "/api/public/institutions/" + institution, "/" };
		String[] etags = new String[pages.length];
		for (int i = 0; i < pages.length; i++) {
			var response = mvc.perform(get(pages[i]))
				.andExpect(status().isOk())
				.andExpect(header().string("Cache-Control", "no-cache"))
				.andExpect(header().stringValues("Vary", org.hamcrest.Matchers.hasItem(containsString("Cookie"))))
				.andReturn()
				.getResponse();
			etags[i] = response.getHeader("ETag");
			assertThat(etags[i]).as(pages[i]).startsWith("W/\"");

			StatementCounter.reset();
			mvc.perform(get(pages[i]).header("If-None-Match", etags[i]))
				.andExpect(status().isNotModified())
				.andExpect(content().string(""));
			assertThat(StatementCounter.count()).as("statements for a 304 of " + pages[i]).isZero();
		}

		ratings.suspend(ratingFixtures.regulator(), rating.getId(), "调查中");

		for (int i = 0; i < pages.length; i++) {
			var response = mvc.perform(get(pages[i]).header("If-None-Match", etags[i]))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse();
			assertThat(response.getHeader("ETag")).as(pages[i]).isNotEqualTo(etags[i]);
		}
		mvc.perform(get("/institutions/" + institution).header("If-None-Match", etags[0]))
			.andExpect(content().string(containsString("注意：该机构的星级已被监管部门暂停")));
		mvc.perform(get("/verify/" + rating.getCertificateNo()).header("If-None-Match", etags[2]))
			.andExpect(content().string(containsString("已被监管部门暂停，暂停期间无效")));
	}

	@Test
	void aChangeThatIsNoDirectoryEntryStillChangesThePagesThatShowIt() throws Exception {
		Team team = inspections.submitted();
		Rating rating = ratingFixtures.published(team);
		String profile = "/institutions/" + team.institution().getId();
		String before = mvc.perform(get(profile)).andReturn().getResponse().getHeader("ETag");

		var reply = replies.submit(Fixtures.clinic(team.institution().getId()), rating.getId(), "已全部整改完毕。");
		replies.publish(ratingFixtures.regulator(), reply.getId());

		mvc.perform(get(profile).header("If-None-Match", before))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已全部整改完毕。")));
	}

	@Test
	void theLanguageIsPartOfThePage() throws Exception {
		String chinese = mvc.perform(get("/standards")).andReturn().getResponse().getHeader("ETag");
		mvc.perform(get("/standards").cookie(new Cookie("meizhi-lang", "en")).header("If-None-Match", chinese))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", not(chinese)));
		mvc.perform(get("/standards").header("If-None-Match", chinese)).andExpect(status().isNotModified());
	}

	@Test
	void pagesOfSignedInUsersAreNeverStored() throws Exception {
		CurrentUser regulator = ratingFixtures.regulator();
		String etag = mvc.perform(get("/standards")).andReturn().getResponse().getHeader("ETag");
		mvc.perform(get("/standards").cookie(new Cookie("SESSION", "not-a-session")).header("If-None-Match", etag))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("ETag"))
			.andExpect(header().string("Cache-Control", containsString("no-store")));
		mvc.perform(get("/regulator/institutions")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(Fixtures.principal(regulator))))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("ETag"))
			.andExpect(header().string("Cache-Control", containsString("no-store")));
	}

	@Test
	void staticFilesHaveVersionedUrlsAndAreKeptForAYear() throws Exception {
		String page = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
		for (String file : new String[] { "css/meizhi.css", "js/meizhi.js", "img/logo.svg" }) {
			String name = file.substring(0, file.lastIndexOf('.'));
			String extension = file.substring(file.lastIndexOf('.'));
			Matcher link = Pattern
				.compile("\"(/" + Pattern.quote(name) + "-([0-9a-f]{32})" + Pattern.quote(extension) + ")\"")
				.matcher(page);
			assertThat(link.find()).as(file + " linked with its content's hash").isTrue();
			byte[] bytes = new ClassPathResource("static/" + file).getContentAsByteArray();
			assertThat(link.group(2))
				.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes)));
			mvc.perform(get(link.group(1)))
				.andExpect(status().isOk())
				.andExpect(header().string("Cache-Control", "max-age=31536000, public, immutable"));
		}
		mvc.perform(get("/webjars/bootstrap/5.3.8/dist/css/bootstrap.min.css"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "max-age=31536000, public, immutable"));
		mvc.perform(get("/css/meizhi-00000000000000000000000000000000.css")).andExpect(status().isNotFound());
	}

}
