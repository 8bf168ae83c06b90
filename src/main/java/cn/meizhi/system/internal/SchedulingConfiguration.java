package cn.meizhi.system.internal;

import javax.sql.DataSource;

import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Turns on the portal's timed jobs (such as the rating expiry). Each job names its own
 * schedule in a property that {@code -} switches off, and runs once across all nodes: a
 * job holds a ShedLock lock (table {@code shedlock}, the database's clock) while it runs,
 * and a node that finds it held skips that firing. A node that dies mid-run leaves the
 * lock until its {@code lockAtMostFor} has passed; the next firing on any node then runs
 * it again.
 * <p>
 * Also turns on asynchronous listeners: a module listener that runs after the commit
 * ({@code @ApplicationModuleListener}) runs on Boot's task executor, its event kept in
 * the publication registry until it has done its work ({@link EventPublicationRetry}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableAsync
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class SchedulingConfiguration {

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTableName("shedlock")
			.usingDbTime()
			.build());
	}

	@Bean
	RateLimitCleanup rateLimitCleanup(ProxyManager<String> buckets) {
		return new RateLimitCleanup((ExpiredEntriesCleaner) buckets);
	}

	/**
	 * Deletes the rate limit's buckets of addresses that have been idle long enough to be
	 * full again.
	 */
	static class RateLimitCleanup {

		private final ExpiredEntriesCleaner buckets;

		RateLimitCleanup(ExpiredEntriesCleaner buckets) {
			this.buckets = buckets;
		}

		@Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
		@SchedulerLock(name = "rate-limit-cleanup", lockAtMostFor = "PT4M")
		public void removeIdleBuckets() {
			while (buckets.removeExpired(1_000) == 1_000) {
				// another batch
			}
		}

	}

}
