package cn.meizhi.qualitymeasure.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionSummary;
import cn.meizhi.qualitymeasure.MeasureReportsOverdue;
import cn.meizhi.shared.PublicUrl;
import cn.meizhi.shared.RegionalAddresses;
import lombok.extern.slf4j.Slf4j;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Mails the quality-control centre of a region the institutions just reminded of an
 * overdue quality-measure period, one message per address and run, when mail is
 * configured ({@code spring.mail.host}) and the region has an address
 * ({@code meizhi.quality-measures.reminder-mail.<region prefix>=address}; the longest
 * prefix that covers the institution's region wins). The institutions themselves are told
 * in the portal (the register keeps no mail address of theirs). Sent after the job's
 * commit through the event publication registry: a failed send is retried, never lost.
 */
@Slf4j
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OverdueReportMail.Addresses.class)
class OverdueReportMail {

	private final ObjectProvider<JavaMailSender> mail;

	private final Addresses addresses;

	private final InstitutionManagement institutions;

	private final PublicUrl publicUrl;

	OverdueReportMail(ObjectProvider<JavaMailSender> mail, Addresses addresses, InstitutionManagement institutions,
			PublicUrl publicUrl) {
		this.mail = mail;
		this.addresses = addresses;
		this.institutions = institutions;
		this.publicUrl = publicUrl;
	}

	/** The centres' addresses by region prefix, and the sender. */
	@ConfigurationProperties("meizhi.quality-measures")
	record Addresses(Map<String, String> reminderMail, String reminderFrom) {

		Addresses {
			reminderMail = reminderMail == null ? Map.of() : Map.copyOf(reminderMail);
			reminderFrom = reminderFrom == null || reminderFrom.isBlank() ? "meizhi@localhost" : reminderFrom;
		}

	}

	@ApplicationModuleListener
	void on(MeasureReportsOverdue overdue) {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null || addresses.reminderMail().isEmpty()) {
			return;
		}
		RegionalAddresses centres = new RegionalAddresses(addresses.reminderMail());
		Map<String, List<InstitutionSummary>> byAddress = new TreeMap<>();
		for (InstitutionSummary institution : institutions.summaries(overdue.institutionIds()).values()) {
			centres.of(institution.regionCode())
				.ifPresent(address -> byAddress.computeIfAbsent(address, a -> new ArrayList<>()).add(institution));
		}
		String base;
		try {
			base = publicUrl.base();
		}
		catch (IllegalStateException ex) {
			base = "";
		}
		for (var entry : byAddress.entrySet()) {
			StringBuilder list = new StringBuilder();
			entry.getValue()
				.stream()
				.sorted(java.util.Comparator.comparing(InstitutionSummary::regionCode)
					.thenComparing(InstitutionSummary::name))
				.forEach(i -> list.append("  ").append(i.name()).append("（").append(i.creditCode()).append("）\n"));
			var message = new SimpleMailMessage();
			message.setFrom(addresses.reminderFrom());
			message.setTo(entry.getKey());
			message.setSubject("【美质】质控指标上报逾期：" + overdue.period() + "，" + entry.getValue().size() + " 家机构");
			message.setText("""
					以下机构 %s 期的质控指标截至 %s 仍未提交，已在系统内提醒：
					%s
					查看本期上报情况：%s/regulator/quality-measures/reports?period=%s&state=LATE
					""".formatted(overdue.period(), overdue.due(), list, base, overdue.period()));
			sender.send(message);
		}
		if (!byAddress.isEmpty()) {
			log.info("Overdue quality-measure period {} mailed to {} centre(s)", overdue.period(), byAddress.size());
		}
	}

}
