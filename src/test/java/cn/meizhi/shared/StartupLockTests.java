package cn.meizhi.shared;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nodes starting together take turns at the start-up work, and a node waits for the
 * other's work however long it takes: longer than the pool's socket timeout, which bounds
 * every other read.
 */
@SpringBootTest
class StartupLockTests {

	@Autowired
	DataSource dataSource;

	@Test
	void aNodeWaitsForAnotherNodesWorkLongerThanTheSocketTimeoutAndThenRunsItsOwn() throws Exception {
		HikariDataSource pool = (HikariDataSource) this.dataSource;
		try (HikariDataSource shortReads = new HikariDataSource()) {
			shortReads.setJdbcUrl(pool.getJdbcUrl());
			shortReads.setUsername(pool.getUsername());
			shortReads.setPassword(pool.getPassword());
			shortReads.addDataSourceProperty("socketTimeout", "1");
			StartupLock first = new StartupLock(shortReads);
			StartupLock second = new StartupLock(shortReads);
			CountDownLatch holding = new CountDownLatch(1);
			var other = CompletableFuture.runAsync(() -> first.run("test-lock", () -> {
				holding.countDown();
				sleep(2500);
			}));
			assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
			AtomicBoolean ran = new AtomicBoolean();
			long started = System.nanoTime();
			second.run("test-lock", () -> ran.set(true));
			assertThat(ran).isTrue();
			assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThan(1500);
			other.get(10, TimeUnit.SECONDS);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
