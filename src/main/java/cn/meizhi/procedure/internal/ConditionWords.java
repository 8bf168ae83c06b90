package cn.meizhi.procedure.internal;

import java.time.LocalDate;
import java.util.Locale;

import cn.meizhi.procedure.ProcedureCheck.Condition;
import cn.meizhi.shared.Formats;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A condition of a check in the reader's words, the same for the page and the open data:
 * {@code key.yes}, {@code key.no} or {@code key.unknown}, with the enum arguments
 * (status, department, type, grade) in words too.
 */
@Component
class ConditionWords {

	private final MessageSource messages;

	private final Formats formats;

	ConditionWords(MessageSource messages, Formats formats) {
		this.messages = messages;
		this.formats = formats;
	}

	String of(Condition condition, Locale locale) {
		String suffix = condition.met() == null ? "unknown" : condition.met() ? "yes" : "no";
		Object[] arguments = condition.arguments().clone();
		switch (condition.key()) {
			case "check.licenceActive" -> arguments[0] = word("institution.status.", arguments[0], locale);
			case "check.department", "check.practitioner" ->
				arguments[0] = word("institution.department.", arguments[0], locale);
			case "check.levelAllowed" -> {
				arguments[1] = word("institution.type.", arguments[1], locale);
				arguments[2] = word("institution.grade.", arguments[2], locale);
			}
			case "check.rated" -> arguments[1] = formats.date((LocalDate) arguments[1]);
			default -> {
			}
		}
		return messages.getMessage(condition.key() + "." + suffix, arguments, locale);
	}

	private String word(String prefix, Object value, Locale locale) {
		return messages.getMessage(prefix + value, null, String.valueOf(value), locale);
	}

}
