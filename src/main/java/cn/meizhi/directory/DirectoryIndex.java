package cn.meizhi.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import cn.meizhi.institution.Department;
import cn.meizhi.institution.InstitutionType;
import cn.meizhi.shared.Texts;
import lombok.extern.slf4j.Slf4j;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The public directory's entries held in memory, to answer what every directory search asks: which
 * institutions match, in which order, and how many. PostgreSQL answered a name fragment by fetching every
 * matching row (a thousand for a common one) and sorting them for twenty; here a fragment's rarest
 * character pair names the candidates, each is checked against the whole query, and their positions in
 * the two orders (best first; by name) are already known, so a page costs microseconds and its count comes
 * with it. Queries with no selective part walk the ordered entries and stop once the page is full (their
 * counts are remembered until the next change).
 * <p>
 * {@code directory_entry} stays the truth. Every change reaches the copy right after its transaction
 * commits ({@link DirectoryEntries} reads the changed rows before the commit and hands them over); a
 * change that was rolled back never does. Of two writes of one entry the copy keeps the later (each write
 * draws a higher number from {@code directory_entry_version_seq}). Changes made by another process, or
 * by hand in SQL, are noticed within {@code meizhi.directory.index.check-every} (the number of entries or
 * the highest version moved) and the copy is then read again whole. The first load runs in the background
 * after start-up (~2 s for 100,000 entries); until it is done the directory answers from SQL, and changes
 * committed meanwhile are applied after it. 100,000 entries take ~40 MB of heap.
 */
@Slf4j
@Component
@Order(6)
class DirectoryIndex implements ApplicationRunner {

	static final String SELECT = """
			select e.institution_id, e.name, e.credit_code, e.type, e.region_code, e.rating_status, e.stars,
			       e.certificate_no, e.valid_until, e.certified_stars, coalesce(e.version, 0) as version,
			       array(select d.department from institution_department d where d.institution_id = e.institution_id)
			           as departments
			from directory_entry e
			""";

	/** Keys of the region and credit-code lists: longer than any character pair, so never one of them. */
	private static final String REGION = "region:";

	private static final String CREDIT_CODE = "credit-code:";

	private static final int[] NONE = new int[0];

	/** {@link Entry#certifiedStars()} without a published rating (a published rating may have 0 stars). */
	static final int NOT_CERTIFIED = -1;

	/** Past this many remembered counts all are forgotten. */
	private static final int MAX_COUNTS = 10_000;

	/** Best first: certified stars (none last, after 0), then the name, then the id, as the SQL orders them. */
	static final Comparator<Entry> BY_STARS = (a, b) -> {
		int stars = Integer.compare(b.certifiedStars(), a.certifiedStars());
		return stars != 0 ? stars : byName(a, b);
	};

	static final Comparator<Entry> BY_NAME = DirectoryIndex::byName;

	private final JdbcClient jdbc;

	private final boolean enabled;

	/** Null until loaded; never changed in place: every change builds the next one. */
	private volatile Snapshot snapshot;

	/** Changes to apply once the first load is done; null when none is under way. Guarded by this. */
	private List<Runnable> pending;

	private final CountDownLatch loaded = new CountDownLatch(1);

	/** The slot of each institution ever loaded (a slot is never reused by another). Guarded by this. */
	private final Map<Long, Integer> slots = new HashMap<>();

	DirectoryIndex(JdbcClient jdbc, @Value("${meizhi.directory.index.enabled:true}") boolean enabled) {
		this.jdbc = jdbc;
		this.enabled = enabled;
	}

	/**
	 * Starts the first load in the background: the portal is ready without waiting for it, and answers from
	 * SQL until it is done.
	 */
	@Override
	public void run(ApplicationArguments args) {
		startLoading();
	}

	private synchronized void startLoading() {
		if (!enabled || snapshot != null || pending != null) {
			return;
		}
		beginLoading();
		Thread loader = new Thread(this::load, "directory-index-load");
		loader.setDaemon(true);
		loader.start();
	}

