package cn.meizhi.rating;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.meizhi.standard.RatingOutcome.SectionOutcome;
import lombok.AccessLevel;
import lombok.AllArgsConstructor;
import lombok.Getter;

/**
 * What the public may know of a rating that was published (an institution's profile and
 * open data), read with plain JDBC: a profile view loaded every rating of the institution
 * as an entity.
 */
@Getter
@AllArgsConstructor(access = AccessLevel.PACKAGE)
public final class PublicRating {

	private final long id;

	private final int stars;

	private final RatingStatus status;

	private final String certificateNo;

	private final LocalDate validFrom;

	private final LocalDate validUntil;

	private final BigDecimal total;

	/**
	 * Each section's result as kept at the proposal; null for ratings proposed before
	 * V21.
	 */
	private final List<SectionOutcome> sections;

	private final long inspectionId;

	private final long standardVersionId;

	/** Why the stars differ from those the rules computed; null when they do not. */
	private final StarsChange starsChange;

}
