package cn.meizhi.directory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import cn.meizhi.directory.internal.BadQueryException;
import cn.meizhi.directory.internal.DirectoryQuery;
import cn.meizhi.directory.internal.DirectoryStatus;
import cn.meizhi.directory.internal.Listing;
import cn.meizhi.directory.internal.PublicDirectory;
import cn.meizhi.inspection.InspectionFixtures;
import cn.meizhi.inspection.InspectionFixtures.Team;
import cn.meizhi.institution.Department;
import cn.meizhi.institution.Institution;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionStatus;
import cn.meizhi.rating.Rating;
import cn.meizhi.rating.RatingFixtures;
import cn.meizhi.rating.RatingReplies;
import cn.meizhi.rating.Ratings;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.InstitutionType;
import cn.meizhi.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public directory and open data: what anyone can find, how it reads, and what bad
 * queries get.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DirectoryTests {

	@Autowired
	PublicDirectory directory;

	@Autowired
	Fixtures fixtures;

	@Autowired
	InspectionFixtures inspections;

	@Autowired
	RatingFixtures ratingFixtures;

	@Autowired
	Ratings ratings;

	@Autowired
	RatingReplies replies;

	@Autowired
	InstitutionManagement institutions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void aChineseFragmentOfTheNameOrTheCreditCodeFindsTheInstitution() {
		String token = chinese(4);
		Institution institution = fixtures.institution("330106", "杭州" + token + "医疗美容诊所");
		assertThat(names(query(token.substring(1) + "医疗美容", null))).containsExactly(institution.getName());
		assertThat(names(query(token.substring(0, 3), null))).containsExactly(institution.getName());
		assertThat(names(query(institution.getCreditCode(), null))).containsExactly(institution.getName());
		assertThat(names(query(institution.getCreditCode().toLowerCase(Locale.ROOT), null)))
			.containsExactly(institution.getName());
		assertThat(names(query(token + "%", null))).as("% is taken literally").isEmpty();
		assertThat(names(query("_" + token.substring(1), null))).as("_ is taken literally").isEmpty();
	}

	@Test
	void aFragmentMustStandTogetherInTheNameNotJustShareItsCharacterPairs() {
		// characters from CJK Extension A: no other name in the test database holds them
		String a = rare(0), b = rare(1), c = rare(2), token = rare(3) + rare(4);
		// holds the pairs ab and bc of "abc", but never a, b and c in a row
		Institution scattered = fixtures.institution("330106", a + b + token + b + c + "诊所");
		Institution together = fixtures.institution("330106", token + a + b + c + "诊所");
		assertThat(names(query(a + b + c, null))).containsExactly(together.getName());
		assertThat(names(query(b + token + b, null))).containsExactly(scattered.getName());
		assertThat(names(query(token.substring(0, 1), null))).as("one character")
			.containsExactlyInAnyOrder(scattered.getName(), together.getName());
		Institution latin = fixtures.institution("330106", token + "Dr.Lee\"Skin\"医美诊所");
		assertThat(names(query("dr.LEE\"skin\"", null))).as("case and quotes").containsExactly(latin.getName());
		assertThat(names(query("\\\"{,}", null))).as("array syntax is taken literally").isEmpty();
	}

	@Test
	void filtersNarrowByRegionTypeDepartmentAndStarsAndClosedInstitutionsAreNotListed() {
		String token = chinese(3);
		Institution xihu = fixtures.institution("330106", "西湖" + token + "诊所");
		Institution shangcheng = fixtures.institution("330102", "上城" + token + "诊所");
		Institution closed = fixtures.institution("330102", "关停" + token + "诊所");
		institutions.changeStatus(Fixtures.regulator("330000"), closed.getId(), InstitutionStatus.CLOSED, "已注销");

		assertThat(names(query(token, "330106"))).containsExactly(xihu.getName());
		assertThat(names(query(token, "330100"))).containsExactlyInAnyOrder(xihu.getName(), shangcheng.getName());
		assertThat(names(query(token, "330000"))).containsExactlyInAnyOrder(xihu.getName(), shangcheng.getName());
		assertThat(names(query(token, "440000"))).isEmpty();
		assertThat(names(directory.search(
				DirectoryQuery.of(token, null, null, InstitutionType.AESTHETIC_HOSPITAL, null, null, null, null, null),
				Locale.CHINA)))
			.isEmpty();
		assertThat(names(directory.search(DirectoryQuery.of(token, null, null, InstitutionType.AESTHETIC_CLINIC,
				Department.AESTHETIC_DERMATOLOGY, null, "name", null, null), Locale.CHINA)))
			.containsExactly(shangcheng.getName(), xihu.getName());
		assertThat(names(directory.search(
				DirectoryQuery.of(token, null, null, null, Department.AESTHETIC_DENTISTRY, null, null, null, null),
				Locale.CHINA)))
			.isEmpty();

		Team team = inspections.submittedFor(shangcheng);
		Rating rating = ratingFixtures.published(team);
		assertThat(names(directory.search(DirectoryQuery.of(token, null, null, null, null, true, null, null, null),
				Locale.CHINA)))
			.containsExactly(shangcheng.getName());
		assertThat(names(directory.search(
				DirectoryQuery.of(token, null, Math.max(1, rating.getStars()), null, null, null, null, null, null),
				Locale.CHINA)))
			.containsExactly(shangcheng.getName());
		if (rating.getStars() < 5) {
			assertThat(names(directory.search(
					DirectoryQuery.of(token, null, rating.getStars() + 1, null, null, null, null, null, null),
					Locale.CHINA)))
				.isEmpty();
		}
		// sorted by stars: the certified one first, whatever the names
		assertThat(names(query(token, null))).containsExactly(shangcheng.getName(), xihu.getName());
		// paging keeps the filters and counts
		Page<Listing> second = directory.search(DirectoryQuery.of(token, null, null, null, null, null, "name", 1, 1),
				Locale.CHINA);
		assertThat(second.getTotalElements()).isEqualTo(2);
		assertThat(names(second)).containsExactly(xihu.getName());
	}

	@Test
	void everyRatingStatusIsShownInWords() throws Exception {
		String token = chinese(3);
		Institution notRated = fixtures.institution("330102", "未评" + token + "诊所");
		Team awaiting = inspections.team();
		Rating certified = ratingFixtures.published(inspections.submitted());
		Rating suspended = ratingFixtures.published(inspections.submitted());
		Rating revoked = ratingFixtures.published(inspections.submitted());
		Rating expired = ratingFixtures.published(inspections.submitted());
		CurrentUser regulator = ratingFixtures.regulator();
		ratings.suspend(regulator, suspended.getId(), "调查中");
		ratings.revoke(regulator, revoked.getId(), "虚假材料");
		jdbc.update("update rating set valid_until = current_date - 1 where id = ?", expired.getId());

		assertThat(statusOf(notRated.getId())).isEqualTo(DirectoryStatus.NOT_RATED);
		assertThat(statusOf(awaiting.institution().getId())).isEqualTo(DirectoryStatus.AWAITING_INSPECTION);
		assertThat(statusOf(certified.getInstitutionId())).isEqualTo(DirectoryStatus.CERTIFIED);
		assertThat(statusOf(suspended.getInstitutionId())).isEqualTo(DirectoryStatus.SUSPENDED);
		assertThat(statusOf(revoked.getInstitutionId())).isEqualTo(DirectoryStatus.REVOKED);
		assertThat(statusOf(expired.getInstitutionId())).isEqualTo(DirectoryStatus.EXPIRED);

		mvc.perform(get("/institutions/" + notRated.getId())).andExpect(content().string(containsString("尚未评级")));
		mvc.perform(get("/institutions/" + awaiting.institution().getId()))
			.andExpect(content().string(containsString("正在参加本年度评价")));
		mvc.perform(get("/institutions/" + suspended.getInstitutionId()))
			.andExpect(content().string(containsString("rating-warning")))
			.andExpect(content().string(containsString("注意：该机构的星级已被监管部门暂停")))
			.andExpect(content().string(not(containsString("调查中"))));
		mvc.perform(get("/institutions/" + revoked.getInstitutionId()))
			.andExpect(content().string(containsString("注意：该机构的星级已被监管部门撤销")));
		mvc.perform(get("/institutions/" + expired.getInstitutionId()).param("lang", "en"))
			.andExpect(content().string(containsString("Warning: this institution&#39;s certificate has expired")));
		mvc.perform(get("/api/public/institutions/" + revoked.getInstitutionId()))
			.andExpect(jsonPath("$.ratingStatus").value("REVOKED"));
		mvc.perform(get("/institutions").param("q", awaiting.institution().getName()))
			.andExpect(content().string(containsString("等待评审")));
	}

	@Test
	void aCertificateHoldsOnlyWhileTheInstitutionMayPractiseOnEveryPublicFace() throws Exception {
		Rating rating = ratingFixtures.published(inspections.submitted());
		long id = rating.getInstitutionId();
		String name = institutions.publicProfile(id).orElseThrow().getName();
		String no = rating.getCertificateNo();
		CurrentUser regulator = ratingFixtures.regulator();
		long certifiedBefore = directory.certifiedByStars().getOrDefault(rating.getStars(), 0L);
		Instant before = Instant.now();

		institutions.changeStatus(regulator, id, InstitutionStatus.SUSPENDED, "停业整顿");

		assertThat(statusOf(id)).isEqualTo(DirectoryStatus.LICENCE_SUSPENDED);
		assertThat(
				directory.search(DirectoryQuery.of(name, null, null, null, null, null, null, null, null), Locale.CHINA)
					.getContent())
			.extracting(Listing::ratingStatus)
			.containsExactly(DirectoryStatus.LICENCE_SUSPENDED);
		assertThat(names(directory.search(DirectoryQuery.of(name, null, null, null, null, true, null, null, null),
				Locale.CHINA)))
			.isEmpty();
		assertThat(directory.certifiedByStars().getOrDefault(rating.getStars(), 0L)).isEqualTo(certifiedBefore - 1);
		mvc.perform(get("/institutions/" + id))
			.andExpect(content().string(containsString("注意：该机构已被暂停执业")))
			.andExpect(content().string(containsString("暂停期间其星级证书无效")));
		mvc.perform(get("/institutions").param("q", name)).andExpect(content().string(containsString("暂停执业")));
		mvc.perform(get("/verify/" + no))
			.andExpect(content().string(containsString("证书 " + no + " 目前无效：该机构已被暂停执业")))
			.andExpect(content().string(not(containsString(no + " 有效。"))));
		mvc.perform(get("/certificates/" + no)).andExpect(content().string(containsString("该机构已被暂停执业")));
		mvc.perform(get("/certificates/" + no + ".pdf")).andExpect(status().isSeeOther());
		mvc.perform(get("/badge/" + no + ".svg"))
			.andExpect(content().string(containsString("机构暂停执业")))
			.andExpect(content().string(not(containsString("有效期至"))));
		mvc.perform(get("/api/public/institutions/" + id))
			.andExpect(jsonPath("$.ratingStatus").value("LICENCE_SUSPENDED"))
			.andExpect(jsonPath("$.institutionStatus").value("SUSPENDED"));
		mvc.perform(get("/api/public/institutions").param("q", name))
			.andExpect(jsonPath("$.content[0].ratingStatus").value("LICENCE_SUSPENDED"));
		mvc.perform(get("/api/public/institutions.csv").param("q", name))
			.andExpect(content().string(containsString("LICENCE_SUSPENDED")));
		mvc.perform(get("/api/public/changes").param("since", before.toString()))
			.andExpect(jsonPath("$.changes[?(@.id == " + id + " && @.what == 'INSTITUTION')]").exists());

		// reinstating the licence restores the certificate everywhere
		institutions.changeStatus(regulator, id, InstitutionStatus.ACTIVE, "整改完成");
		assertThat(statusOf(id)).isEqualTo(DirectoryStatus.CERTIFIED);
		assertThat(names(directory.search(DirectoryQuery.of(name, null, null, null, null, true, null, null, null),
				Locale.CHINA)))
			.containsExactly(name);
		assertThat(directory.certifiedByStars().getOrDefault(rating.getStars(), 0L)).isEqualTo(certifiedBefore);
		mvc.perform(get("/verify/" + no)).andExpect(content().string(containsString("证书 " + no + " 有效。")));
		mvc.perform(get("/api/public/institutions/" + id)).andExpect(jsonPath("$.ratingStatus").value("CERTIFIED"));

		// a closed licence ends it: the profile says so, the search no longer lists it
		institutions.changeStatus(regulator, id, InstitutionStatus.CLOSED, "注销");
		assertThat(statusOf(id)).isEqualTo(DirectoryStatus.LICENCE_CLOSED);
		assertThat(names(query(name, null))).isEmpty();
		mvc.perform(get("/verify/" + no)).andExpect(content().string(containsString("该机构的执业许可已注销")));
		mvc.perform(get("/badge/" + no + ".svg")).andExpect(content().string(containsString("机构已注销")));
		mvc.perform(get("/institutions/" + id).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("licence to practise has been closed")));
		mvc.perform(get("/api/public/institutions/" + id))
			.andExpect(jsonPath("$.ratingStatus").value("LICENCE_CLOSED"));
	}

	@Test
	void aCreditCodeRegisteredAsAVerifiedExceptionIsMarkedOnTheProfile() throws Exception {
		Institution institution = fixtures.institution("330102");
		mvc.perform(get("/institutions/" + institution.getId()))
			.andExpect(content().string(not(containsString("credit-code-exception"))));
		jdbc.update("update institution set credit_code_exception = true, credit_code_exception_reason = '核对营业执照原件'"
				+ " where id = ?", institution.getId());
		mvc.perform(get("/institutions/" + institution.getId()))
			.andExpect(content().string(containsString("credit-code-exception")))
			.andExpect(content().string(containsString("已核实例外")))
			.andExpect(content().string(containsString("不符合 GB 32100-2015 校验规则")));
		mvc.perform(get("/api/public/institutions/" + institution.getId()))
			.andExpect(jsonPath("$.creditCodeException").value(true));
	}

	@Test
	void theRegionFilterDrillsDownFromProvinceToCityToDistrict() throws Exception {
		String all = mvc.perform(get("/institutions")).andReturn().getResponse().getContentAsString();
		assertThat(all).contains("value=\"330000\"", "value=\"440000\"")
			.doesNotContain("value=\"330100\"", "value=\"330102\"");
		String province = mvc.perform(get("/institutions").param("region", "330000"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(province).contains("value=\"330100\"", "value=\"440000\"").doesNotContain("value=\"330102\"");
		String district = mvc.perform(get("/institutions").param("region", "330102"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(district).contains("value=\"330100\"", "value=\"330106\"", "value=\"330102\" selected")
			.doesNotContain("value=\"440303\"");
	}

	@Test
	void anUnratedInstitutionWhoseLicenceIsSuspendedSaysSo() {
		Institution institution = fixtures.institution("330102", "停业" + chinese(3) + "诊所");
		institutions.changeStatus(ratingFixtures.regulator(), institution.getId(), InstitutionStatus.SUSPENDED, "停业整顿");
		assertThat(statusOf(institution.getId())).isEqualTo(DirectoryStatus.LICENCE_SUSPENDED);
	}

	@Test
	void theProfileShowsLicenceFactsTheCurrentRatingWithSectionsHistoryAndThePublishedReply() throws Exception {
		Team team = inspections.submitted();
		Rating rating = ratingFixtures.published(team);
		var reply = replies.submit(Fixtures.clinic(team.institution().getId()), rating.getId(), "已全部整改完毕。");
		replies.publish(ratingFixtures.regulator(), reply.getId());
		mvc.perform(get("/institutions/" + team.institution().getId()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(team.institution().getName())))
			.andExpect(content().string(containsString(team.institution().getCreditCode())))
			.andExpect(content().string(containsString(team.institution().getLicenceNumber())))
			.andExpect(content().string(containsString(rating.getCertificateNo())))
			.andExpect(content().string(containsString("/standards/" + rating.getStandardVersionId())))
			.andExpect(content().string(containsString("各部分得分率")))
			.andExpect(content().string(containsString("已全部整改完毕。")))
			.andExpect(content().string(containsString("rating-history")));
		Institution facts = team.institution();
		mvc.perform(get("/api/public/institutions/" + team.institution().getId()))
			.andExpect(jsonPath("$.creditCode").value(team.institution().getCreditCode()))
			// the licence facts as the register holds them
			.andExpect(jsonPath("$.name").value(facts.getName()))
			.andExpect(jsonPath("$.licenceNumber").value(facts.getLicenceNumber()))
			.andExpect(jsonPath("$.type").value(facts.getType().name()))
			.andExpect(jsonPath("$.surgeryLevel").value(facts.getSurgeryLevel()))
			.andExpect(jsonPath("$.departments",
					org.hamcrest.Matchers.equalTo(facts.getDepartmentsInOrder().stream().map(Enum::name).toList())))
			.andExpect(jsonPath("$.certifications", org.hamcrest.Matchers.equalTo(facts.getCertificationList())))
			.andExpect(jsonPath("$.address").value(facts.getAddress()))
			.andExpect(jsonPath("$.regionCode").value(facts.getRegionCode()))
			.andExpect(jsonPath("$.institutionStatus").value("ACTIVE"))
			.andExpect(jsonPath("$.ratingStatus").value("CERTIFIED"))
			.andExpect(jsonPath("$.currentRating.certificateNo").value(rating.getCertificateNo()))
			.andExpect(jsonPath("$.currentRating.standard.versionId").value(rating.getStandardVersionId()))
			.andExpect(jsonPath("$.currentRating.sections[0].code").exists())
			.andExpect(jsonPath("$.currentRating.institutionReply").value("已全部整改完毕。"))
			.andExpect(jsonPath("$.ratingHistory[0].certificateNo").value(rating.getCertificateNo()));

		mvc.perform(get("/api/public/institutions/987654320"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.error").value("Not Found"))
			.andExpect(jsonPath("$.message").value("没有这个编号的机构。"));
		mvc.perform(get("/api/public/institutions/987654321").param("lang", "en"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.message").value("No institution has this id."));
		mvc.perform(get("/institutions/987654321")).andExpect(status().isNotFound());
	}

	@Test
	void theProfileShowsTheSectionResultsKeptWithTheRatingAndComputesThemForRatingsOlderThanThat() throws Exception {
		Team team = inspections.submitted();
		Rating rating = ratingFixtures.published(team);
		String kept = jdbc.queryForObject("select sections from rating where id = ?", String.class, rating.getId());
		assertThat(cn.meizhi.rating.RatingSections.decode(kept)).isNotEmpty()
			.allSatisfy(section -> assertThat(section.possible()).isPositive());
		// no reply was published: none is shown
		mvc.perform(get("/institutions/" + team.institution().getId()))
			.andExpect(content().string(containsString("各部分得分率")))
			.andExpect(content().string(not(containsString("institution-reply"))));
		String fromTheRating = mvc.perform(get("/api/public/institutions/" + team.institution().getId()))
			.andExpect(jsonPath("$.currentRating.sections[0].percent").isNumber())
			.andExpect(jsonPath("$.currentRating.institutionReply").doesNotExist())
			.andReturn()
			.getResponse()
			.getContentAsString();

		// a rating proposed before the results were kept: the same results, from the
		// inspection's scores
		jdbc.update("update rating set sections = null where id = ?", rating.getId());
		String computed = mvc.perform(get("/api/public/institutions/" + team.institution().getId()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(computed).isEqualTo(fromTheRating);
	}

	@Test
	void theJsonListHasTheAgreedShapeAndAnswers304WhenUnchanged() throws Exception {
		String token = chinese(3);
		Institution institution = fixtures.institution("330106", "接口" + token + "诊所");
		MvcResult first = mvc.perform(get("/api/public/institutions").param("q", token).param("size", "5"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("application/json")))
			.andExpect(jsonPath("$.content[0].id").value(institution.getId()))
			.andExpect(jsonPath("$.content[0].name").value(institution.getName()))
			.andExpect(jsonPath("$.content[0].creditCode").value(institution.getCreditCode()))
			.andExpect(jsonPath("$.content[0].type").value("AESTHETIC_CLINIC"))
			.andExpect(jsonPath("$.content[0].regionCode").value("330106"))
			.andExpect(jsonPath("$.content[0].regionName").value("西湖区"))
			.andExpect(jsonPath("$.content[0].stars").doesNotExist())
			.andExpect(jsonPath("$.content[0].ratingStatus").value("NOT_RATED"))
			.andExpect(jsonPath("$.content[0].certificateNo").doesNotExist())
			.andExpect(jsonPath("$.content[0].validUntil").doesNotExist())
			.andExpect(jsonPath("$.page.size").value(5))
			.andExpect(jsonPath("$.page.number").value(0))
			.andExpect(jsonPath("$.page.totalElements").value(1))
			.andExpect(jsonPath("$.page.totalPages").value(1))
			.andExpect(jsonPath("$.page.*", org.hamcrest.Matchers.hasSize(4)))
			.andExpect(jsonPath("$.*", org.hamcrest.Matchers.hasSize(2)))
			.andExpect(header().string("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue()))
			.andReturn();
		String etag = first.getResponse().getHeader("ETag");
		assertThat(etag).isNotBlank();
		mvc.perform(get("/api/public/institutions").param("q", token).param("size", "5").header("If-None-Match", etag))
			.andExpect(status().isNotModified())
			.andExpect(content().string(""));
		mvc.perform(get("/api/public/institutions").param("q", token).header("Origin", "https://map.example.org"))
			.andExpect(status().isOk())
			.andExpect(header().string("Access-Control-Allow-Origin", "*"));
		mvc.perform(get("/api/public/institutions").param("q", token).param("lang", "en"))
			.andExpect(jsonPath("$.content[0].regionName").value("Xihu District"));
	}

	@Test
	void theCsvIsUtf8WithAByteOrderMarkSoExcelShowsChinese() throws Exception {
		String token = chinese(3);
		Institution institution = fixtures.institution("330106", "表格" + token + "诊所");
		byte[] csv = mvc.perform(get("/api/public/institutions.csv").param("q", token))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(csv).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
		String text = new String(csv, StandardCharsets.UTF_8).substring(1);
		assertThat(text.lines().toList()).hasSize(2);
		assertThat(text.lines().findFirst().orElseThrow())
			.isEqualTo("id,name,creditCode,type,regionCode,regionName,stars,ratingStatus,certificateNo,validUntil,"
					+ "complaintsDecided12m,complaintsUpheld12m");
		assertThat(text).contains(institution.getId() + "," + institution.getName() + "," + institution.getCreditCode()
				+ ",AESTHETIC_CLINIC,330106,西湖区,,NOT_RATED,,");
	}

	@Test
	void badQueriesGetAClear400NeverA500AndNothingIsReflectedUnescaped() throws Exception {
		mvc.perform(get("/api/public/institutions").param("size", "101"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.message").value("每页条数应在 1 到 100 之间。"));
		mvc.perform(get("/api/public/institutions").param("page", "-1")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/public/institutions").param("page", "99999999")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/public/institutions").param("minStars", "abc"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value("参数 minStars 的值不正确。"));
		mvc.perform(get("/api/public/institutions").param("type", "HOSPITAL; drop table institution"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/public/institutions").param("region", "33'--")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/public/institutions").param("q", "美".repeat(101)).param("lang", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value("The search text is too long: at most 100 characters."));
		mvc.perform(get("/api/public/institutions").param("q", "'; drop table institution; --"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page.totalElements").value(0));
		mvc.perform(get("/api/public/changes")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/public/changes").param("since", "yesterday"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value(containsString("ISO-8601")));
		mvc.perform(get("/api/public/changes").param("since", "2026-01-01T00:00:00Z").param("limit", "0"))
			.andExpect(status().isBadRequest());

		mvc.perform(get("/institutions").param("minStars", "9"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("最低星级应为 1 到 5。")));
		mvc.perform(get("/institutions").param("page", "x")).andExpect(status().isBadRequest());
		mvc.perform(get("/institutions").param("q", "<script>alert(1)</script>"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<script>alert(1)</script>"))))
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")));
	}

	@Test
	void changesSinceAnInstantListWhatChangedForSync() throws Exception {
		Instant before = Instant.now().minusSeconds(1);
		Team team = inspections.submitted();
		Rating rating = ratingFixtures.published(team);
		assertThat(directory.changesSince(before, 5000))
			.extracting(PublicDirectory.Change::id, PublicDirectory.Change::what)
			.contains(org.assertj.core.groups.Tuple.tuple(team.institution().getId(), "REGISTERED"),
					org.assertj.core.groups.Tuple.tuple(rating.getInstitutionId(), "RATING"));
		mvc.perform(get("/api/public/changes").param("since", before.toString()))
			.andExpect(status().isOk())
			.andExpect(
					jsonPath("$.changes[?(@.id == " + team.institution().getId() + " && @.what == 'RATING')]").exists())
			.andExpect(jsonPath("$.next").doesNotExist());
		mvc.perform(get("/api/public/changes").param("since", before.toString()).param("limit", "1"))
			.andExpect(jsonPath("$.changes", org.hamcrest.Matchers.hasSize(1)))
			.andExpect(jsonPath("$.next").exists());
	}

	@Test
	void theFrontPageCountsCertifiedInstitutionsByStarsAndPublicPagesCreateNoSession() throws Exception {
		long before = directory.certifiedByStars().values().stream().mapToLong(Long::longValue).sum();
		Rating rating = ratingFixtures.published(inspections.submitted());
		assertThat(directory.certifiedByStars().values().stream().mapToLong(Long::longValue).sum())
			.isEqualTo(rating.getStars() >= 1 ? before + 1 : before);
		MvcResult home = mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("home-search")))
			.andExpect(content().string(containsString("/swagger-ui.html")))
			.andReturn();
		assertThat(home.getRequest().getSession(false)).isNull();
		MvcResult search = mvc.perform(get("/institutions").param("q", "美容")).andExpect(status().isOk()).andReturn();
		assertThat(search.getRequest().getSession(false)).isNull();
		MvcResult api = mvc.perform(get("/api/public/institutions")).andExpect(status().isOk()).andReturn();
		assertThat(api.getRequest().getSession(false)).isNull();
	}

	@Test
	void theOpenApiDescriptionCoversTheOpenDataApi() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/public/institutions']").exists())
			.andExpect(jsonPath("$.paths['/api/public/institutions/{id}']").exists())
			.andExpect(jsonPath("$.paths['/api/public/changes']").exists())
			.andExpect(jsonPath("$.paths['/regulator/institutions']").doesNotExist());
		mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
	}

	@Test
	void staticFilesAndWebjarsAreServedAndUnknownOnesAre404() throws Exception {
		// under their plain names too (their versioned URLs and caching:
		// PublicPageCachingTests)
		mvc.perform(get("/css/meizhi.css")).andExpect(status().isOk());
		mvc.perform(get("/js/meizhi.js")).andExpect(status().isOk());
		mvc.perform(get("/img/logo.svg")).andExpect(status().isOk());
		mvc.perform(get("/webjars/bootstrap/5.3.8/dist/css/bootstrap.min.css")).andExpect(status().isOk());
		mvc.perform(get("/webjars/htmx.org/2.0.10/dist/htmx.min.js")).andExpect(status().isOk());
		mvc.perform(get("/css/missing.css")).andExpect(status().isNotFound());
	}

	@Test
	void countsFollowEveryChangeToTheDirectory() throws Exception {
		String token = chinese(3);
		fixtures.institution("330102", "计数" + token + "诊所甲");
		fixtures.institution("330102", "计数" + token + "诊所乙");
		// a page of one row: the total comes from the search index, not from the page
		DirectoryQuery onePerPage = DirectoryQuery.of(token, null, null, null, null, null, null, null, 1);
		assertThat(directory.search(onePerPage, Locale.CHINA).getTotalElements()).isEqualTo(2);
		assertThat(directory.search(onePerPage, Locale.CHINA).getTotalElements()).isEqualTo(2);
		Institution third = fixtures.institution("330102", "计数" + token + "诊所丙");
		assertThat(directory.search(onePerPage, Locale.CHINA).getTotalElements()).isEqualTo(3);
		institutions.changeStatus(Fixtures.regulator("330000"), third.getId(), InstitutionStatus.CLOSED, "已注销");
		assertThat(directory.search(onePerPage, Locale.CHINA).getTotalElements()).isEqualTo(2);
		mvc.perform(get("/api/public/institutions").param("q", token).param("size", "1"))
			.andExpect(jsonPath("$.page.totalElements").value(2));
	}

	@Test
	void theLanguageSwitchAndThePagerKeepTheSearchEncodedOnce() throws Exception {
		String html = mvc.perform(get(java.net.URI.create("/institutions?q=%E7%BE%8E%E5%AE%B9&sort=name")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("href=\"/institutions?q=%E7%BE%8E%E5%AE%B9&amp;sort=name&amp;lang=en\"")
			.doesNotContain("%25E7");
	}

	@Test
	void queriesOutOfBoundsAreRefusedBeforeTheDatabase() {
		assertThatExceptionOfType(BadQueryException.class)
			.isThrownBy(() -> DirectoryQuery.of(null, "3301", null, null, null, null, null, null, null));
		assertThatExceptionOfType(BadQueryException.class)
			.isThrownBy(() -> DirectoryQuery.of(null, null, null, null, null, null, "id desc", null, null));
		assertThat(DirectoryQuery.of(" 美容 ", "330100", 3, null, null, null, null, null, null).regionPrefix())
			.isEqualTo("3301");
	}

	private Page<Listing> query(String q, String region) {
		return directory.search(DirectoryQuery.of(q, region, null, null, null, null, null, null, null), Locale.CHINA);
	}

	private DirectoryStatus statusOf(long institutionId) {
		return directory.profile(institutionId, Locale.CHINA).orElseThrow().status();
	}

	private static java.util.List<String> names(Page<Listing> page) {
		return page.getContent().stream().map(Listing::name).toList();
	}

	/**
	 * The n-th of five distinct rare CJK characters (Extension A), picked at random once
	 * per test run.
	 */
	private static String rare(int n) {
		return new String(Character.toChars(RARE_BASE + n));
	}

	private static final int RARE_BASE = 0x3400 + ThreadLocalRandom.current().nextInt(0x19B0 / 5) * 5;

	/**
	 * Random rare Chinese characters (CJK Extension A, one UTF-16 unit each, never those
	 * of {@link #rare}): names no other test shares. A common character such as 省 or 诊
	 * would also match the place names or other tests' institutions, and a search for it
	 * would not be this test's alone.
	 */
	static String chinese(int length) {
		StringBuilder text = new StringBuilder();
		while (text.length() < length) {
			int c = 0x3400 + ThreadLocalRandom.current().nextInt(0x4DB5 - 0x3400);
			if (c < RARE_BASE || c >= RARE_BASE + 5) {
				text.appendCodePoint(c);
			}
		}
		return text.toString();
	}

}