	private void load() {
		try {
			long started = System.currentTimeMillis();
			var entries = read(null);
			long read = System.currentTimeMillis();
			finishLoading(entries);
			log.info("Directory: {} entries indexed in memory in {} ms ({} ms reading them)", snapshot.live(),
					System.currentTimeMillis() - started, read - started);
		}
		catch (RuntimeException ex) {
			synchronized (this) {
				pending = null;
			}
			log.warn("Directory: the in-memory index could not be loaded, searches stay in SQL (tried again at the next check)",
					ex);
		}
		finally {
			loaded.countDown();
		}
	}

	/** From now on changes wait for {@link #finishLoading}. */
	synchronized void beginLoading() {
		pending = new ArrayList<>();
	}

	/**
	 * Takes in the entries of the first load, then the changes committed while they were read (of two writes
	 * of an entry the later wins, so one committed before the read began does no harm).
	 */
	synchronized void finishLoading(List<Entry> entries) {
		List<Runnable> meanwhile = pending;
		pending = null;
		replaceAll(entries);
		if (meanwhile != null) {
			meanwhile.forEach(Runnable::run);
		}
	}

	/** Whether queries are answered here (false until the first load, and when switched off). */
	boolean ready() {
		return snapshot != null;
	}

	/** Waits until the first load has ended (or the time is up); whether queries are now answered here. */
	boolean awaitReady(Duration timeout) throws InterruptedException {
		return enabled && loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && ready();
	}

	/**
	 * The entries of these institutions as they are now in the database (in the caller's transaction, so
	 * its own changes included). An institution that has none (closed) is absent.
	 */
	List<Entry> read(Collection<Long> institutionIds) {
		if (!enabled) {
			return List.of();
		}
		if (institutionIds == null) {
			// in name order: the index then sorts what is already sorted (C and C.UTF-8 collations order by code point)
			return jdbc.sql(SELECT + " order by e.name, e.institution_id").query((rs, n) -> entry(rs)).list();
		}
		return jdbc.sql(SELECT + " where e.institution_id = any(:ids)")
			.param("ids", institutionIds.toArray(Long[]::new))
			.query((rs, n) -> entry(rs))
			.list();
	}

	/**
	 * Takes in the entries of these institutions read by {@link #read}: each replaces the copy's unless the
	 * copy holds a later write; an institution without an entry leaves the directory.
	 */
	synchronized void apply(Collection<Long> institutionIds, List<Entry> entries) {
		if (pending != null) {
			pending.add(() -> apply(institutionIds, entries));
			return;
		}
		Snapshot current = snapshot;
		if (current == null || !enabled) {
			return;
		}
		Map<Long, Entry> fresh = new HashMap<>();
		entries.forEach(entry -> fresh.put(entry.id(), entry));
		Map<String, IntList> added = new HashMap<>();
		Entry[] next = Arrays.copyOf(current.slots(), current.slots().length + fresh.size());
		int used = current.slots().length;
		long maxVersion = current.maxVersion();
		for (Long id : institutionIds) {
			Integer slot = slots.get(id);
			Entry entry = fresh.get(id);
			if (entry == null) {
				if (slot != null) {
					next[slot] = null;
				}
				continue;
			}
			Entry before = slot == null ? null : next[slot];
			if (before != null && before.version() > entry.version()) {
				continue;
			}
			if (slot == null) {
				slot = used++;
				slots.put(id, slot);
			}
			Entry placed = entry.inSlot(slot);
			next[slot] = placed;
			maxVersion = Math.max(maxVersion, placed.version());
			if (before == null || !before.folded().equals(placed.folded())
					|| !before.regionCode().equals(placed.regionCode())
					|| !before.creditCode().equals(placed.creditCode())) {
				// lists only grow: a candidate that no longer matches is turned away by the full check
				forEachKey(placed, key -> added.computeIfAbsent(key, k -> new IntList()).addOnce(placed.slot()));
			}
		}
		// each list merged once with all it gains (one at a time, an import of 100,000 copied the lists of
		// common characters 100,000 times)
		added.forEach((key, slotsAdded) -> {
			int[] sorted = slotsAdded.toArray();
			Arrays.sort(sorted);
			current.lists().compute(key, (k, list) -> merged(list, sorted));
		});
		snapshot = Snapshot.of(Arrays.copyOf(next, used), current.lists(), current, maxVersion);
	}

