package cn.meizhi.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One PostgreSQL server per test JVM: a Testcontainers {@code postgres:18-alpine} when
 * Docker answers, otherwise an embedded PostgreSQL from Maven Central binaries
 * ({@code TEST_DB=docker|embedded} forces one). Every Spring test context gets its own
 * fresh database on that server, so contexts with different settings (e.g. demo data)
 * never see each other's rows. Registered for every test context in
 * {@code META-INF/spring.factories}: tests need no annotation.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final AtomicInteger DATABASES = new AtomicInteger();

	private static Server server;

	/** Where the server listens and how to sign in as its superuser. */
	public record Server(String host, int port, String username, String password) {

		public String url(String database) {
			return "jdbc:postgresql://" + host + ":" + port + "/" + database;
		}

	}

	/**
	 * Contexts that name the same {@code meizhi.test.database} share that database
	 * (several nodes over one database: {@code MultiNodeIT}); the first to ask creates
	 * it.
	 */
	public static final String SHARED_DATABASE = "meizhi.test.database";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Server server = server();
		String shared = context.getEnvironment().getProperty(SHARED_DATABASE);
		String database = shared != null ? shared : "meizhi_test_" + DATABASES.incrementAndGet();
		createDatabase(server, database, shared != null);
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("testDatabase",
					Map.of("spring.datasource.url", server.url(database), "spring.datasource.username",
							server.username(), "spring.datasource.password", server.password(),
							"spring.datasource.hikari.maximum-pool-size", "8")));
	}

	private static synchronized void createDatabase(Server server, String database, boolean ifAbsent) {
		try (Connection connection = DriverManager.getConnection(server.url("postgres"), server.username(),
				server.password()); Statement statement = connection.createStatement()) {
			if (ifAbsent) {
				var exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
				if (exists.next()) {
					return;
				}
			}
			statement.execute("create database " + database);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + database, ex);
		}
	}

	/**
	 * A new empty database on the per-JVM server, for a test that migrates it itself;
	 * returns its name.
	 */
	public static String freshDatabase(String prefix) {
		String database = prefix + "_" + DATABASES.incrementAndGet();
		createDatabase(server(), database, false);
		return database;
	}

	/** The per-JVM server, started on first use. */
	public static synchronized Server server() {
		if (server == null) {
			server = start();
		}
		return server;
	}

	private static Server start() {
		String choice = System.getenv().getOrDefault("TEST_DB", "auto");
		boolean docker = choice.equals("docker") || (choice.equals("auto") && dockerAvailable());
		if (docker) {
			var container = new PostgreSQLContainer("postgres:18-alpine").withCommand("postgres", "-c",
					"max_connections=300", "-c", "fsync=off");
			container.start();
			return new Server(container.getHost(), container.getMappedPort(5432), container.getUsername(),
					container.getPassword());
		}
		try {
			Path dir = Files.createTempDirectory("meizhi-test-pg");
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dir)
				.setCleanDataDirectory(true)
				.setServerConfig("max_connections", "300")
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off")
				.setLocaleConfig("encoding", "UTF8")
				.setLocaleConfig("locale", "C.UTF-8")
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (Exception ignored) {
					// the JVM is going away
				}
			}));
			return new Server("localhost", postgres.getPort(), "postgres", "");
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not start the embedded test PostgreSQL", ex);
		}
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (Throwable ex) {
			return false;
		}
	}

}
