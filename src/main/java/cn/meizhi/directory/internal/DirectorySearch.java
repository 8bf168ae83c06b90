package cn.meizhi.directory.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import cn.meizhi.institution.InstitutionStatus;
import cn.meizhi.rating.CertificateCheck;
import cn.meizhi.rating.RatingStatus;
import lombok.extern.slf4j.Slf4j;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.BytesRef;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Which institutions a directory query finds, answered by Apache Lucene: an index in each
 * node's memory of the directory's read model ({@code directory_entry}), by character
 * pairs of the name (a fragment is a phrase of its pairs, so 天使医 finds names that hold
 * those characters together), credit code, region, type, department and certified stars,
 * sorted by stars or name. It answers with ids and an exact count; what a page shows of
 * each institution is read from PostgreSQL.
 * <p>
 * Every node's index follows the database through PostgreSQL {@code LISTEN/NOTIFY}: the
 * transaction that changes directory entries sends the changed ids on channel
 * {@value #CHANNEL} (delivered when it commits, to every node), and each node re-reads
 * those entries. Updates are applied one at a time, each re-reading the entries'
 * committed rows, so a later change is never overwritten by an earlier one. If the
 * listening connection is lost, the node listens again and reloads every entry (a
 * notification sent meanwhile may be lost; the reload reads everything after listening
 * again). The listener reads on its own connection, so it never waits for the pool. The
 * thread that made a change waits (briefly) after its commit until its own node's
 * listener has applied it, so a node reads its own writes at once.
 */
@Slf4j
@Component
@DependsOnDatabaseInitialization
public class DirectorySearch implements InitializingBean, DisposableBean, cn.meizhi.shared.PublicDataVersion {

	/**
	 * The notification channel; its payload is {@code <token>;<version>;<ids>}: the
	 * sending transaction's token, the public data's version it committed, then
	 * comma-separated institution ids (none when no entry changed), or {@code *} for all.
	 */
	static final String CHANNEL = "directory_entry_changed";

	/**
	 * The listening connection's {@code application_name}, to find it among the
	 * database's sessions.
	 */
	public static final String APPLICATION_NAME = "meizhi-directory-listener";

	/**
	 * More ids than this in one transaction are sent as {@code *} (a payload holds at
	 * most 8,000 bytes).
	 */
	static final int MAX_IDS_PER_NOTIFICATION = 500;

	private static final String ENTRIES = """
			select e.institution_id, e.name, e.credit_code, e.type, e.region_code, e.licence_status, e.rating_status, e.stars,
			       e.valid_until,
			       (select string_agg(d.department, ',') from register_department d
			        where d.institution_id = e.institution_id) as departments
			from directory_entry e
			""";

	private final DataSource dataSource;

	private final Duration listenTimeout;

	/**
	 * A scratch directory of this node's own, memory-mapped (Lucene's fastest way to
	 * read), deleted on close.
	 */
	private final java.nio.file.Path files;

	private final MMapDirectory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final CountDownLatch loaded = new CountDownLatch(1);

	private volatile boolean running;

	private volatile long version;

	private Thread listener;

	private final cn.meizhi.region.Regions regions;

	DirectorySearch(DataSource dataSource, cn.meizhi.region.Regions regions,
			@Value("${meizhi.directory.listen-timeout:PT0.5S}") Duration listenTimeout) {
		this.dataSource = dataSource;
		this.regions = regions;
		this.listenTimeout = listenTimeout;
		try {
			this.files = java.nio.file.Files.createTempDirectory("meizhi-directory-search-");
			this.directory = new MMapDirectory(files);
			Map<String, Analyzer> byField = Map.of("name1", grams(1), "name2", grams(2), "place1", grams(1), "place2",
					grams(2));
			var config = new IndexWriterConfig(new PerFieldAnalyzerWrapper(new StandardAnalyzer(), byField));
			config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
			// documents kept in the default order (stars): a page in that order stops
			// after its rows
			config.setIndexSort(BY_STARS);
			// a full load in few segments, so that merging them into one is quick
			config.setRAMBufferSizeMB(64);
			this.writer = new IndexWriter(directory, config);
			this.searchers = new SearcherManager(writer, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Lower-cased runs of {@code size} characters, one position each (a fragment's pairs
	 * form a phrase).
	 */
	private static Analyzer grams(int size) {
		return new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer tokenizer = new NGramTokenizer(size, size);
				return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
			}
		};
	}

	// ----------------------------------------------------------------------------------------------
	// queries

	private static final SortField NAME = new SortField("name_sort", SortField.Type.STRING);

	private static final SortField ID = new SortField("id", SortField.Type.LONG);

	/**
	 * Stars of a valid certificate first (descending, unrated last), then name and id.
	 */
	private static final Sort BY_STARS = new Sort(new SortField("stars_sort", SortField.Type.INT, true), NAME, ID);

	private static final Sort BY_NAME = new Sort(NAME, ID);

	/**
	 * One page of matches in the query's order.
	 *
	 * @param ids the institutions of the page, in order
	 * @param total how many institutions match in all
	 */
	record Found(List<Long> ids, long total, boolean totalCapped) {
	}

	/**
	 * A page of matches; the total is exact, or, with a count cap, stops at the cap
	 * ({@link Found#totalCapped()}): counting every one of a common fragment's matches
	 * costs more than the page.
	 */
	Found find(DirectoryQuery query, LocalDate today, long offset, int limit, int countCap) {
		return search(query(query, today), sort(query), (int) Math.min(Integer.MAX_VALUE - 1, offset + limit), offset,
				countCap);
	}

	/** Every match in the query's order (for the CSV export). */
	List<Long> findAll(DirectoryQuery query, LocalDate today) {
		return search(query(query, today), sort(query), Integer.MAX_VALUE - 1, 0, Integer.MAX_VALUE).ids();
	}

	/** The institutions with a valid certificate by stars, 5 down to 1. */
	Map<Integer, Long> certifiedByStars(LocalDate today) {
		awaitLoaded();
		Map<Integer, Long> counts = new LinkedHashMap<>();
		IndexSearcher searcher = acquire();
		try {
			for (int stars = 5; stars >= 1; stars--) {
				Query certified = new BooleanQuery.Builder().add(starsBetween(stars, stars), Occur.FILTER)
					.add(validOn(today), Occur.FILTER)
					.build();
				counts.put(stars, (long) searcher.count(certified));
			}
			return counts;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			release(searcher);
		}
	}

	private Found search(Query query, Sort sort, int hits, long offset, int countCap) {
		awaitLoaded();
		IndexSearcher searcher = acquire();
		try {
			int wanted = Math.max(1, Math.min(hits, Math.max(1, searcher.getIndexReader().maxDoc())));
			TopFieldDocs top = searcher.search(query, new TopFieldCollectorManager(sort, wanted, null, countCap));
			List<Long> ids = new ArrayList<>();
			var leaves = searcher.getIndexReader().leaves();
			for (int i = (int) Math.min(offset, top.scoreDocs.length); i < top.scoreDocs.length; i++) {
				ScoreDoc hit = top.scoreDocs[i];
				var leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
				NumericDocValues id = leaf.reader().getNumericDocValues("id");
				if (id != null && id.advanceExact(hit.doc - leaf.docBase)) {
					ids.add(id.longValue());
				}
			}
			boolean capped = top.totalHits.relation == org.apache.lucene.search.TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO;
			return new Found(ids, top.totalHits.value, capped);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			release(searcher);
		}
	}

	private static Sort sort(DirectoryQuery query) {
		return query.sort().equals("name") ? BY_NAME : BY_STARS;
	}

	private static Query query(DirectoryQuery query, LocalDate today) {
		BooleanQuery.Builder all = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER);
		if (query.q() != null) {
			// the fragment in the name, or in the name of the district, city or province
			// (上城, 西湖区, 杭州)
			Query name = new BooleanQuery.Builder().add(fragmentQuery("name", query.q()), Occur.SHOULD)
				.add(fragmentQuery("place", query.q()), Occur.SHOULD)
				.setMinimumNumberShouldMatch(1)
				.build();
			String code = query.creditCode();
			if (code != null) {
				all.add(new BooleanQuery.Builder().add(name, Occur.SHOULD)
					.add(new TermQuery(new Term("credit_code", code)), Occur.SHOULD)
					.setMinimumNumberShouldMatch(1)
					.build(), Occur.FILTER);
			}
			else {
				all.add(name, Occur.FILTER);
			}
		}
		if (query.region() != null) {
			String prefix = query.regionPrefix();
			String field = switch (prefix.length()) {
				case 2 -> "province";
				case 4 -> "city";
				default -> "region";
			};
			all.add(new TermQuery(new Term(field, prefix)), Occur.FILTER);
		}
		if (query.type() != null) {
			all.add(new TermQuery(new Term("type", query.type().name())), Occur.FILTER);
		}
		if (query.department() != null) {
			all.add(new TermQuery(new Term("department", query.department().name())), Occur.FILTER);
		}
		if (query.certifiedOnly() || query.minStars() != null) {
			all.add(starsBetween(query.minStars() == null ? Integer.MIN_VALUE : query.minStars(), Integer.MAX_VALUE),
					Occur.FILTER);
			all.add(validOn(today), Occur.FILTER);
		}
		return all.build();
	}

	/**
	 * Certified stars in a range: through the points when that is the selective part of a
	 * query, checked on the doc values of the candidates when another part (a district, a
	 * name) leads.
	 */
	private static Query starsBetween(int min, int max) {
		return new IndexOrDocValuesQuery(IntPoint.newRangeQuery("certified_stars", min, max),
				NumericDocValuesField.newSlowRangeQuery("certified_stars", min, max));
	}

	/** A certificate valid on this day. */
	private static Query validOn(LocalDate today) {
		return new IndexOrDocValuesQuery(LongPoint.newRangeQuery("valid_until", today.toEpochDay(), Long.MAX_VALUE),
				NumericDocValuesField.newSlowRangeQuery("valid_until", today.toEpochDay(), Long.MAX_VALUE));
	}

	/**
	 * The fragment anywhere in a text field ({@code name} or {@code place}): one
	 * character as itself, longer ones as the phrase of their pairs.
	 */
	static Query fragmentQuery(String field, String q) {
		String text = q.toLowerCase(Locale.ROOT);
		int[] chars = text.codePoints().toArray();
		if (chars.length == 1) {
			return new TermQuery(new Term(field + "1", text));
		}
		PhraseQuery.Builder phrase = new PhraseQuery.Builder();
		for (int i = 0; i + 1 < chars.length; i++) {
			phrase.add(new Term(field + "2", new String(chars, i, 2)), i);
		}
		return phrase.build();
	}

	// ----------------------------------------------------------------------------------------------
	// updates

	/**
	 * Re-reads these entries from the database and puts them into the index (removing
	 * those that are gone). Only the listening thread calls it, on its own connection,
	 * one notification after another.
	 */
	private void apply(JdbcClient jdbc, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		Long[] wanted = ids.toArray(Long[]::new);
		List<Document> documents = jdbc.sql(ENTRIES + " where e.institution_id = any(:ids)")
			.param("ids", wanted)
			.query((rs, n) -> document(rs))
			.list();
		try {
			for (Long id : wanted) {
				writer.deleteDocuments(LongPoint.newExactQuery("id_point", id));
			}
			writer.addDocuments(documents);
			searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Reads every entry into a fresh index. */
	private void reloadAll(JdbcClient jdbc) {
		long started = System.nanoTime();
		// read before the entries: the index then holds at least this version's data
		long before = jdbc.sql("select version from public_data_version where id = 1").query(Long.class).single();
		try {
			writer.deleteAll();
			List<Document> batch = new ArrayList<>(5_000);
			jdbc.sql(ENTRIES).query(rs -> {
				batch.add(document(rs));
				if (batch.size() == 5_000) {
					add(batch);
				}
			});
			add(batch);
			// one segment: a search then prepares its sort and its terms once, not once
			// per segment
			writer.forceMerge(1);
			writer.commit();
			searchers.maybeRefreshBlocking();
			version = Math.max(version, before);
			log.info("Directory search: {} entries indexed in {} ms", writer.getDocStats().numDocs,
					(System.nanoTime() - started) / 1_000_000);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void add(List<Document> batch) {
		try {
			writer.addDocuments(batch);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		batch.clear();
	}

	private Document document(java.sql.ResultSet rs) throws SQLException {
		long id = rs.getLong("institution_id");
		String name = rs.getString("name");
		String region = rs.getString("region_code");
		Document doc = new Document();
		doc.add(new LongPoint("id_point", id));
		doc.add(new NumericDocValuesField("id", id));
		doc.add(new TextField("name1", name, Field.Store.NO));
		doc.add(new TextField("name2", name, Field.Store.NO));
		doc.add(new SortedDocValuesField("name_sort", new BytesRef(name)));
		String place = regions.path(region, Locale.SIMPLIFIED_CHINESE);
		doc.add(new TextField("place1", place, Field.Store.NO));
		doc.add(new TextField("place2", place, Field.Store.NO));
		doc.add(new StringField("credit_code", rs.getString("credit_code"), Field.Store.NO));
		doc.add(new StringField("region", region, Field.Store.NO));
		doc.add(new StringField("city", region.substring(0, 4), Field.Store.NO));
		doc.add(new StringField("province", region.substring(0, 2), Field.Store.NO));
		doc.add(new StringField("type", rs.getString("type"), Field.Store.NO));
		String departments = rs.getString("departments");
		if (departments != null) {
			for (String department : departments.split(",")) {
				doc.add(new StringField("department", department, Field.Store.NO));
			}
		}
		int stars = rs.getInt("stars");
		java.sql.Date validUntil = rs.getDate("valid_until");
		String rating = rs.getString("rating_status");
		// certified on the certificate's last day by the rule every public face asks;
		// whether that day is
		// still to come is asked at search time (valid_until)
		boolean certified = rating != null && validUntil != null
				&& CertificateCheck.Verdict.of(RatingStatus.valueOf(rating), validUntil.toLocalDate(),
						InstitutionStatus.valueOf(rs.getString("licence_status")),
						validUntil.toLocalDate()) == CertificateCheck.Verdict.VALID;
		// stars descending, entries without a certificate that holds last
		doc.add(new NumericDocValuesField("stars_sort", certified ? stars : -1));
		if (certified) {
			doc.add(new IntPoint("certified_stars", stars));
			doc.add(new NumericDocValuesField("certified_stars", stars));
			doc.add(new LongPoint("valid_until", validUntil.toLocalDate().toEpochDay()));
			doc.add(new NumericDocValuesField("valid_until", validUntil.toLocalDate().toEpochDay()));
		}
		return doc;
	}

	// ---------------------------------------------------------------------------------
	// listening, lifecycle

	/** Whether the index has been loaded (the node's readiness waits for it). */
	public boolean isLoaded() {
		return loaded.getCount() == 0;
	}

	/** Waits for the first load (a request that arrives while the node starts). */
	boolean awaitLoaded(Duration timeout) throws InterruptedException {
		return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void awaitLoaded() {
		try {
			if (!awaitLoaded(Duration.ofSeconds(30))) {
				throw new IllegalStateException("The directory's search index is still loading");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the directory's search index", ex);
		}
	}

	private IndexSearcher acquire() {
		try {
			return searchers.acquire();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void release(IndexSearcher searcher) {
		try {
			searchers.release(searcher);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts listening, and so loading, as soon as the schema is migrated: the load runs
	 * while the rest of the application starts.
	 */
	@Override
	public void afterPropertiesSet() {
		running = true;
		listener = new Thread(this::listen, "directory-search-listener");
		listener.setDaemon(true);
		listener.start();
	}

	/**
	 * Listens on its own connection; after (re)connecting it loads every entry, then
	 * applies each notification. A lost connection is retried every second.
	 */
	private void listen() {
		while (running) {
			try (Connection connection = dataSource.getConnection()) {
				connection.setAutoCommit(true);
				try (Statement statement = connection.createStatement()) {
					statement.execute("set application_name = '" + APPLICATION_NAME + "'");
					statement.execute("listen " + CHANNEL);
				}
				PGConnection pg = connection.unwrap(PGConnection.class);
				JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
				reloadAll(jdbc);
				loaded.countDown();
				while (running) {
					PGNotification[] notifications = pg.getNotifications((int) listenTimeout.toMillis());
					if (notifications == null || notifications.length == 0) {
						try (Statement ping = connection.createStatement()) {
							ping.execute("select 1");
						}
						continue;
					}
					handle(jdbc, Arrays.asList(notifications));
				}
			}
			catch (Exception ex) {
				if (!running) {
					return;
				}
				log.warn("Directory search: lost its notifications ({}); reloading after reconnecting", ex.toString());
				try {
					Thread.sleep(1_000);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private void handle(JdbcClient jdbc, List<PGNotification> notifications) {
		Set<Long> ids = new java.util.LinkedHashSet<>();
		Set<String> tokens = new java.util.HashSet<>();
		boolean all = false;
		long latest = 0;
		for (PGNotification notification : notifications) {
			String[] parts = notification.getParameter().split(";", 3);
			tokens.add(parts[0]);
			latest = Math.max(latest, Long.parseLong(parts[1]));
			String changed = parts[2];
			if ("*".equals(changed)) {
				all = true;
				continue;
			}
			for (String id : changed.split(",")) {
				if (!id.isBlank()) {
					ids.add(Long.parseLong(id.strip()));
				}
			}
		}
		if (all) {
			reloadAll(jdbc);
		}
		else {
			apply(jdbc, ids);
		}
		// the index now holds every change up to this version (notifications arrive in
		// commit order)
		version = Math.max(version, latest);
		applied(tokens);
	}

	/**
	 * The version of the public data this node's index holds (raised by every public
	 * change, see {@link DirectoryEntries}): what a public page shows is at least this
	 * recent, so it can name the page's content in an ETag. Follows the database within
	 * the notification's delay (well under a second).
	 */
	@Override
	public long current() {
		return version;
	}

	// ------------------------------------------------------------------------------------
	// reading own writes

	/**
	 * Transactions of this node waiting for the listener to have applied their
	 * notification.
	 */
	private final Map<String, CountDownLatch> expected = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * A transaction's notification: the token it carries, and the latch that opens once
	 * this node's listener has applied it. Notifications arrive after their transaction
	 * commits, so a latch opened means the index holds the transaction's changes.
	 */
	static final class Expected {

		private final String token;

		private final CountDownLatch applied = new CountDownLatch(1);

		private Expected(String token) {
			this.token = token;
		}

		/** The token to send with the notification. */
		String token() {
			return token;
		}

		/**
		 * Waits until the listener has applied it, at most this long (another node never
		 * waits).
		 */
		boolean await(Duration timeout) {
			try {
				return applied.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

	}

	/**
	 * Registers, before its transaction commits, a transaction that sends a notification,
	 * so that its thread can wait after the commit until this node's index has applied
	 * it: a node reads its own writes.
	 */
	Expected expect() {
		Expected waiter = new Expected(java.util.UUID.randomUUID().toString());
		expected.put(waiter.token, waiter.applied);
		return waiter;
	}

	/** The transaction did not commit, or its thread is done waiting. */
	void forget(Expected waiter) {
		expected.remove(waiter.token);
	}

	private void applied(Set<String> tokens) {
		for (String token : tokens) {
			CountDownLatch latch = expected.remove(token);
			if (latch != null) {
				latch.countDown();
			}
		}
	}

	/** Stops listening before the data source closes (it depends on it). */
	@Override
	public void destroy() throws IOException {
		running = false;
		if (listener != null) {
			listener.interrupt();
		}
		searchers.close();
		writer.close();
		directory.close();
		org.springframework.util.FileSystemUtils.deleteRecursively(files);
	}

}
