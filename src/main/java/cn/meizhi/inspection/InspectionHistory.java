package cn.meizhi.inspection;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inspections carried out before the registry kept them (the previous registry's or the
 * paper records), entered as they ended: submitted, with the team and every score.
 * Nothing is published per inspection: whoever loads a history announces the load as a
 * whole ({@code RegisterLoadedInBulk}), and the directory rebuilds once.
 */
@Service
@Transactional
public class InspectionHistory {

	private final JdbcTemplate jdbc;

	InspectionHistory(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A past inspection, as it was submitted.
	 *
	 * @param scores each scored indicator's score, by indicator id
	 */
	public record PastInspection(long cycleId, long institutionId, LocalDate scheduledOn, Instant createdAt,
			String createdBy, long leadId, long memberId, Instant teamDeclaredAt, Instant submittedAt,
			String submittedBy, Map<Long, BigDecimal> scores) {
	}

	/** Enters a past inspection and answers its id. */
	public long recordSubmitted(PastInspection past) {
		Long id = jdbc.queryForObject("""
				insert into inspection (cycle_id, institution_id, scheduled_on, status, submitted_at, submitted_by,
				    created_at, created_by)
				values (?, ?, ?, 'SUBMITTED', ?, ?, ?, ?) returning id
				""", Long.class, past.cycleId(), past.institutionId(), past.scheduledOn(),
				Timestamp.from(past.submittedAt()), past.submittedBy(), Timestamp.from(past.createdAt()),
				past.createdBy());
		Timestamp declared = Timestamp.from(past.teamDeclaredAt());
		jdbc.update("""
				insert into inspection_member (inspection_id, assessor_id, lead, declared_at)
				values (?, ?, true, ?), (?, ?, false, ?)
				""", id, past.leadId(), declared, id, past.memberId(), declared);
		List<Object[]> rows = past.scores()
			.entrySet()
			.stream()
			.map(score -> new Object[] { id, score.getKey(), score.getValue(), Timestamp.from(past.submittedAt()),
					past.submittedBy() })
			.toList();
		jdbc.batchUpdate("""
				insert into inspection_score (inspection_id, indicator_id, score, updated_at, updated_by)
				values (?, ?, ?, ?, ?)
				""", rows);
		return id;
	}

}
