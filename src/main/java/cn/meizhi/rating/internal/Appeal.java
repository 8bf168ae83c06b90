package cn.meizhi.rating.internal;

import java.time.Instant;

import cn.meizhi.shared.FormRejectedException;
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
 * An institution's appeal (申诉) against a proposed rating, and the regulator's written
 * decision.
 */
@Entity
@Table(name = "appeal")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Appeal {

	/** How an appeal ended. */
	public enum Outcome {

		PENDING, DISMISSED, ADJUSTED, REINSPECTION

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long lockVersion;

	private Long ratingId;

	private String grounds;

	private Instant filedAt;

	private String filedBy;

	@Enumerated(EnumType.STRING)
	private Outcome outcome;

	private String decision;

	private Integer adjustedStars;

	private Instant decidedAt;

	private String decidedBy;

	public Appeal(long ratingId, String grounds, String by, Instant now) {
		if (grounds == null || grounds.isBlank()) {
			throw FormRejectedException.of("grounds", "rating.appeal.groundsRequired");
		}
		cn.meizhi.shared.Texts.requireMax(grounds, 4000, "grounds");
		this.ratingId = ratingId;
		this.grounds = grounds.strip();
		this.filedBy = by;
		this.filedAt = now;
		this.outcome = Outcome.PENDING;
	}

	public void decide(Outcome outcome, String decision, Integer adjustedStars, String by, Instant now) {
		if (this.outcome != Outcome.PENDING) {
			throw FormRejectedException.of(null, "rating.appeal.decided");
		}
		if (outcome == Outcome.PENDING) {
			throw FormRejectedException.of("outcome", "rating.appeal.outcomeRequired");
		}
		if (decision == null || decision.isBlank()) {
			throw FormRejectedException.of("decision", "rating.appeal.decisionRequired");
		}
		cn.meizhi.shared.Texts.requireMax(decision, 4000, "decision");
		if (outcome == Outcome.ADJUSTED && (adjustedStars == null || adjustedStars < 0 || adjustedStars > 5)) {
			throw FormRejectedException.of("adjustedStars", "rating.appeal.starsRequired");
		}
		this.outcome = outcome;
		this.decision = decision.strip();
		this.adjustedStars = outcome == Outcome.ADJUSTED ? adjustedStars : null;
		this.decidedBy = by;
		this.decidedAt = now;
	}

}
