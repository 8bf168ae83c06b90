package cn.meizhi.directory.internal;

import cn.meizhi.institution.InstitutionEvents.InstitutionEvent;
import cn.meizhi.rating.RatingEvent;
import cn.meizhi.shared.AuditableBatch;
import cn.meizhi.shared.AuditableEvent;
import cn.meizhi.shared.RegisterLoadedInBulk;
import cn.meizhi.shared.StartupLock;
import jakarta.persistence.EntityManager;
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
 * Keeps the directory's read model ({@code directory_entry}) equal to the register and
 * the ratings: every event about an institution or one of its ratings refreshes that
 * institution's entry with one SQL statement, in the transaction of the change (so a
 * rolled-back change leaves no trace), and tells every node's search index
 * ({@link DirectorySearch}) through a notification that is delivered when it commits. On
 * start, and after bulk loads, {@link #rebuild()} recomputes every entry.
 */
@Slf4j
@Component
@Order(5)
public class DirectoryEntries implements ApplicationRunner {

	/**
	 * The entries of the institutions chosen by {@code %s} written from the register and
	 * the ratings: rows that exist are updated only where something the public sees
	 * changed, and only the rating's columns when only the rating changed; missing ones
	 * are inserted. Plain UPDATEs of narrow rows with room on their page (V19). For the
	 * 86,000 entries of a night when every rating expires this statement took 17 s with
	 * INSERT … ON CONFLICT, 12 s updating every column, 6.3 s like this with the name's
	 * search columns in the row, and 1.8 s without them (of which 0.4 s updating the
	 * rows).
	 */
	private static final String REFRESH = """
			with fresh as (
			    select i.id, i.name, i.credit_code, i.type, i.region_code, i.status as licence_status,
			           cur.status, cur.stars, cur.certificate_no, cur.valid_until
			    from register_institution i
			    left join lateral (
			        select r.stars, r.status, r.certificate_no, r.valid_until from public_rating r
			        where r.institution_id = i.id and r.status in ('PUBLISHED', 'SUSPENDED', 'EXPIRED', 'REVOKED')
			        order by r.approved_at desc, r.id desc limit 1
			    ) cur on true
			    where i.status <> 'CLOSED' and %s
			), rated as (
			    -- only the rating changed (the usual case)
			    update directory_entry e set rating_status = f.status, stars = f.stars, certificate_no = f.certificate_no,
			        valid_until = f.valid_until, refreshed_at = now()
			    from fresh f
			    where e.institution_id = f.id
			      and (e.name, e.credit_code, e.type, e.region_code, e.licence_status)
			          is not distinct from (f.name, f.credit_code, f.type, f.region_code, f.licence_status)
			      and (e.rating_status, e.stars, e.certificate_no, e.valid_until)
			          is distinct from (f.status, f.stars, f.certificate_no, f.valid_until)
			), registered as (
			    -- the register's facts changed
			    update directory_entry e set name = f.name, credit_code = f.credit_code,
			        type = f.type, region_code = f.region_code, licence_status = f.licence_status,
			        rating_status = f.status, stars = f.stars, certificate_no = f.certificate_no,
			        valid_until = f.valid_until, refreshed_at = now()
			    from fresh f
			    where e.institution_id = f.id
			      and (e.name, e.credit_code, e.type, e.region_code, e.licence_status)
			          is distinct from (f.name, f.credit_code, f.type, f.region_code, f.licence_status)
			)
			insert into directory_entry (institution_id, name, credit_code, type, region_code, licence_status,
			    rating_status, stars, certificate_no, valid_until, refreshed_at)
			select f.id, f.name, f.credit_code, f.type, f.region_code, f.licence_status, f.status, f.stars,
			       f.certificate_no, f.valid_until, now()
			from fresh f where not exists (select 1 from directory_entry e where e.institution_id = f.id)
			on conflict (institution_id) do nothing
			""";

	private final JdbcClient jdbc;

	private final EntityManager entityManager;

	private final StartupLock startupLock;

	private final DirectorySearch search;

	DirectoryEntries(JdbcClient jdbc, EntityManager entityManager, StartupLock startupLock, DirectorySearch search) {
		this.startupLock = startupLock;
		this.search = search;
		this.jdbc = jdbc;
		this.entityManager = entityManager;
	}

	@EventListener
	void on(AuditableEvent event) {
		if (event instanceof RatingEvent rating) {
			refresh(rating.institutionId());
		}
		else if (event instanceof InstitutionEvent institution) {
			refresh(institution.institutionId());
		}
		else if (event.changesPublicData()) {
			// no entry to recompute (a reply, a standard, a cycle), but public pages may
			// show it
			changed(null);
		}
	}

	@EventListener
	void on(AuditableBatch batch) {
		batch.events().forEach(this::on);
	}

	/**
	 * After a bulk load every entry is recomputed, in the loader's transaction if it has
	 * one.
	 */
	@EventListener
	@Transactional
	void on(RegisterLoadedInBulk load) {
		long entries = rebuild();
		log.info("Public directory rebuilt after {}: {} entries", load.source(), entries);
	}

	/**
	 * Recomputes one institution's entry (or removes it once the institution has closed).
	 * Inside a transaction the institutions to refresh are gathered and refreshed
	 * together just before it commits: one flush and two statements however many changed
	 * (an import of 100,000 institutions flushed its whole persistence context once per
	 * institution before).
	 */
	public void refresh(long institutionId) {
		changed(institutionId);
	}

	/**
	 * Something the public sees changed, in this institution's entry or (with null)
	 * elsewhere: before the transaction commits, the entries are recomputed, the public
	 * data's version is raised and every node is told.
	 */
	private void changed(Long institutionId) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			java.util.Set<Long> ids = institutionId == null ? java.util.Set.of() : java.util.Set.of(institutionId);
			var applied = search.expect();
			try {
				refreshNow(ids, applied);
				applied.await(OWN_WRITES);
			}
			finally {
				search.forget(applied);
			}
			return;
		}
		@SuppressWarnings("unchecked")
		java.util.Set<Long> pending = (java.util.Set<Long>) TransactionSynchronizationManager.getResource(PENDING);
		if (pending == null) {
			java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
			TransactionSynchronizationManager.bindResource(PENDING, ids);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				private DirectorySearch.Expected applied;

				@Override
				public void beforeCommit(boolean readOnly) {
					// the changes that led here may still sit in the persistence context
					entityManager.flush();
					applied = search.expect();
					refreshNow(ids, applied);
				}

				@Override
				public void afterCommit() {
					// this node reads its own writes at once; the others follow the same
					// notification
					if (applied != null) {
						applied.await(ids.size() > DirectorySearch.MAX_IDS_PER_NOTIFICATION ? RELOAD : OWN_WRITES);
					}
				}

				@Override
				public void afterCompletion(int status) {
					if (applied != null) {
						search.forget(applied);
					}
					TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
				}

			});
			pending = ids;
		}
		if (institutionId != null) {
			pending.add(institutionId);
		}
	}

	/**
	 * How long a change waits after its commit for this node's search index to show it.
	 */
	private static final java.time.Duration OWN_WRITES = java.time.Duration.ofSeconds(2);

	private static final java.time.Duration RELOAD = java.time.Duration.ofSeconds(60);

	/** Key of the institutions waiting for their refresh in the current transaction. */
	private final Object PENDING = new Object();

	private void refreshNow(java.util.Set<Long> institutionIds, DirectorySearch.Expected applied) {
		Long[] ids = institutionIds.toArray(Long[]::new);
		if (ids.length > 0) {
			jdbc.sql(REFRESH.formatted("i.id = any(:ids)")).param("ids", ids).update();
			jdbc.sql("delete from directory_entry e using register_institution i where e.institution_id = i.id"
					+ " and i.id = any(:ids) and i.status = 'CLOSED'")
				.param("ids", ids)
				.update();
		}
		notifyNodes(applied, ids.length > DirectorySearch.MAX_IDS_PER_NOTIFICATION ? "*"
				: java.util.Arrays.stream(ids).map(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
	}

	/**
	 * Raises the public data's version and tells every node's search index which entries
	 * changed (none, some, or {@code *}) and the new version; PostgreSQL delivers it when
	 * this commits, in commit order. The version's row is locked from here to the commit
	 * only: this runs just before it.
	 */
	private void notifyNodes(DirectorySearch.Expected applied, String changed) {
		long version = jdbc
			.sql("update public_data_version set version = version + 1, changed_at = now() where id = 1"
					+ " returning version")
			.query(Long.class)
			.single();
		jdbc.sql("select pg_notify(:channel, :payload)")
			.param("channel", DirectorySearch.CHANNEL)
			.param("payload", applied.token() + ";" + version + ";" + changed)
			.query((rs, n) -> 1)
			.list();
	}

	/**
	 * Recomputes every entry: after a bulk load, or when the read model does not match
	 * the register. Answers how many entries the directory holds afterwards.
	 */
	@Transactional
	public long rebuild() {
		jdbc.sql(REFRESH.formatted("true")).update();
		jdbc.sql(
				"delete from directory_entry e using register_institution i where e.institution_id = i.id and i.status = 'CLOSED'")
			.update();
		jdbc.sql("analyze directory_entry").update();
		var applied = search.expect();
		notifyNodes(applied, "*");
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					applied.await(RELOAD);
				}

				@Override
				public void afterCompletion(int status) {
					search.forget(applied);
				}
			});
		}
		else {
			applied.await(RELOAD);
			search.forget(applied);
		}
		return jdbc.sql("select count(*) from directory_entry").query(Long.class).single();
	}

	/**
	 * On start: rebuilds when the read model and the register disagree on how many
	 * institutions there are, then raises the public data's version, so that no browser
	 * keeps a page rendered before a restart (which may bring new configuration, such as
	 * a certificate issuer's name).
	 */
	@Override
	public void run(ApplicationArguments args) {
		startupLock.run("meizhi.directory-rebuild", this::rebuildIfIncomplete);
		changed(null);
	}

	private void rebuildIfIncomplete() {
		long open = jdbc.sql("select count(*) from register_institution where status <> 'CLOSED'")
			.query(Long.class)
			.single();
		long entries = jdbc.sql("select count(*) from directory_entry").query(Long.class).single();
		if (open != entries) {
			long started = System.currentTimeMillis();
			long rebuilt = rebuild();
			log.info("Directory: rebuilt {} entries in {} ms", rebuilt, System.currentTimeMillis() - started);
		}
	}

}
