package cn.meizhi.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and times as the user's locale writes them, in the registry's time zone.
 * Templates call it as {@code ${@fmt.dateTime(x)}}.
 */
@Component("fmt")
public class Formats {

	private final ZoneId zone;

	public Formats(@Value("${meizhi.time-zone:Asia/Shanghai}") String zone) {
		this.zone = ZoneId.of(zone);
	}

	public String dateTime(Instant instant) {
		if (instant == null) {
			return "";
		}
		Locale locale = LocaleContextHolder.getLocale();
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(zone)
			.format(instant);
	}

	public String date(LocalDate date) {
		if (date == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
			.withLocale(LocaleContextHolder.getLocale())
			.format(date);
	}

	public String date(Instant instant) {
		return instant == null ? "" : date(LocalDate.ofInstant(instant, zone));
	}

	/**
	 * A measured number with at most two decimals and no trailing zeros ({@code 1.33},
	 * {@code 2.5}, {@code 4}); a dash for none.
	 */
	public String decimal(Number number) {
		if (number == null || (number instanceof Double d && (d.isNaN() || d.isInfinite()))) {
			return "—";
		}
		return new java.math.BigDecimal(number.toString()).setScale(2, java.math.RoundingMode.HALF_UP)
			.stripTrailingZeros()
			.toPlainString();
	}

	public ZoneId zone() {
		return zone;
	}

}
