package cn.meizhi.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * While the node starts (the web server is already up, but migrations' follow-ups, the demo data and the
 * search index are still loading), every page answers 503 "starting, demo data loading" with
 * {@code Retry-After}, instead of an empty registry or "wrong password" for an account not yet created.
 * Readiness ({@code /actuator/health/readiness}, and {@code /actuator/health}) says OUT_OF_SERVICE for the
 * same time: Spring Boot reports the node ready only when every start-up runner is done. Static files are
 * served, so the page is styled. Shutting down does not count as starting.
 */
@Component
class StartingUp implements HandlerInterceptor {

	private volatile boolean started;

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		started = true;
	}

	boolean started() {
		return started;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!started && !(handler instanceof ResourceHttpRequestHandler)) {
			throw new NotYetStarted();
		}
		return true;
	}

	/** A request that arrived before the node was ready. */
	static final class NotYetStarted extends RuntimeException {

		NotYetStarted() {
			super("The portal is starting", null, false, false);
		}

	}

}