	/** Replaces the whole copy by these entries (the first load, after a rebuild of the directory). */
	synchronized void replaceAll(List<Entry> entries) {
		if (!enabled) {
			return;
		}
		if (pending != null) {
			pending.add(() -> replaceAll(entries));
			return;
		}
		slots.clear();
		Entry[] all = new Entry[entries.size()];
		Map<String, IntList> lists = new HashMap<>();
		long maxVersion = 0;
		for (int slot = 0; slot < all.length; slot++) {
			Entry entry = entries.get(slot).inSlot(slot);
			all[slot] = entry;
			slots.put(entry.id(), slot);
			maxVersion = Math.max(maxVersion, entry.version());
			int current = slot;
			forEachKey(entry, key -> lists.computeIfAbsent(key, k -> new IntList()).addOnce(current));
		}
		ConcurrentHashMap<String, int[]> postings = new ConcurrentHashMap<>(lists.size() * 2);
		lists.forEach((key, list) -> postings.put(key, list.toArray()));
		snapshot = Snapshot.of(all, postings, null, maxVersion);
	}

	/**
	 * Another process (or someone in SQL) changed the directory when the number of entries or the highest
	 * version differs from the copy's: the copy is then read again.
	 */
	@Scheduled(fixedDelayString = "${meizhi.directory.index.check-every:PT1M}",
			initialDelayString = "${meizhi.directory.index.check-every:PT1M}")
	void catchUp() {
		Snapshot current = snapshot;
		if (current == null) {
			startLoading(); // the first load failed
			return;
		}
		long[] state = jdbc.sql("select count(*), coalesce(max(version), 0) from directory_entry")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		if (state[0] != current.live() || state[1] != current.maxVersion()) {
			long started = System.currentTimeMillis();
			replaceAll(read(null));
			log.info("Directory: changed elsewhere ({} entries, version {}); {} entries read again in {} ms", state[0],
					state[1], snapshot.live(), System.currentTimeMillis() - started);
		}
	}

	/**
	 * The page of entries a query finds, in its order, and how many it finds in all; empty when the copy is
	 * not loaded.
	 */
	Optional<Found> find(DirectoryQuery query, LocalDate today) {
		Snapshot current = snapshot;
		if (current == null) {
			return Optional.empty();
		}
		boolean byName = query.sort().equals("name");
		Entry[] ordered = byName ? current.byName() : current.byStars();
		int[] rank = byName ? current.nameRank() : current.starsRank();
		Criteria criteria = new Criteria(query, today);
		int from = query.page() * query.size();
		int to = from + query.size();
		int[] candidates = candidates(current, query);
		List<Entry> page = new ArrayList<>(query.size());
		if (candidates != null && candidates.length <= ordered.length / 2) {
			// the matches' positions as bits: the page is then the first set bits from its start, without sorting
			long[] positions = new long[(ordered.length + 63) >>> 6];
			int matched = 0;
			Entry[] slotted = current.slots();
			for (int slot : candidates) {
				Entry entry = slot < slotted.length ? slotted[slot] : null;
				if (entry != null && criteria.matches(entry)) {
					int position = rank[slot];
					positions[position >>> 6] |= 1L << position;
					matched++;
				}
			}
			int passed = 0;
			for (int word = 0; word < positions.length && passed < to; word++) {
				long bits = positions[word];
				int inWord = Long.bitCount(bits);
				if (passed + inWord <= from) {
					passed += inWord;
					continue;
				}
				while (bits != 0 && passed < to) {
					int position = (word << 6) + Long.numberOfTrailingZeros(bits);
					if (passed >= from) {
						page.add(ordered[position]);
					}
					passed++;
					bits &= bits - 1;
				}
			}
			return Optional.of(new Found(page, matched));
		}
		String key = criteria.key();
		Integer known = current.counts().get(key);
		int matched = 0;
		for (Entry entry : ordered) {
			if (criteria.matches(entry)) {
				if (matched >= from && matched < to) {
					page.add(entry);
				}
				matched++;
				if (matched >= to && known != null) {
					break;
				}
			}
		}
		if (known == null) {
			if (current.counts().size() >= MAX_COUNTS) {
				current.counts().clear();
			}
			current.counts().put(key, matched);
		}
		return Optional.of(new Found(page, known != null ? known : matched));
	}

