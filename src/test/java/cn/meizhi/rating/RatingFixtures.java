package cn.meizhi.rating;

import cn.meizhi.account.internal.UserAccount;
import cn.meizhi.inspection.InspectionFixtures.Team;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.Jurisdiction;
import cn.meizhi.shared.Role;
import cn.meizhi.support.Fixtures;

import org.springframework.stereotype.Component;

/**
 * Ratings in a given state, and a regulator of 杭州市 (330100) who took no part in any
 * inspection.
 */
@Component
public class RatingFixtures {

	private final Ratings ratings;

	private final Fixtures accounts;

	RatingFixtures(Ratings ratings, Fixtures accounts) {
		this.ratings = ratings;
		this.accounts = accounts;
	}

	/**
	 * A new regulator of 330100 (a fresh account, so never the proposer nor on a team).
	 */
	public CurrentUser regulator() {
		UserAccount account = accounts.account(Role.REGULATOR, "330100", null);
		return new CurrentUser(account.getId(), account.getUsername(), account.getDisplayName(), Role.REGULATOR,
				Jurisdiction.of("330100"), null);
	}

	/**
	 * The engine's stars proposed by the lead, accepted by the clinic and approved: a
	 * valid certificate.
	 */
	public Rating published(Team team) {
		Rating rating = ratings.propose(team.lead(), team.id(), null, null);
		ratings.accept(team.clinic(), rating.getId());
		return ratings.approve(regulator(), rating.getId());
	}

}
