package cn.meizhi.system;

import cn.meizhi.system.internal.EmbeddedDatabaseProperties;
import cn.meizhi.system.internal.EmbeddedPostgresServer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Runs the portal on an embedded PostgreSQL when no {@code spring.datasource.url} is
 * configured. Boot still builds its usual connection pool from the
 * {@link JdbcConnectionDetails} given here.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@Conditional(EmbeddedDatabaseAutoConfiguration.OnEmbeddedDatabase.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseAutoConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgresServer embeddedPostgresServer(EmbeddedDatabaseProperties properties) {
		return EmbeddedPostgresServer.start(properties.dataDir(), properties.port());
	}

	@Bean
	JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgresServer server) {
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return server.username();
			}

			@Override
			public String getPassword() {
				return "";
			}

			@Override
			public String getJdbcUrl() {
				return server.jdbcUrl();
			}

			@Override
			public String getDriverClassName() {
				return DatabaseDriver.POSTGRESQL.getDriverClassName();
			}
		};
	}

	/**
	 * Matches when the embedded database is wanted: no URL configured and not switched
	 * off.
	 */
	static class OnEmbeddedDatabase extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return usesEmbeddedDatabase(context.getEnvironment())
					? ConditionOutcome.match("no spring.datasource.url configured")
					: ConditionOutcome.noMatch("spring.datasource.url configured or meizhi.embedded-db.enabled=false");
		}

	}

	/**
	 * Whether demo mode is on: {@code meizhi.demo.enabled=true}, or the {@code demo}
	 * profile, or by default on the embedded database; {@code meizhi.demo.enabled=false}
	 * always turns it off.
	 */
	public static boolean demoMode(org.springframework.core.env.Environment environment) {
		Boolean explicit = environment.getProperty("meizhi.demo.enabled", Boolean.class);
		if (explicit != null) {
			return explicit;
		}
		return java.util.Arrays.asList(environment.getActiveProfiles()).contains("demo")
				|| usesEmbeddedDatabase(environment);
	}

	/** Whether this environment runs on the embedded database. */
	public static boolean usesEmbeddedDatabase(org.springframework.core.env.Environment environment) {
		String url = environment.getProperty("spring.datasource.url");
		boolean enabled = environment.getProperty("meizhi.embedded-db.enabled", Boolean.class, true);
		return enabled && (url == null || url.isBlank());
	}

}