	/**
	 * How many institutions hold a valid certificate of each number of stars (1 to 5), as
	 * {@link PublicDirectory#certifiedByStars()} counts them in SQL; empty when the copy is not loaded.
	 * Counted once per state of the copy and day.
	 */
	Optional<Map<Integer, Long>> certifiedByStars(LocalDate today) {
		Snapshot current = snapshot;
		if (current == null) {
			return Optional.empty();
		}
		String key = "certified-by-stars|" + today + "|";
		int[] byStars = new int[6];
		boolean known = true;
		for (int stars = 1; stars <= 5 && known; stars++) {
			Integer count = current.counts().get(key + stars);
			known = count != null;
			byStars[stars] = known ? count : 0;
		}
		if (!known) {
			Arrays.fill(byStars, 0);
			for (Entry entry : current.byStars()) {
				int stars = entry.certifiedStars();
				if (stars >= 1 && stars <= 5 && entry.validUntil() != null && !entry.validUntil().isBefore(today)) {
					byStars[stars]++;
				}
			}
			for (int stars = 1; stars <= 5; stars++) {
				current.counts().put(key + stars, byStars[stars]);
			}
		}
		Map<Integer, Long> counts = new java.util.LinkedHashMap<>();
		for (int stars = 5; stars >= 1; stars--) {
			counts.put(stars, (long) byStars[stars]);
		}
		return Optional.of(counts);
	}

	/** The smallest list that holds every match (in no order), or null when no part of the query has one. */
	private static int[] candidates(Snapshot current, DirectoryQuery query) {
		int[] best = null;
		if (query.q() != null) {
			for (String gram : Texts.nameGrams(query.q())) {
				int[] list = current.lists().getOrDefault(gram, NONE);
				if (best == null || list.length < best.length) {
					best = list;
				}
			}
			String code = query.creditCode();
			if (code != null) {
				best = union(best == null ? NONE : best, current.lists().getOrDefault(CREDIT_CODE + code, NONE));
			}
		}
		if (query.region() != null) {
			int[] list = current.lists().getOrDefault(REGION + query.regionPrefix(), NONE);
			if (best == null || list.length < best.length) {
				best = list;
			}
		}
		return best;
	}

	/**
	 * The lists an entry belongs to, possibly more than once: each character and pair of characters of its
	 * name, its regions, its code.
	 */
	private static void forEachKey(Entry entry, java.util.function.Consumer<String> sink) {
		String name = entry.folded();
		int previous = -1;
		for (int i = 0; i < name.length();) {
			int c = name.codePointAt(i);
			int next = i + Character.charCount(c);
			sink.accept(name.substring(i, next));
			if (previous >= 0) {
				sink.accept(name.substring(previous, next));
			}
			previous = i;
			i = next;
		}
		String region = entry.regionCode();
		sink.accept(REGION + region.substring(0, 2));
		sink.accept(REGION + region.substring(0, 4));
		sink.accept(REGION + region);
		sink.accept(CREDIT_CODE + entry.creditCode());
	}

	/** Two ascending lists as one, without repeats. */
	static int[] merged(int[] list, int[] added) {
		int[] base = list == null ? NONE : list;
		int[] out = new int[base.length + added.length];
		int i = 0;
		int j = 0;
		int n = 0;
		while (i < base.length || j < added.length) {
			int next = j >= added.length || (i < base.length && base[i] <= added[j]) ? base[i++] : added[j++];
			if (n == 0 || out[n - 1] != next) {
				out[n++] = next;
			}
		}
		return n == out.length ? out : Arrays.copyOf(out, n);
	}

	private static int[] union(int[] a, int[] b) {
		if (b.length == 0) {
			return a;
		}
		return java.util.stream.IntStream.concat(Arrays.stream(a), Arrays.stream(b)).distinct().toArray();
	}

