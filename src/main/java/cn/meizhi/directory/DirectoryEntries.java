package cn.meizhi.directory;

import jakarta.persistence.EntityManager;

import cn.meizhi.rating.RatingChanged;
import cn.meizhi.shared.AuditableEvent;
import lombok.extern.slf4j.Slf4j;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the directory's read model ({@code directory_entry}) equal to the register and the ratings: every
 * event about an institution or one of its ratings refreshes that institution's entry with one SQL
 * statement, in the transaction of the change (so a rolled-back change leaves no trace). On start, and
 * after bulk loads, {@link #rebuild()} recomputes every entry.
 */
@Slf4j
@Component
@Order(5)
public class DirectoryEntries implements ApplicationRunner {

	/** The entry of the institutions chosen by {@code %s}, computed from the register and the ratings. */
	private static final String UPSERT = """
			insert into directory_entry (institution_id, name, search_text, credit_code, type, region_code, rating_status,
			    stars, certificate_no, valid_until, certified_stars, refreshed_at)
			select i.id, i.name, regexp_replace(lower(i.name), '(.)', '\\1 ', 'g'), i.credit_code, i.type, i.region_code,
			       cur.status, cur.stars, cur.certificate_no, cur.valid_until,
			       case when cur.status = 'PUBLISHED' then cur.stars end, now()
			from institution i
			left join lateral (
			    select r.stars, r.status, r.certificate_no, r.valid_until from rating r
			    where r.institution_id = i.id and r.status in ('PUBLISHED', 'SUSPENDED', 'EXPIRED', 'REVOKED')
			    order by r.approved_at desc, r.id desc limit 1
			) cur on true
			where i.status <> 'CLOSED' and %s
			on conflict (institution_id) do update set name = excluded.name, search_text = excluded.search_text,
			    credit_code = excluded.credit_code, type = excluded.type, region_code = excluded.region_code,
			    rating_status = excluded.rating_status, stars = excluded.stars, certificate_no = excluded.certificate_no,
			    valid_until = excluded.valid_until, certified_stars = excluded.certified_stars,
			    refreshed_at = excluded.refreshed_at
			""";

	private final JdbcClient jdbc;

	private final EntityManager entityManager;

	private final DirectoryCounts counts;

	DirectoryEntries(JdbcClient jdbc, EntityManager entityManager, DirectoryCounts counts) {
		this.jdbc = jdbc;
		this.entityManager = entityManager;
		this.counts = counts;
	}

	@EventListener
	void on(AuditableEvent event) {
		if (event instanceof RatingChanged rating) {
			refresh(rating.institutionId());
		}
		else if ("Institution".equals(event.objectType()) && event.objectId() != null) {
			refresh(Long.parseLong(event.objectId()));
		}
	}

	/**
	 * Recomputes one institution's entry (or removes it once the institution has closed). Inside a
	 * transaction the institutions to refresh are gathered and refreshed together just before it commits:
	 * one flush and two statements however many changed (an import of 100,000 institutions flushed its
	 * whole persistence context once per institution before).
	 */
	public void refresh(long institutionId) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			refreshNow(java.util.Set.of(institutionId));
			return;
		}
		@SuppressWarnings("unchecked")
		java.util.Set<Long> pending = (java.util.Set<Long>) TransactionSynchronizationManager.getResource(PENDING);
		if (pending == null) {
			java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
			TransactionSynchronizationManager.bindResource(PENDING, ids);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void beforeCommit(boolean readOnly) {
					// the changes that led here may still sit in the persistence context
					entityManager.flush();
					refreshNow(ids);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
				}

			});
			pending = ids;
		}
		pending.add(institutionId);
	}

	/** Key of the institutions waiting for their refresh in the current transaction. */
	private final Object PENDING = new Object();

	private void refreshNow(java.util.Set<Long> institutionIds) {
		Long[] ids = institutionIds.toArray(Long[]::new);
		jdbc.sql(UPSERT.formatted("i.id = any(:ids)")).param("ids", ids).update();
		counts.forget();
		jdbc.sql("delete from directory_entry e using institution i where e.institution_id = i.id and i.id = any(:ids)"
				+ " and i.status = 'CLOSED'")
			.param("ids", ids)
			.update();
	}

	/** Recomputes every entry: after a bulk load, or when the read model does not match the register. */
	@Transactional
	public int rebuild() {
		int entries = jdbc.sql(UPSERT.formatted("true")).update();
		counts.forget();
		jdbc.sql("delete from directory_entry e using institution i where e.institution_id = i.id and i.status = 'CLOSED'")
			.update();
		jdbc.sql("analyze directory_entry").update();
		return entries;
	}

	/** On start: rebuilds when the read model and the register disagree on how many institutions there are. */
	@Override
	public void run(ApplicationArguments args) {
		long open = jdbc.sql("select count(*) from institution where status <> 'CLOSED'").query(Long.class).single();
		long entries = jdbc.sql("select count(*) from directory_entry").query(Long.class).single();
		if (open != entries) {
			long started = System.currentTimeMillis();
			int rebuilt = rebuild();
			log.info("Directory: rebuilt {} entries in {} ms", rebuilt, System.currentTimeMillis() - started);
		}
	}

	/** The LIKE pattern of a query for {@code search_text}. */
	static String spacedPattern(String q) {
		return cn.meizhi.shared.Texts.spacedLikePattern(q);
	}

}
