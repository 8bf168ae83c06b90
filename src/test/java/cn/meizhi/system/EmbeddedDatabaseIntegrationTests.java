package cn.meizhi.system;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import cn.meizhi.system.internal.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The embedded database keeps its data across restarts, and a run killed with SIGKILL
 * (which leaves its postgres behind) does not block the next start.
 */
class EmbeddedDatabaseIntegrationTests {

	@TempDir
	Path dataDir;

	private Process child;

	@AfterEach
	void stopChild() throws Exception {
		if (child != null && child.isAlive()) {
			child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		EmbeddedPostgresServer.stopOrphanIfAny(dataDir);
	}

	@Test
	void aKilledRunDoesNotBlockTheNextStartAndItsDataSurvives() throws Exception {
		startChild();
		child.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
		assertThat(child.isAlive()).isFalse();
		assertThat(dataDir.resolve("postmaster.pid")).as("the killed run left its postgres behind").exists();

		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0);
				var connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
				var result = connection.createStatement().executeQuery("select note from survived")) {
			assertThat(result.next()).isTrue();
			assertThat(result.getString(1)).isEqualTo("written before the kill");
		}
	}

	@Test
	void aDirectoryHeldByALiveInstanceIsRefusedWithAClearMessage() throws Exception {
		startChild();
		assertThatIllegalStateException().isThrownBy(() -> EmbeddedPostgresServer.start(dataDir, 0))
			.withMessageContaining("in use by another running Meizhi instance");
	}

	private void startChild() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
				EmbeddedPostgresChild.class.getName(), dataDir.toString()))
			.redirectErrorStream(true)
			.start();
		var reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		String line;
		while ((line = reader.readLine()) != null) {
			if (line.startsWith("READY")) {
				Thread drain = new Thread(() -> reader.lines().forEach(l -> {
				}));
				drain.setDaemon(true);
				drain.start();
				return;
			}
			if (System.nanoTime() > deadline) {
				break;
			}
		}
		throw new IllegalStateException("The child JVM did not start the embedded database");
	}

}
