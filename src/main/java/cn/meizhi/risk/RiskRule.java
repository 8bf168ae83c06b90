package cn.meizhi.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The one rule that scores an institution's risk, in points; the higher, the sooner it
 * should be inspected. The regulator's list shows it in words ({@code risk.rule.*}), with
 * these same numbers.
 * <ul>
 * <li>no valid star rating (never rated, expired, suspended or revoked):
 * {@value #NO_VALID_RATING}; a valid rating of 1–2 stars: {@value #LOW_STARS}; of 3
 * stars: {@value #MIDDLE_STARS}; of 4–5 stars: 0;</li>
 * <li>a valid rating that expires within {@value #EXPIRY_DAYS} days:
 * {@value #EXPIRING};</li>
 * <li>each complaint substantiated in full or in part in the last {@value #RECENT_MONTHS}
 * months: {@value #PER_UPHELD_COMPLAINT}, at most {@value #UPHELD_COMPLAINTS_CAP};</li>
 * <li>each severe adverse event (I–II) reported in the last {@value #RECENT_MONTHS}
 * months: {@value #PER_SEVERE_EVENT}, at most {@value #SEVERE_EVENTS_CAP};</li>
 * <li>each penalty decided in the last {@value #PENALTY_YEARS} years:
 * {@value #PER_PENALTY}, at most {@value #PENALTIES_CAP};</li>
 * <li>flagged for an unannounced inspection by a complaint's decision or an adverse
 * event's review in the last {@value #RECENT_MONTHS} months: {@value #FLAGGED}.</li>
 * </ul>
 */
public final class RiskRule {

	public static final int NO_VALID_RATING = 3;

	public static final int LOW_STARS = 2;

	public static final int MIDDLE_STARS = 1;

	public static final int EXPIRY_DAYS = 90;

	public static final int EXPIRING = 1;

	public static final int RECENT_MONTHS = 12;

	public static final int PER_UPHELD_COMPLAINT = 2;

	public static final int UPHELD_COMPLAINTS_CAP = 6;

	public static final int PER_SEVERE_EVENT = 3;

	public static final int SEVERE_EVENTS_CAP = 9;

	public static final int PENALTY_YEARS = 3;

	public static final int PER_PENALTY = 3;

	public static final int PENALTIES_CAP = 9;

	public static final int FLAGGED = 2;

	private RiskRule() {
	}

	/**
	 * What is known of an institution: its current rating (null stars when it has no
	 * valid one), its expiry, and the counts the rule weighs.
	 */
	public record Facts(Integer validStars, LocalDate validUntil, long upheldComplaints, long severeEvents,
			long penalties, boolean flagged) {
	}

	/** One reason that adds points: a message key, its argument and the points. */
	public record Reason(String messageKey, long count, int points) {
	}

	/** The reasons that add up to the score, in the rule's order. */
	public static List<Reason> reasons(Facts facts, LocalDate today) {
		List<Reason> reasons = new ArrayList<>();
		if (facts.validStars() == null) {
			reasons.add(new Reason("risk.reason.noValidRating", 0, NO_VALID_RATING));
		}
		else if (facts.validStars() <= 2) {
			reasons.add(new Reason("risk.reason.lowStars", facts.validStars(), LOW_STARS));
		}
		else if (facts.validStars() == 3) {
			reasons.add(new Reason("risk.reason.middleStars", 3, MIDDLE_STARS));
		}
		if (facts.validStars() != null && facts.validUntil() != null
				&& !facts.validUntil().isAfter(today.plusDays(EXPIRY_DAYS))) {
			reasons.add(new Reason("risk.reason.expiring", EXPIRY_DAYS, EXPIRING));
		}
		if (facts.upheldComplaints() > 0) {
			reasons.add(new Reason("risk.reason.complaints", facts.upheldComplaints(),
					(int) Math.min(UPHELD_COMPLAINTS_CAP, facts.upheldComplaints() * PER_UPHELD_COMPLAINT)));
		}
		if (facts.severeEvents() > 0) {
			reasons.add(new Reason("risk.reason.severeEvents", facts.severeEvents(),
					(int) Math.min(SEVERE_EVENTS_CAP, facts.severeEvents() * PER_SEVERE_EVENT)));
		}
		if (facts.penalties() > 0) {
			reasons.add(new Reason("risk.reason.penalties", facts.penalties(),
					(int) Math.min(PENALTIES_CAP, facts.penalties() * PER_PENALTY)));
		}
		if (facts.flagged()) {
			reasons.add(new Reason("risk.reason.flagged", 0, FLAGGED));
		}
		return reasons;
	}

	/** The score: the sum of the reasons' points. */
	public static int score(Facts facts, LocalDate today) {
		return reasons(facts, today).stream().mapToInt(Reason::points).sum();
	}

}