	private static int byName(Entry a, Entry b) {
		int names = compareCodePoints(a.name(), b.name());
		return names != 0 ? names : Long.compare(a.id(), b.id());
	}

	/**
	 * Strings in the order of their characters' code points, as PostgreSQL's C and C.UTF-8 collations order
	 * them (String.compareTo orders UTF-16 units: characters beyond U+FFFF would come before U+E000–U+FFFF,
	 * full-width brackets among them).
	 */
	static int compareCodePoints(String a, String b) {
		int n = Math.min(a.length(), b.length());
		for (int i = 0; i < n; i++) {
			char x = a.charAt(i);
			char y = b.charAt(i);
			if (x != y) {
				if (x >= 0xD800 && y >= 0xD800) {
					x = (char) (x >= 0xE000 ? x - 0x800 : x + 0x2000);
					y = (char) (y >= 0xE000 ? y - 0x800 : y + 0x2000);
				}
				return x - y;
			}
		}
		return a.length() - b.length();
	}

	private static Entry entry(ResultSet rs) throws SQLException {
		String name = rs.getString("name");
		LocalDate validUntil = rs.getObject("valid_until", LocalDate.class);
		int departments = 0;
		for (String department : (String[]) rs.getArray("departments").getArray()) {
			departments |= bit(Department.valueOf(department));
		}
		String status = rs.getString("rating_status");
		Integer certified = rs.getObject("certified_stars", Integer.class);
		return new Entry(-1, rs.getLong("institution_id"), name, name.toLowerCase(Locale.ROOT),
				rs.getString("credit_code"), InstitutionType.valueOf(rs.getString("type")), rs.getString("region_code"),
				status == null ? null : status.intern(), rs.getObject("stars", Integer.class),
				rs.getString("certificate_no"), validUntil,
				certified == null ? NOT_CERTIFIED : certified, departments, rs.getLong("version"));
	}

	private static int bit(Department department) {
		return 1 << department.ordinal();
	}

	/**
	 * One institution as the directory lists it.
	 *
	 * @param slot its place in the copy
	 * @param folded the name lower-cased, for matching
	 * @param certifiedStars the stars of a published rating ({@link #NOT_CERTIFIED} when none), whatever its validity
	 * @param departments one bit per {@link Department}
	 * @param version the write this is (0 before versions were kept)
	 */
	record Entry(int slot, long id, String name, String folded, String creditCode, InstitutionType type,
			String regionCode, String ratingStatus, Integer stars, String certificateNo, LocalDate validUntil,
			int certifiedStars, int departments, long version) {

		Entry inSlot(int place) {
			return new Entry(place, id, name, folded, creditCode, type, regionCode, ratingStatus, stars, certificateNo,
					validUntil, certifiedStars, departments, version);
		}

	}

	/**
	 * What a query found.
	 *
	 * @param page the requested page, in order
	 * @param total how many entries match in all
	 */
	record Found(List<Entry> page, long total) {

	}

	/** A query's conditions, checked against one entry exactly as the SQL checks them. */
	private static final class Criteria {

		private final String folded;

		private final String code;

		private final String regionPrefix;

		private final InstitutionType type;

		private final int department;

		private final boolean certified;

		private final int minStars;

		private final LocalDate today;

		Criteria(DirectoryQuery query, LocalDate today) {
			this.folded = query.q() == null ? null : query.q().toLowerCase(Locale.ROOT);
			this.code = query.creditCode();
			this.regionPrefix = query.regionPrefix();
			this.type = query.type();
			this.department = query.department() == null ? 0 : bit(query.department());
			this.certified = query.certifiedOnly() || query.minStars() != null;
			this.minStars = query.minStars() == null ? 0 : query.minStars();
			this.today = today;
		}

		boolean matches(Entry entry) {
			if (folded != null && !entry.folded().contains(folded)
					&& (code == null || !code.equals(entry.creditCode()))) {
				return false;
			}
			if (regionPrefix != null && !entry.regionCode().startsWith(regionPrefix)) {
				return false;
			}
			if (type != null && entry.type() != type) {
				return false;
			}
			if (department != 0 && (entry.departments() & department) == 0) {
				return false;
			}
			if (certified && (entry.certifiedStars() == NOT_CERTIFIED || entry.validUntil() == null
					|| entry.validUntil().isBefore(today) || entry.certifiedStars() < minStars)) {
				return false;
			}
			return true;
		}

