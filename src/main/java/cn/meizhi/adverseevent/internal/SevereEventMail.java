package cn.meizhi.adverseevent.internal;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

import cn.meizhi.adverseevent.AdverseEventChange.AdverseEventReported;
import cn.meizhi.shared.PublicUrl;
import lombok.extern.slf4j.Slf4j;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Mails a severe adverse event (I–II) to the duty address of the region it happened in,
 * when mail is configured ({@code spring.mail.host}) and the region has an address
 * ({@code meizhi.adverse-events.alert-mail.<region prefix>=address}; the longest prefix
 * that covers the event's region wins, e.g. {@code 3301} for all of Hangzhou). Off by
 * default; the regulator's home shows the event either way. Sent after the commit through
 * the event publication registry: a failed send is retried, never lost, and never undoes
 * the report.
 */
@Slf4j
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SevereEventMail.Addresses.class)
class SevereEventMail {

	private final ObjectProvider<JavaMailSender> mail;

	private final Addresses addresses;

	private final PublicUrl publicUrl;

	SevereEventMail(ObjectProvider<JavaMailSender> mail, Addresses addresses, PublicUrl publicUrl) {
		this.mail = mail;
		this.addresses = addresses;
		this.publicUrl = publicUrl;
	}

	/** Duty addresses by region prefix, and the sender. */
	@ConfigurationProperties("meizhi.adverse-events")
	record Addresses(Map<String, String> alertMail, String alertFrom) {

		Addresses {
			alertMail = alertMail == null ? Map.of() : Map.copyOf(alertMail);
			alertFrom = alertFrom == null || alertFrom.isBlank() ? "meizhi@localhost" : alertFrom;
		}

		/** The address for a region: the longest configured prefix that covers it. */
		Optional<String> of(String regionCode) {
			return new cn.meizhi.shared.RegionalAddresses(alertMail).of(regionCode);
		}

	}

	@ApplicationModuleListener
	void on(AdverseEventReported reported) {
		if (!reported.severity().isSevere()) {
			return;
		}
		JavaMailSender sender = mail.getIfAvailable();
		Optional<String> to = addresses.of(reported.regionCode());
		if (sender == null || to.isEmpty()) {
			return;
		}
		String base;
		try {
			base = publicUrl.base();
		}
		catch (IllegalStateException ex) {
			// no public address configured and no request to take it from
			base = "";
		}
		var message = new SimpleMailMessage();
		message.setFrom(addresses.alertFrom());
		message.setTo(to.get());
		message.setSubject("【美质】严重不良事件报告：" + reported.summary());
		message.setText("""
				%s 报告了一件 %s 级不良事件：%s
				请尽快审阅：%s/regulator/adverse-events/%d
				""".formatted(
				reported.actor().displayName() == null ? reported.actor().username() : reported.actor().displayName(),
				reported.severity(), reported.summary(), base, reported.adverseEventId()));
		sender.send(message);
		log.info("Severe adverse event {} mailed to the duty address of {}", reported.adverseEventId(),
				reported.regionCode());
	}

}
