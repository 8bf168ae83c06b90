package cn.meizhi.rating.internal;

import java.time.Instant;
import java.time.LocalDate;

import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.Texts;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * An objection (异议) from the public to a rating on public notice, and the regulator's
 * answer. The objector stays anonymous; a contact is optional and only the regulator sees
 * it.
 */
@Entity
@Table(name = "rating_objection")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class RatingObjection {

	/** How the regulator answered. */
	public enum Outcome {

		/** The objection holds: the rating is withdrawn and does not take effect. */
		UPHELD,
		/** The objection does not hold: the rating stays on notice. */
		DISMISSED

	}

	/** The longest grounds and answer. */
	public static final int MAX_TEXT = 2000;

	/** The longest contact. */
	public static final int MAX_CONTACT = 200;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long lockVersion;

	private Long ratingId;

	private String regionCode;

	/** The receipt's number (异议编号), {@code YY-<year>-<id>}; set once the id is known. */
	private String reference;

	private String grounds;

	private String contact;

	private Instant filedAt;

	@Enumerated(EnumType.STRING)
	private Outcome outcome;

	private String answer;

	private String answeredBy;

	private Instant answeredAt;

	/** Checks the objector's text; every problem is reported at once. */
	public RatingObjection(long ratingId, String regionCode, String grounds, String contact, Instant now) {
		var reasons = new FormRejectedException.Collector();
		if (grounds == null || grounds.isBlank()) {
			reasons.reject("grounds", "objection.grounds.required");
		}
		else if (grounds.strip().length() > MAX_TEXT) {
			reasons.reject("grounds", "standard.text.tooLong", MAX_TEXT);
		}
		if (contact != null && contact.strip().length() > MAX_CONTACT) {
			reasons.reject("contact", "standard.text.tooLong", MAX_CONTACT);
		}
		reasons.throwIfAny();
		this.ratingId = ratingId;
		this.regionCode = regionCode;
		this.grounds = grounds.strip();
		this.contact = contact == null || contact.isBlank() ? null : contact.strip();
		this.filedAt = now;
	}

	/**
	 * Numbers the receipt from the id the database gave, and the year it was filed in.
	 */
	public void number(LocalDate filedOn) {
		this.reference = "YY-" + filedOn.getYear() + "-" + String.format("%06d", id);
	}

	public boolean isOpen() {
		return outcome == null;
	}

	/** The regulator's answer, once. */
	public void answer(Outcome outcome, String answer, String by, Instant now) {
		if (!isOpen()) {
			throw FormRejectedException.of(null, "objection.alreadyAnswered");
		}
		if (outcome == null) {
			throw FormRejectedException.of("outcome", "NotNull");
		}
		if (answer == null || answer.isBlank()) {
			throw FormRejectedException.of("answer", "objection.answer.required");
		}
		Texts.requireMax(answer, MAX_TEXT, "answer");
		this.outcome = outcome;
		this.answer = answer.strip();
		this.answeredBy = by;
		this.answeredAt = now;
	}

}