		/** Everything that decides the count (not the order, not the page). */
		String key() {
			return folded + '|' + code + '|' + regionPrefix + '|' + type + '|' + department + '|' + certified + '|'
					+ minStars + '|' + today;
		}

	}

	/**
	 * One state of the copy, never changed once built (except the lists, which only grow, and the counts).
	 *
	 * @param slots each institution's entry by slot (null once it left)
	 * @param lists the slots holding each character, pair, region and credit code
	 * @param byStars the entries best first
	 * @param starsRank each slot's position in {@code byStars}
	 * @param byName the entries by name
	 * @param nameRank each slot's position in {@code byName}
	 * @param maxVersion the highest version held
	 * @param counts counts of walked queries, for this state only
	 */
	private record Snapshot(Entry[] slots, ConcurrentHashMap<String, int[]> lists, Entry[] byStars, int[] starsRank,
			Entry[] byName, int[] nameRank, long maxVersion, Map<String, Integer> counts) {

		static Snapshot of(Entry[] slots, ConcurrentHashMap<String, int[]> lists, Snapshot before, long maxVersion) {
			Entry[] byName = byName(slots, before == null ? null : before.byName());
			Entry[] byStars = byStars(byName);
			return new Snapshot(slots, lists, byStars, ranks(byStars, slots.length), byName,
					ranks(byName, slots.length), maxVersion, new ConcurrentHashMap<>());
		}

		/**
		 * The live entries by name. They come in the previous order (or the database's, on a full load), so
		 * the sort has little left to do.
		 */
		private static Entry[] byName(Entry[] slots, Entry[] before) {
			List<Entry> entries = new ArrayList<>(slots.length);
			boolean[] placed = new boolean[slots.length];
			if (before != null) {
				for (Entry old : before) {
					Entry now = slots[old.slot()];
					if (now != null && !placed[old.slot()]) {
						entries.add(now);
						placed[old.slot()] = true;
					}
				}
			}
			for (Entry entry : slots) {
				if (entry != null && !placed[entry.slot()]) {
					entries.add(entry);
				}
			}
			Entry[] sorted = entries.toArray(Entry[]::new);
			Arrays.sort(sorted, BY_NAME);
			return sorted;
		}

		/** Best first: the entries by name, taken star level by star level (stable, so by name within each). */
		private static Entry[] byStars(Entry[] byName) {
			int[] starts = new int[8];
			for (Entry entry : byName) {
				starts[level(entry) + 1]++;
			}
			for (int i = 1; i < starts.length; i++) {
				starts[i] += starts[i - 1];
			}
			Entry[] sorted = new Entry[byName.length];
			for (Entry entry : byName) {
				sorted[starts[level(entry)]++] = entry;
			}
			return sorted;
		}

		/** 0 for 5 stars … 5 for 0 stars, 6 for none. */
		private static int level(Entry entry) {
			return entry.certifiedStars() == NOT_CERTIFIED ? 6 : 5 - Math.max(0, Math.min(5, entry.certifiedStars()));
		}

		private static int[] ranks(Entry[] ordered, int slots) {
			int[] ranks = new int[slots];
			for (int i = 0; i < ordered.length; i++) {
				ranks[ordered[i].slot()] = i;
			}
			return ranks;
		}

		int live() {
			return byStars.length;
		}

	}

	/** A growable list of ints, for building the lists on a full load. */
	private static final class IntList {

		private int[] values = new int[4];

		private int size;

		/** Adds the value unless it was the last one added (slots are added in increasing order). */
		void addOnce(int value) {
			if (size > 0 && values[size - 1] == value) {
				return;
			}
			if (size == values.length) {
				values = Arrays.copyOf(values, size * 2);
			}
			values[size++] = value;
		}

		int[] toArray() {
			return Arrays.copyOf(values, size);
		}

	}

}
