package cn.meizhi.bench;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit trail of a national data set: three years of what clinics, assessors and
 * regulators did, {@value #EVENTS_PER_INSTITUTION} events for each institution (two
 * million at 100,000 institutions), in its district, spread evenly over the three years.
 * Each is one of the trail's usual actions, by the institution's clinic account, an
 * assessor or the city's regulator. The events carry the documentation address
 * {@value #CLIENT_IP} (RFC 5737), which tells them apart from the trail the portal writes.
 */
final class AuditHistoryDataSet {

	static final int EVENTS_PER_INSTITUTION = 20;

	static final String CLIENT_IP = "198.51.100.20";

	private final JdbcTemplate jdbc;

	AuditHistoryDataSet(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the trail has been generated already. */
	boolean present() {
		return Boolean.TRUE.equals(
				jdbc.queryForObject("select exists (select 1 from audit_event where client_ip = ?)", Boolean.class,
						CLIENT_IP));
	}

	/** Generates the trail; returns how many events. */
	int generate() {
		long last = jdbc.queryForObject("select coalesce(max(id), 0) from institution", Long.class);
		int events = 0;
		// ten thousand institutions at a time: a statement stays well inside the
		// connection's 30 s socket timeout
		for (long from = 0; from < last; from += 10_000) {
			events += generate(from, from + 10_000);
		}
		return events;
	}

	private int generate(long fromId, long toId) {
		// a hash of the institution and the event's number draws its time, action and
		// assessor, so that the same data set gets the same trail
		return jdbc.update("""
				insert into audit_event (occurred_at, actor, actor_name, actor_role, client_ip, action, object_type,
				                         object_id, region_code, summary)
				select now() - (h % 94608000) * interval '1 second',
				       case a.role when 'CLINIC' then 'clinic-' || i.id
				                   when 'ASSESSOR' then 'assessor-' || (h % 400)
				                   else 'regulator-' || left(i.region_code, 4) end,
				       null, a.role, ?, a.action, a.object_type,
				       case a.object_type when 'Institution' then i.id::text else (h % 1000000)::text end,
				       i.region_code, i.name
				from institution i
				cross join generate_series(1, ?) n
				cross join lateral (select abs(hashint8(i.id * 1000 + n)) as h) hashed
				join (values (0, 'SELF_ASSESSMENT_SAVED', 'SelfAssessment', 'CLINIC'),
				             (1, 'SELF_ASSESSMENT_SUBMITTED', 'SelfAssessment', 'CLINIC'),
				             (2, 'INSPECTION_SCORED', 'Inspection', 'ASSESSOR'),
				             (3, 'CORRECTIVE_ACTION_ANSWERED', 'CorrectiveAction', 'CLINIC'),
				             (4, 'RATING_SUSPENDED', 'Rating', 'REGULATOR'),
				             (5, 'INSTITUTION_STATUS_CHANGED', 'Institution', 'REGULATOR'),
				             (6, 'COMPLAINT_ACKNOWLEDGED', 'Complaint', 'REGULATOR'),
				             (7, 'ADVERSE_EVENT_REPORTED', 'AdverseEvent', 'CLINIC'))
				     as a (k, action, object_type, role) on a.k = h % 8
				where i.id > ? and i.id <= ?
				""", CLIENT_IP, EVENTS_PER_INSTITUTION, fromId, toId);
	}

}
