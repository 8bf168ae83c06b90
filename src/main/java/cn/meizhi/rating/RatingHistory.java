package cn.meizhi.rating;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ratings decided before the registry kept them, entered as they stand: published with
 * their certificate (numbered from the same counters as today's), later superseded where
 * a newer one replaced them, each step in the rating's history with its day and its
 * actor. Nothing is published per rating: whoever loads a history announces the load as a
 * whole ({@code RegisterLoadedInBulk}), and the directory rebuilds once.
 */
@Service
@Transactional
public class RatingHistory {

	private final JdbcTemplate jdbc;

	private final Ratings ratings;

	RatingHistory(JdbcTemplate jdbc, Ratings ratings) {
		this.jdbc = jdbc;
		this.ratings = ratings;
	}

	/**
	 * A past rating from its submitted inspection: proposed by the lead, accepted by the
	 * institution, approved by the regulator on {@code approvedAt}'s day.
	 */
	public record PastRating(long institutionId, long inspectionId, long cycleId, long standardVersionId,
			String regionCode, BigDecimal total, int stars, long proposerId, String proposedBy, Instant proposedAt,
			LocalDate appealDeadline, Instant acceptedAt, String acceptedBy, String approvedBy, Instant approvedAt,
			LocalDate validFrom, int validityMonths) {
	}

	/** Enters a past published rating and answers its id. */
	public long recordPublished(PastRating past) {
		String certificate = ratings.nextCertificateNumber(past.regionCode(), past.validFrom().getYear());
		Long id = jdbc.queryForObject("""
				insert into rating (institution_id, inspection_id, cycle_id, standard_version_id, region_code, total,
				    computed_stars, stars, status, proposer_id, proposed_by, proposed_at, appeal_deadline, accepted_at,
				    accepted_by, approved_by, approved_at, certificate_no, valid_from, valid_until)
				values (?, ?, ?, ?, ?, ?, ?, ?, 'PUBLISHED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
				""", Long.class, past.institutionId(), past.inspectionId(), past.cycleId(), past.standardVersionId(),
				past.regionCode(), past.total(), past.stars(), past.stars(), past.proposerId(), past.proposedBy(),
				Timestamp.from(past.proposedAt()), past.appealDeadline(), Timestamp.from(past.acceptedAt()),
				past.acceptedBy(), past.approvedBy(), Timestamp.from(past.approvedAt()), certificate, past.validFrom(),
				past.validFrom().plusMonths(past.validityMonths()).minusDays(1));
		transition(id, null, RatingStatus.PROPOSED, past.proposedBy(), null, past.proposedAt());
		transition(id, RatingStatus.PROPOSED, RatingStatus.PUBLISHED, past.approvedBy(), certificate,
				past.approvedAt());
		return id;
	}

	/** A past rating that a newer one replaced, on that day, by that regulator. */
	public void recordSuperseded(long ratingId, String by, Instant at) {
		jdbc.update("update rating set status = 'SUPERSEDED', lock_version = lock_version + 1 where id = ?", ratingId);
		transition(ratingId, RatingStatus.PUBLISHED, RatingStatus.SUPERSEDED, by, null, at);
	}

	private void transition(long ratingId, RatingStatus from, RatingStatus to, String actor, String reason,
			Instant when) {
		jdbc.update("""
				insert into rating_transition (rating_id, from_status, to_status, occurred_at, actor, reason)
				values (?, ?, ?, ?, ?, ?)
				""", ratingId, from == null ? null : from.name(), to.name(), Timestamp.from(when), actor, reason);
	}

}
