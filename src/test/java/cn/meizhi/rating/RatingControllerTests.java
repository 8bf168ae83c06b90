package cn.meizhi.rating;

import java.util.List;

import cn.meizhi.inspection.InspectionFixtures;
import cn.meizhi.inspection.InspectionFixtures.Team;
import cn.meizhi.rating.internal.Appeal;
import cn.meizhi.rating.internal.AppealFile;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.Jurisdiction;
import cn.meizhi.shared.Role;
import cn.meizhi.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class RatingControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	InspectionFixtures fixtures;

	@Autowired
	Ratings ratings;

	@Autowired
	RatingRegister ratingRegister;

	@Autowired
	Fixtures accounts;

	@Autowired
	RatingFixtures ratingFixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void proposalAcceptanceAndFourEyesApprovalThroughThePages() throws Exception {
		Team team = fixtures.submitted();
		String propose = "/assessor/inspections/" + team.id() + "/rating";
		mvc.perform(get(propose).with(as(team.lead())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("提出评定建议")));
		mvc.perform(get(propose).with(as(team.member())))
			.andExpect(redirectedUrl("/assessor/inspections/" + team.id()));
		mvc.perform(get(propose).with(as(team.outsider()))).andExpect(status().isNotFound());
		mvc.perform(post(propose).with(csrf()).with(as(team.lead())).param("stars", "5").param("overrideReason", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("必须写明理由")));
		mvc.perform(
				post(propose).with(csrf()).with(as(team.lead())).param("stars", "5").param("overrideReason", "现场整改到位"))
			.andExpect(redirectedUrl(propose));
		Rating rating = ratingRegister.ofInspection(team.id()).get(0);
		assertThat(rating.isOverride()).isEqualTo(rating.getComputedStars() != 5);

		mvc.perform(get("/clinic/ratings").with(as(team.clinic())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请在")));
		mvc.perform(get("/clinic/ratings/" + rating.getId()).with(as(team.clinic())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("接受评定建议")))
			.andExpect(content().string(containsString("急救药品过期")));
		CurrentUser otherClinic = Fixtures.clinic(accounts.institution("330102").getId());
		mvc.perform(get("/clinic/ratings/" + rating.getId()).with(as(otherClinic))).andExpect(status().isNotFound());
		mvc.perform(post("/clinic/ratings/" + rating.getId() + "/accept").with(csrf()).with(as(otherClinic)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/clinic/ratings/" + rating.getId() + "/accept").with(csrf()).with(as(team.clinic())))
			.andExpect(redirectedUrl("/clinic/ratings/" + rating.getId()));

		CurrentUser approver = regulator();
		mvc.perform(get("/regulator/ratings").with(as(approver)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(team.institution().getName())));
		CurrentUser proposerAsRegulator = new CurrentUser(team.lead().id(), "x", "x", Role.REGULATOR,
				Jurisdiction.of("330100"), null);
		mvc.perform(get("/regulator/ratings/" + rating.getId()).with(as(proposerAsRegulator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("不能审批")))
			.andExpect(content().string(not(containsString("审批通过并发布"))));
		mvc.perform(
				post("/regulator/ratings/" + rating.getId() + "/approve").with(csrf()).with(as(proposerAsRegulator)))
			.andExpect(redirectedUrl("/regulator/ratings/" + rating.getId()));
		assertThat(ratings.get(approver, rating.getId()).getStatus()).isEqualTo(RatingStatus.PROPOSED);
		mvc.perform(get("/regulator/ratings/" + rating.getId()).with(as(Fixtures.regulator("330106"))))
			.andExpect(status().isNotFound());
		mvc.perform(post("/regulator/ratings/" + rating.getId() + "/approve").with(csrf()).with(as(approver)))
			.andExpect(redirectedUrl("/regulator/ratings/" + rating.getId()));
		mvc.perform(get("/regulator/ratings/" + rating.getId()).with(as(approver)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("MZ-330102-")))
			.andExpect(content().string(containsString("已发布")));
	}

	@Test
	void anAppealIsFiledAndDecidedInWritingThatTheClinicSees() throws Exception {
		Team team = fixtures.submitted();
		Rating rating = ratings.propose(team.lead(), team.id(), null, null);
		mvc.perform(post("/clinic/ratings/" + rating.getId() + "/appeal").with(csrf())
			.with(as(team.clinic()))
			.param("grounds", "急救药品已于当日更换")).andExpect(redirectedUrl("/clinic/ratings/" + rating.getId()));
		CurrentUser regulator = regulator();
		mvc.perform(get("/regulator/ratings/" + rating.getId()).with(as(regulator)))
			.andExpect(content().string(containsString("处理申诉")))
			.andExpect(content().string(containsString("急救药品已于当日更换")));
		mvc.perform(post("/regulator/ratings/" + rating.getId() + "/appeal").with(csrf())
			.with(as(regulator))
			.param("outcome", "DISMISSED")
			.param("decision", "现场记录显示药品确已过期，维持原评定")).andExpect(redirectedUrl("/regulator/ratings/" + rating.getId()));
		mvc.perform(get("/clinic/ratings/" + rating.getId()).with(as(team.clinic())))
			.andExpect(content().string(containsString("现场记录显示药品确已过期，维持原评定")))
			.andExpect(content().string(containsString("驳回申诉")));
	}

	@Test
	void anAppealCarriesEvidenceThatOnlyTheClinicAndTheJurisdictionCanOpen() throws Exception {
		Team team = fixtures.submitted();
		Rating rating = ratings.propose(team.lead(), team.id(), null, null);
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R' };
		String page = "/clinic/ratings/" + rating.getId();

		mvc.perform(multipart(page + "/appeal")
			.file(new MockMultipartFile("files", "invoice.exe", "image/png",
					"MZ not a picture".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.param("grounds", "药品已更换")
			.with(csrf())
			.with(as(team.clinic())))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("error", "evidence.typeRefused"))
			.andExpect(flash().attribute("typedGrounds", "药品已更换"));
		assertThat(ratings.get(team.clinic(), rating.getId()).getStatus()).as("nothing half filed")
			.isEqualTo(RatingStatus.PROPOSED);
		assertThat(ratingRegister.appealsOf(rating.getId())).isEmpty();

		mvc.perform(multipart(page + "/appeal").file(new MockMultipartFile("files", "采购单.png", "image/png", png))
			.param("grounds", "药品已更换，附采购单")
			.with(csrf())
			.with(as(team.clinic())))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("message", "rating.appealedMessage"));
		Appeal appeal = ratingRegister.appealsOf(rating.getId()).get(0);
		AppealFile file = ratingRegister.appealFiles(List.of(appeal)).get(appeal.getId()).get(0);
		assertThat(file.getFileName()).isEqualTo("采购单.png");
		mvc.perform(get(page).with(as(team.clinic())))
			.andExpect(content().string(containsString(page + "/appeal-files/" + file.getId())));

		mvc.perform(get(page + "/appeal-files/" + file.getId()).with(as(team.clinic())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(content().bytes(png));
		CurrentUser otherClinic = Fixtures.clinic(accounts.institution("330102").getId());
		mvc.perform(get(page + "/appeal-files/" + file.getId()).with(as(otherClinic))).andExpect(status().isNotFound());
		String regulatorFile = "/regulator/ratings/" + rating.getId() + "/appeal-files/" + file.getId();
		mvc.perform(get(regulatorFile).with(as(regulator()))).andExpect(status().isOk());
		mvc.perform(get(regulatorFile).with(as(Fixtures.regulator("330106")))).andExpect(status().isNotFound());
		// a file asked for under another rating's address
		Team otherTeam = fixtures.submitted();
		Rating other = ratings.propose(otherTeam.lead(), otherTeam.id(), null, null);
		mvc.perform(get("/regulator/ratings/" + other.getId() + "/appeal-files/" + file.getId()).with(as(regulator())))
			.andExpect(status().isNotFound());
	}

	@Test
	void theRegulatorReachesEveryRatingOfAnInstitutionAndFiltersAllRatingsByDistrictStarsAndStatus() throws Exception {
		Team team = fixtures.submitted();
		Rating first = ratingFixtures.published(team);
		ratings.suspend(regulator(), first.getId(), "投诉调查中");
		CurrentUser regulator = regulator();
		long institutionId = first.getInstitutionId();
		mvc.perform(get("/regulator/institutions/" + institutionId).with(as(regulator)))
			.andExpect(content().string(containsString("/regulator/ratings/all?institutionId=" + institutionId)));
		mvc.perform(
				get("/regulator/ratings/all").param("institutionId", String.valueOf(institutionId)).with(as(regulator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/regulator/ratings/" + first.getId())))
			.andExpect(content().string(containsString(first.getCertificateNo())));
		mvc.perform(get("/regulator/ratings/all").param("institutionId", String.valueOf(institutionId))
			.param("status", "PUBLISHED")
			.with(as(regulator))).andExpect(content().string(not(containsString(first.getCertificateNo()))));
		mvc.perform(get("/regulator/ratings/all").param("region", first.getRegionCode())
			.param("status", "SUSPENDED")
			.param("stars", String.valueOf(first.getStars()))
			.with(as(regulator))).andExpect(content().string(containsString(first.getCertificateNo())));
		// another jurisdiction sees none of it
		mvc.perform(get("/regulator/ratings/all").param("institutionId", String.valueOf(institutionId))
			.with(as(Fixtures.regulator("440300"))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(first.getCertificateNo()))));
	}

	@Test
	void theRegisterListsNewestApprovalFirstAndCountsUpToItsCap() throws Exception {
		Rating first = ratingFixtures.published(fixtures.submitted());
		// a thousand and one expired ratings in one district, each approved a day before
		// the one inserted before it
		jdbc.update("""
				insert into rating (institution_id, inspection_id, cycle_id, standard_version_id, region_code,
				                    total, computed_stars, stars, status, proposer_id, proposed_by, proposed_at,
				                    appeal_deadline, approved_by, approved_at, valid_from, valid_until, sections)
				select institution_id, inspection_id, cycle_id, standard_version_id, '500156', total,
				       3 + n % 2, 3 + n % 2, 'EXPIRED', proposer_id, proposed_by, proposed_at, appeal_deadline,
				       approved_by, approved_at - n * interval '1 day', valid_from, valid_until, sections
				from rating, generate_series(1, 1001) n where id = ?
				order by n""", first.getId());
		CurrentUser wulong = Fixtures.regulator("500156");
		var page = ratingRegister.register(wulong, null, null, null, null, PageRequest.of(0, 50));
		assertThat(page.getTotalElements()).isEqualTo(RatingRegister.REGISTER_COUNT_CAP);
		assertThat(page.getContent()).hasSize(50)
			.allSatisfy(line -> assertThat(line.institutionName()).isNotBlank())
			.extracting(RatingRegister.RegisterLine::id)
			.isSorted();
		assertThat(page.getContent().get(0).status()).isEqualTo(RatingStatus.EXPIRED);
		// the page past the cap counts them all, as does a filter with fewer
		var lastPage = ratingRegister.register(wulong, null, null, null, null, PageRequest.of(20, 50));
		assertThat(lastPage.getContent()).hasSize(1);
		assertThat(lastPage.getTotalElements()).isEqualTo(1001);
		var fourStars = ratingRegister.register(wulong, "500156", 4, RatingStatus.EXPIRED, null, PageRequest.of(0, 50));
		assertThat(fourStars.getTotalElements()).isEqualTo(501);
		assertThat(fourStars.getContent()).allSatisfy(line -> assertThat(line.stars()).isEqualTo(4));
		mvc.perform(get("/regulator/ratings/all").with(as(wulong)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("至少 1,000 条记录")));
		mvc.perform(get("/regulator/ratings/all").param("stars", "3").with(as(wulong)))
			.andExpect(content().string(containsString("共 500 条记录")));
		// a district of another jurisdiction asked for is ignored: the jurisdiction's own
		assertThat(ratingRegister.register(regulator(), "500156", null, null, null, PageRequest.of(0, 50)).getContent())
			.noneMatch(line -> line.regionCode().equals("500156"));
	}

	private CurrentUser regulator() {
		return ratingFixtures.regulator();
	}

	private static RequestPostProcessor as(CurrentUser user) {
		return user(Fixtures.principal(user));
	}

}
