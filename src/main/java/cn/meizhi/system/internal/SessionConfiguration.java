package cn.meizhi.system.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC, tables by Flyway V22). A browser's
 * concurrent requests on one session may each store the same new attribute (the CSRF
 * token right after signing in): Spring Session's PostgreSQL customizer writes attributes
 * with {@code insert … on conflict do update}, so the second one updates instead of
 * failing on the primary key.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessionAttributes() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

}
