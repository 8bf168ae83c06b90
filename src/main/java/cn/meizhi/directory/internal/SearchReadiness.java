package cn.meizhi.directory.internal;

import java.time.Duration;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Holds the node's start-up until its search index is loaded: Spring Boot reports the
 * node ready ({@code /actuator/health/readiness}) only once every runner is done, so the
 * balancer sends no one to a node that cannot search yet.
 */
@Component
@Order(20)
class SearchReadiness implements ApplicationRunner {

	private final DirectorySearch search;

	SearchReadiness(DirectorySearch search) {
		this.search = search;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		if (!search.awaitLoaded(Duration.ofMinutes(10))) {
			throw new IllegalStateException("The directory's search index did not load within 10 minutes");
		}
	}

}
