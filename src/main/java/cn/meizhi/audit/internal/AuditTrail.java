package cn.meizhi.audit.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.meizhi.shared.AuditableBatch;
import cn.meizhi.shared.AuditableEvent;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.Formats;
import cn.meizhi.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records every auditable event in the transaction that caused it (so a change and its
 * audit entry commit or roll back together), and lets regulators read the trail of their
 * jurisdiction and admins all of it.
 */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

	/** Filters of the audit list; all optional. */
	public record Filter(String action, String actor, String objectType, String objectId, LocalDate from,
			LocalDate to) {

		public Filter {
			action = blankToNull(action);
			actor = blankToNull(actor);
			objectType = blankToNull(objectType);
			objectId = blankToNull(objectId);
		}

		private static String blankToNull(String value) {
			return value == null || value.isBlank() ? null : value.strip();
		}

	}

	private final AuditRepository entries;

	private final Formats formats;

	private final JdbcClient jdbc;

	AuditTrail(AuditRepository entries, Formats formats, JdbcClient jdbc) {
		this.entries = entries;
		this.formats = formats;
		this.jdbc = jdbc;
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditableEvent event) {
		entries.save(new AuditEntry(event, clientIp()));
	}

	/**
	 * Records a job's events with one statement: 86,000 entries in ~0.8 s, where saving
	 * them one by one took seconds of flushing. Each entry takes its id from the sequence
	 * (which hands out blocks of 50 to the entity's saves, so ids of a batch are unique
	 * but not consecutive).
	 */
	@EventListener
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditableBatch batch) {
		String clientIp = clientIp();
		var recorded = batch.events().stream().map(event -> new AuditEntry(event, clientIp)).toList();
		if (recorded.isEmpty()) {
			return;
		}
		jdbc.sql(
				"""
						insert into audit_event (id, occurred_at, actor, actor_name, actor_role, client_ip, action, object_type, object_id,
						    region_code, summary, details)
						select nextval('audit_event_id_seq'), e.*
						from unnest(cast(:occurredAt as timestamptz[]), cast(:actor as text[]), cast(:actorName as text[]),
						    cast(:actorRole as text[]),
						    cast(:clientIp as text[]), cast(:action as text[]), cast(:objectType as text[]),
						    cast(:objectId as text[]), cast(:regionCode as text[]), cast(:summary as text[]),
						    cast(:details as text[])) as e
						""")
			.param("occurredAt", column(recorded, entry -> entry.getOccurredAt().toString()))
			.param("actor", column(recorded, AuditEntry::getActor))
			.param("actorName", column(recorded, AuditEntry::getActorName))
			.param("actorRole", column(recorded, AuditEntry::getActorRole))
			.param("clientIp", column(recorded, AuditEntry::getClientIp))
			.param("action", column(recorded, AuditEntry::getAction))
			.param("objectType", column(recorded, AuditEntry::getObjectType))
			.param("objectId", column(recorded, AuditEntry::getObjectId))
			.param("regionCode", column(recorded, AuditEntry::getRegionCode))
			.param("summary", column(recorded, AuditEntry::getSummary))
			.param("details", column(recorded, AuditEntry::getDetails))
			.update();
	}

	private static String[] column(java.util.List<AuditEntry> recorded,
			java.util.function.Function<AuditEntry, String> value) {
		return recorded.stream().map(value).toArray(String[]::new);
	}

	/**
	 * How many entries the list counts at most: a page then says "at least 1,000". A
	 * city's trail grows by some half a million entries in three years, and counting them
	 * was most of a page's time.
	 */
	public static final int COUNT_CAP = 1_000;

	/** The list's sortable properties and the columns they sort by. */
	private static final java.util.Map<String, String> COLUMNS = java.util.Map.of("occurredAt", "occurred_at", "actor",
			"actor", "action", "action");

	/**
	 * A page of the trail that the user may read, filtered: a regulator's jurisdiction,
	 * an admin's all of it. Only the filters given are asked (each has an index that
	 * holds its entries newest first); the page's entries are chosen by id and then
	 * loaded, and counted up to {@link #COUNT_CAP}.
	 */
	public Page<AuditEntry> search(CurrentUser user, Filter filter, Pageable pageable) {
		String prefix = switch (user.role()) {
			case ADMIN -> null;
			case REGULATOR -> user.jurisdiction().prefix();
			default -> throw new NotFoundException("Audit trail", user.username());
		};
		StringBuilder where = new StringBuilder("true");
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		if (prefix != null) {
			// a district is one code; a city's or province's entries are walked newest
			// first
			where.append(prefix.length() == 6 ? " and region_code = :region" : " and region_code like :region");
			params.put("region", prefix.length() == 6 ? prefix : prefix + "%");
		}
		condition(where, params, "action", filter.action());
		condition(where, params, "actor", filter.actor());
		condition(where, params, "object_type", filter.objectType());
		condition(where, params, "object_id", filter.objectId());
		if (filter.from() != null) {
			where.append(" and occurred_at >= :from");
			params.put("from", java.sql.Timestamp.from(filter.from().atStartOfDay(formats.zone()).toInstant()));
		}
		if (filter.to() != null) {
			where.append(" and occurred_at < :to");
			params.put("to", java.sql.Timestamp.from(filter.to().plusDays(1).atStartOfDay(formats.zone()).toInstant()));
		}
		// only the list's own columns: a sort is never a column named by the request; the
		// newest first among equals
		List<String> order = new java.util.ArrayList<>();
		pageable.getSort()
			.stream()
			.filter(o -> !o.getProperty().equals("id"))
			.forEach(o -> order.add(java.util.Objects.requireNonNull(COLUMNS.get(o.getProperty()), o.getProperty())
					+ (o.isDescending() ? " desc" : "")));
		if (order.stream().noneMatch(column -> column.startsWith("occurred_at"))) {
			order.add("occurred_at desc");
		}
		order.add("id desc");
		List<Long> ids = jdbc
			.sql("select id from audit_event where %s order by %s limit :limit offset :offset".formatted(where,
					String.join(", ", order)))
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(Long.class)
			.list();
		java.util.Map<Long, AuditEntry> loaded = new java.util.HashMap<>();
		entries.findAllById(ids).forEach(entry -> loaded.put(entry.getId(), entry));
		List<AuditEntry> page = ids.stream().map(loaded::get).toList();
		return cn.meizhi.shared.Paging.cappedPage(page, pageable, COUNT_CAP, () -> jdbc
			.sql("select count(*) from (select 1 from audit_event where %s limit :cap) matches".formatted(where))
			.params(params)
			.param("cap", COUNT_CAP)
			.query(Long.class)
			.single());
	}

	private static void condition(StringBuilder where, java.util.Map<String, Object> params, String column,
			String value) {
		if (value != null) {
			where.append(" and ").append(column).append(" = :").append(column);
			params.put(column, value);
		}
	}

	private static String clientIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
