package cn.meizhi.audit.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import cn.meizhi.shared.Formats;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Puts the audit trail in the reader's words: the kind of object ("机构", not
 * {@code Institution}), and the recorded values of a change (a rating's status "已发布 →
 * 已暂停", not {@code PUBLISHED SUSPENDED}; a sign-in failure "用户名或密码错误", not
 * {@code BadCredentialsException}; instants and dates as dates). A value without words
 * stays as recorded (names, numbers, free text).
 */
@Component("auditWords")
public class AuditWording {

	/**
	 * Which messages name the values of a field: by object type and field, or by field
	 * alone.
	 */
	private static final Map<String, String> VALUE_MESSAGES = Map.ofEntries(
			Map.entry("Rating.status", "rating.status."), Map.entry("Institution.status", "institution.status."),
			Map.entry("EvaluationCycle.status", "cycle.status."),
			Map.entry("StandardVersion.status", "standard.status."),
			Map.entry("Inspection.status", "inspection.status."),
			Map.entry("SelfAssessment.status", "selfAssessment.state."),
			Map.entry("replyStatus", "rating.reply.status."), Map.entry("CorrectiveAction.status", "action.status."),
			Map.entry("UserAccount.reason", "audit.loginFailure."), Map.entry("role", "role."),
			Map.entry("type", "institution.type."), Map.entry("appliesToTypes", "institution.type."),
			Map.entry("departments", "institution.department."), Map.entry("hospitalGrade", "institution.grade."));

	private final MessageSource messages;

	private final Formats formats;

	AuditWording(MessageSource messages, Formats formats) {
		this.messages = messages;
		this.formats = formats;
	}

	/** The kind of object, in words; the recorded type when there are none. */
	public String objectType(String type, Locale locale) {
		return type == null ? "" : messages.getMessage("audit.object." + type, null, type, locale);
	}

	/** A recorded value of a field, in words where it has some. */
	public String value(String objectType, String field, String value, Locale locale) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		String prefix = VALUE_MESSAGES.getOrDefault(objectType + "." + field, VALUE_MESSAGES.get(field));
		if (prefix != null) {
			return Arrays.stream(value.split(",\\s*"))
				.map(part -> messages.getMessage(prefix + part.strip(), null, part.strip(), locale))
				.collect(Collectors.joining("、"));
		}
		if ("true".equals(value) || "false".equals(value)) {
			return messages.getMessage("audit.value." + value, null, value, locale);
		}
		if (value.length() >= 20 && value.endsWith("Z") && value.charAt(10) == 'T') {
			try {
				return formats.dateTime(Instant.parse(value));
			}
			catch (DateTimeParseException ex) {
				return value;
			}
		}
		if (value.length() == 10 && value.charAt(4) == '-' && value.charAt(7) == '-') {
			try {
				return formats.date(LocalDate.parse(value));
			}
			catch (DateTimeParseException ex) {
				return value;
			}
		}
		return value;
	}

}
