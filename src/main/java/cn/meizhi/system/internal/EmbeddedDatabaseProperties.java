package cn.meizhi.system.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL that runs when no {@code spring.datasource.url} is
 * configured.
 *
 * @param enabled whether an embedded server may start at all
 * @param dataDir where the database files live; kept across restarts
 * @param port the port to listen on, 0 for any free port
 */
@ConfigurationProperties("meizhi.embedded-db")
public record EmbeddedDatabaseProperties(Boolean enabled, Path dataDir, Integer port) {

	public EmbeddedDatabaseProperties {
		enabled = enabled == null || enabled;
		dataDir = dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".meizhi", "pgdata");
		port = port != null ? port : 0;
	}

}
