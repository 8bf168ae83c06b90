package cn.meizhi.risk;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.Formats;
import cn.meizhi.shared.Role;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The institutions of a regulator's jurisdiction that have not closed, the riskiest first
 * by {@link RiskRule}. One statement gathers the facts of every institution (the views of
 * the register, the ratings, complaints, adverse events and penalties); the rule scores
 * them here, so the score the list sorts by is the one it explains.
 */
@Service
@Transactional(readOnly = true)
public class RiskList {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Formats formats;

	RiskList(JdbcClient jdbc, Clock clock, Formats formats) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.formats = formats;
	}

	/** An institution, its facts, score and reasons. */
	public record Entry(long institutionId, String name, String regionCode, RiskRule.Facts facts, int score,
			List<RiskRule.Reason> reasons) {
	}

	/** A page of the jurisdiction's institutions, the highest score first. */
	public Page<Entry> page(CurrentUser regulator, int page, int size) {
		if (!regulator.is(Role.REGULATOR)) {
			throw new AccessDeniedException("Only regulators");
		}
		LocalDate today = LocalDate.ofInstant(clock.instant(), formats.zone());
		Timestamp recent = Timestamp
			.from(today.minusMonths(RiskRule.RECENT_MONTHS).atStartOfDay(formats.zone()).toInstant());
		List<Entry> entries = jdbc
			.sql("""
					with current_rating as (
					    select distinct on (r.institution_id) r.institution_id, r.stars, r.status, r.valid_until
					    from public_rating r join register_institution i on i.id = r.institution_id
					    where i.region_code like :prefix
					    order by r.institution_id, r.approved_at desc nulls last, r.id desc
					), complaints as (
					    select institution_id,
					           count(*) filter (where outcome in ('SUBSTANTIATED', 'PARTLY_SUBSTANTIATED')) as upheld,
					           bool_or(follow_up = 'UNANNOUNCED_INSPECTION') as flagged
					    from decided_complaint where decided_at >= :recent group by institution_id
					), events as (
					    select institution_id, count(*) filter (where severity in ('I', 'II')) as severe,
					           bool_or(inspection_flagged) as flagged
					    from reported_adverse_event where reported_at >= :recent group by institution_id
					), penalties as (
					    select institution_id, count(*) as penalties
					    from recorded_penalty where decided_on >= :penaltiesSince group by institution_id
					)
					select i.id, i.name, i.region_code,
					       case when r.status = 'PUBLISHED' and r.valid_until >= :today then r.stars end as valid_stars,
					       case when r.status = 'PUBLISHED' and r.valid_until >= :today then r.valid_until end as valid_until,
					       coalesce(c.upheld, 0) as upheld, coalesce(e.severe, 0) as severe,
					       coalesce(p.penalties, 0) as penalties,
					       coalesce(c.flagged, false) or coalesce(e.flagged, false) as flagged
					from register_institution i
					left join current_rating r on r.institution_id = i.id
					left join complaints c on c.institution_id = i.id
					left join events e on e.institution_id = i.id
					left join penalties p on p.institution_id = i.id
					where i.region_code like :prefix and i.status <> 'CLOSED'
					""")
			.param("prefix", regulator.jurisdiction().prefix() + "%")
			.param("today", today)
			.param("recent", recent)
			.param("penaltiesSince", today.minusYears(RiskRule.PENALTY_YEARS))
			.query((rs, n) -> {
				java.sql.Date until = rs.getDate("valid_until");
				int stars = rs.getInt("valid_stars");
				var facts = new RiskRule.Facts(rs.wasNull() ? null : stars, until == null ? null : until.toLocalDate(),
						rs.getLong("upheld"), rs.getLong("severe"), rs.getLong("penalties"), rs.getBoolean("flagged"));
				return new Entry(rs.getLong("id"), rs.getString("name"), rs.getString("region_code"), facts,
						RiskRule.score(facts, today), RiskRule.reasons(facts, today));
			})
			.list()
			.stream()
			.sorted(Comparator.comparingInt(Entry::score)
				.reversed()
				.thenComparing(Entry::name)
				.thenComparingLong(Entry::institutionId))
			.toList();
		int from = Math.min(entries.size(), Math.max(0, page) * size);
		return new PageImpl<>(entries.subList(from, Math.min(entries.size(), from + size)),
				PageRequest.of(Math.max(0, page), size), entries.size());
	}

}
