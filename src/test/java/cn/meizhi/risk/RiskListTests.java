package cn.meizhi.risk;

import cn.meizhi.adverseevent.AdverseEventForm;
import cn.meizhi.adverseevent.AdverseEvents;
import cn.meizhi.adverseevent.EventSeverity;
import cn.meizhi.adverseevent.PatientOutcome;
import cn.meizhi.enforcement.Penalties;
import cn.meizhi.enforcement.PenaltyForm;
import cn.meizhi.enforcement.PenaltyMeasure;
import cn.meizhi.institution.Institution;
import cn.meizhi.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The risk list orders a jurisdiction's institutions by the rule, with the facts the
 * other modules hold: penalties and severe adverse events raise an institution.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RiskListTests {

	/** A district no other test uses, so the list holds only these institutions. */
	static final String DISTRICT = "330108";

	@Autowired
	RiskList risks;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Penalties penalties;

	@Autowired
	AdverseEvents events;

	@Autowired
	MockMvc mvc;

	@Test
	void penaltiesAndSevereEventsPutAnInstitutionFirst() throws Exception {
		Institution quiet = fixtures.institution(DISTRICT);
		Institution risky = fixtures.institution(DISTRICT);
		var form = new PenaltyForm();
		form.setInstitutionId(risky.getId());
		form.setDecisionNumber(Fixtures.unique("风险"));
		form.setDecidedOn(java.time.LocalDate.now().minusMonths(2));
		form.setLegalBasis("《医疗美容服务管理办法》");
		form.setFinding("超范围执业");
		form.setMeasure(PenaltyMeasure.WARNING);
		penalties.record(Fixtures.regulator(DISTRICT), form);
		var event = new AdverseEventForm();
		event.setOccurredOn(java.time.LocalDate.now().minusDays(3));
		event.setProcedureName("吸脂术");
		event.setSeverity(EventSeverity.I);
		event.setDescription("术中大出血");
		event.setActionsTaken("转院抢救");
		event.setPatientOutcome(PatientOutcome.RECOVERING);
		events.report(Fixtures.clinic(risky.getId()), event);

		var page = risks.page(Fixtures.regulator(DISTRICT), 0, 50);
		var first = page.getContent().get(0);
		assertThat(first.institutionId()).isEqualTo(risky.getId());
		// never rated 3 + one penalty 3 + one severe event 3
		assertThat(first.score()).isEqualTo(9);
		var other = page.getContent()
			.stream()
			.filter(e -> e.institutionId() == quiet.getId())
			.findFirst()
			.orElseThrow();
		assertThat(other.score()).isEqualTo(RiskRule.NO_VALID_RATING);
		mvc.perform(get("/regulator/risk").with(user(Fixtures.principal(Fixtures.regulator(DISTRICT)))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("行政处罚 1 项 +3")))
			.andExpect(content().string(containsString("严重不良事件 1 件 +3")))
			.andExpect(content().string(containsString("近 3 年每项行政处罚计 3 分")));
	}

}
