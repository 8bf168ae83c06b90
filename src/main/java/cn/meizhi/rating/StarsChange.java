package cn.meizhi.rating;

/**
 * Why the stars a rating publishes differ from those the standard's rules computed from
 * the inspection, which the public is told in words wherever the stars are shown.
 *
 * @param kind who changed them
 * @param computedStars the stars the rules gave
 * @param reason the lead assessor's written reason for an override; null for an appeal
 * (the decision is between the regulator and the institution)
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record StarsChange(Kind kind, int computedStars, String reason) {

	public enum Kind {

		/** The lead assessor proposed other stars, with a written reason. */
		OVERRIDE,
		/** A regulator adjusted the stars when deciding the institution's appeal. */
		APPEAL

	}

	/**
	 * The change a rating's stars carry, or null when they are the computed ones.
	 * @param stars the stars published
	 * @param computedStars the stars the rules gave
	 * @param overrideReason the reason kept with the rating
	 * @param adjustedOnAppeal whether an appeal decision set these stars
	 */
	public static StarsChange of(int stars, int computedStars, String overrideReason, boolean adjustedOnAppeal) {
		if (stars == computedStars) {
			return null;
		}
		return adjustedOnAppeal ? new StarsChange(Kind.APPEAL, computedStars, null)
				: new StarsChange(Kind.OVERRIDE, computedStars, overrideReason);
	}

}
