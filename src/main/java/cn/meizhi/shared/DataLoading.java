package cn.meizhi.shared;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * Whether this node is loading (or waiting for another node to load) data without which
 * its pages would mislead: the demo data, whose accounts and registry do not exist yet.
 * Pages say so meanwhile instead of "wrong password" and an empty directory. A node that
 * starts on data that is already there never shows it, so a node restarting behind a
 * balancer serves at once.
 */
@Component
public class DataLoading {

	private final AtomicInteger running = new AtomicInteger();

	/** Runs the loading; pages answer "loading" until it ends. */
	public void during(Runnable loading) {
		this.running.incrementAndGet();
		try {
			loading.run();
		}
		finally {
			this.running.decrementAndGet();
		}
	}

	public boolean active() {
		return this.running.get() > 0;
	}

}
