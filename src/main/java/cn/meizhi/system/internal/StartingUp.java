package cn.meizhi.system.internal;

import cn.meizhi.shared.DataLoading;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * While this node loads the demo data (or waits for another node loading it), every page
 * answers 503 "the demo data is loading" with {@code Retry-After}, instead of an empty
 * registry or "wrong password" for an account not yet created ({@link DataLoading}). A
 * node starting on data that is already there serves at once: behind a balancer, a
 * restarted node takes requests (a form posted to it is processed) as soon as it listens.
 * Readiness ({@code /actuator/health/readiness}, and {@code /actuator/health}) says
 * OUT_OF_SERVICE until every start-up runner is done. Static files are served, so the
 * page is styled.
 */
@Component
public class StartingUp implements HandlerInterceptor {

	private final DataLoading loading;

	public StartingUp(DataLoading loading) {
		this.loading = loading;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (this.loading.active() && !(handler instanceof ResourceHttpRequestHandler)) {
			throw new NotYetStarted();
		}
		return true;
	}

	/** A request that arrived while the data was loading. */
	static final class NotYetStarted extends RuntimeException {

		NotYetStarted() {
			super("The demo data is loading", null, false, false);
		}

	}

}
