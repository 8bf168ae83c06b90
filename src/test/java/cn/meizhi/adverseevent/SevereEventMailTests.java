package cn.meizhi.adverseevent;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.meizhi.institution.Institution;
import cn.meizhi.support.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With mail configured, a severe adverse event is mailed to the duty address of the
 * longest region prefix that covers it; a minor one, or one in a region without an
 * address, is not. The mail server is the only thing replaced: a sender that keeps what
 * it would have sent.
 */
@SpringBootTest(
		properties = { "spring.mail.host=mail.invalid", "meizhi.adverse-events.alert-mail.330106=xihu@hz.example",
				"meizhi.adverse-events.alert-mail.3301=duty@hz.example" })
class SevereEventMailTests {

	@TestConfiguration
	static class Outbox {

		@Bean
		@Primary
		RecordingSender recordingSender() {
			return new RecordingSender();
		}

	}

	static class RecordingSender extends JavaMailSenderImpl {

		final List<SimpleMailMessage> sent = new CopyOnWriteArrayList<>();

		@Override
		public void send(SimpleMailMessage... messages) {
			sent.addAll(List.of(messages));
		}

	}

	@Autowired
	RecordingSender outbox;

	@Autowired
	AdverseEvents events;

	@Autowired
	Fixtures fixtures;

	@Test
	void aSevereEventIsMailedToTheDutyAddressOfItsRegion() {
		Institution hangzhou = fixtures.institution("330102");
		Institution xihu = fixtures.institution("330106");
		Institution chongqing = fixtures.institution("500103");
		events.report(Fixtures.clinic(hangzhou.getId()), form(EventSeverity.IV));
		events.report(Fixtures.clinic(chongqing.getId()), form(EventSeverity.I));
		events.report(Fixtures.clinic(hangzhou.getId()), form(EventSeverity.I));
		events.report(Fixtures.clinic(xihu.getId()), form(EventSeverity.II));
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(outbox.sent).hasSize(2));
		assertThat(outbox.sent).extracting(m -> m.getTo()[0])
			.containsExactlyInAnyOrder("duty@hz.example", "xihu@hz.example");
		assertThat(outbox.sent).allSatisfy(m -> assertThat(m.getSubject()).contains("严重不良事件报告").contains("吸脂术"));
	}

	private static AdverseEventForm form(EventSeverity severity) {
		var form = new AdverseEventForm();
		form.setOccurredOn(LocalDate.now().minusDays(1));
		form.setProcedureName("吸脂术");
		form.setSurgeryLevel(3);
		form.setSeverity(severity);
		form.setDescription("术后呼吸困难");
		form.setActionsTaken("转院");
		form.setPatientOutcome(PatientOutcome.RECOVERING);
		return form;
	}

}
