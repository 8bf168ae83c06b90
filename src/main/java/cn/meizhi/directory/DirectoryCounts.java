package cn.meizhi.directory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How many institutions a directory query matches, remembered until the directory changes. Counting a
 * fragment found in most names reads tens of thousands of rows, and after a news story the public asks
 * the same few questions many times; every change to the read model forgets all counts (after its
 * transaction commits, and a count taken while a change was under way is not kept), so a count is not
 * older than the last change to the directory. A read transaction that began before a change may still
 * count the old data (PostgreSQL's read-committed snapshot per statement keeps this window to one query).
 */
@Component
class DirectoryCounts {

	/** Past this many remembered queries all are forgotten: memory stays small whatever is asked. */
	static final int MAX_ENTRIES = 10_000;

	private final Map<String, Long> counts = new ConcurrentHashMap<>();

	/** Advanced by every change: a count taken while the directory changed is not remembered. */
	private final AtomicLong generation = new AtomicLong();

	long count(String key, Supplier<Long> counter) {
		Long known = counts.get(key);
		if (known != null) {
			return known;
		}
		long before = generation.get();
		long counted = counter.get();
		if (counts.size() >= MAX_ENTRIES) {
			counts.clear();
		}
		if ((!TransactionSynchronizationManager.isActualTransactionActive()
				|| TransactionSynchronizationManager.isCurrentTransactionReadOnly()) && generation.get() == before) {
			counts.put(key, counted);
			if (generation.get() != before) {
				counts.remove(key);
			}
		}
		return counted;
	}

	/** The directory changed: forget every count, now and again once the change is committed. */
	void forget() {
		generation.incrementAndGet();
		counts.clear();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					generation.incrementAndGet();
					counts.clear();
				}
			});
		}
	}

}
