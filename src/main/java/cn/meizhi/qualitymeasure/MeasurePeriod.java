package cn.meizhi.qualitymeasure;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reporting period: a calendar quarter ({@code 2026-Q3}) or month ({@code 2026-09}),
 * named by its key in URLs and files.
 *
 * @param kind monthly or quarterly
 * @param year the calendar year
 * @param number the quarter (1–4) or month (1–12)
 */
public record MeasurePeriod(ReportingPeriod kind, int year, int number) implements Comparable<MeasurePeriod> {

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

	private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

	/** The period a key names, if it names one. */
	public static Optional<MeasurePeriod> parse(String key) {
		if (key == null) {
			return Optional.empty();
		}
		Matcher quarter = QUARTER.matcher(key);
		if (quarter.matches()) {
			return Optional.of(new MeasurePeriod(ReportingPeriod.QUARTERLY, Integer.parseInt(quarter.group(1)),
					Integer.parseInt(quarter.group(2))));
		}
		Matcher month = MONTH.matcher(key);
		if (month.matches()) {
			return Optional.of(new MeasurePeriod(ReportingPeriod.MONTHLY, Integer.parseInt(month.group(1)),
					Integer.parseInt(month.group(2))));
		}
		return Optional.empty();
	}

	/** The period of this kind that contains a day. */
	public static MeasurePeriod containing(ReportingPeriod kind, LocalDate day) {
		return kind == ReportingPeriod.QUARTERLY
				? new MeasurePeriod(kind, day.getYear(), (day.getMonthValue() - 1) / 3 + 1)
				: new MeasurePeriod(kind, day.getYear(), day.getMonthValue());
	}

	public String key() {
		return kind == ReportingPeriod.QUARTERLY ? year + "-Q" + number : String.format("%d-%02d", year, number);
	}

	public LocalDate start() {
		return LocalDate.of(year, kind == ReportingPeriod.QUARTERLY ? (number - 1) * 3 + 1 : number, 1);
	}

	public LocalDate end() {
		return next().start().minusDays(1);
	}

	public MeasurePeriod next() {
		int last = kind == ReportingPeriod.QUARTERLY ? 4 : 12;
		return number == last ? new MeasurePeriod(kind, year + 1, 1) : new MeasurePeriod(kind, year, number + 1);
	}

	public MeasurePeriod previous() {
		int last = kind == ReportingPeriod.QUARTERLY ? 4 : 12;
		return number == 1 ? new MeasurePeriod(kind, year - 1, last) : new MeasurePeriod(kind, year, number - 1);
	}

	@Override
	public int compareTo(MeasurePeriod other) {
		return start().compareTo(other.start()) != 0 ? start().compareTo(other.start()) : kind.compareTo(other.kind);
	}

	@Override
	public String toString() {
		return key();
	}

}
