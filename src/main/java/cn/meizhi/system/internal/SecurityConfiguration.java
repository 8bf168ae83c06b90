package cn.meizhi.system.internal;

import java.util.Map;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Two security filter chains: a lean one for the public's reads without a session, and
 * the main one. In the main chain each role has its own URL area; public pages are
 * listed; an address no page answers is a 404 for everyone; everything else is denied.
 * Object-level rules (own institution, own jurisdiction) live in the services.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * No inline script or style anywhere: every script and stylesheet is a file served by
	 * the app.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/**
	 * Swagger UI (a third-party page, the open-data API's explorer) sets inline styles
	 * from its script; it alone may. Scripts stay 'self' only there too.
	 */
	static final String SWAGGER_UI_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'",
			"style-src 'self' 'unsafe-inline'");

	/** Pages and files anyone may fetch without signing in. */
	static final String[] PUBLIC_PATHS = { "/", "/login", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**",
			"/favicon.ico", "/standards", "/standards/**", "/verify", "/verify/**", "/certificates/**", "/badge/**",
			"/institutions", "/institutions/**", "/api/public/**", "/v3/api-docs", "/v3/api-docs.yaml",
			"/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/reference", "/complaints/**", "/procedures",
			"/procedures/**", "/check", "/practitioners", "/notices", "/notices/**", "/quality-measures" };

	/**
	 * Public pages with a form that posts (sign-in, filing and tracking a complaint):
	 * they need a CSRF token, hence a session, so they are never served by the stateless
	 * chain or revalidated as shared pages.
	 */
	static final String[] PUBLIC_FORMS = { "/login", "/complaints/**", "/standards/*/consultation", "/notices/*",
			"/notices/*/objections" };

	private static final RequestMatcher SWAGGER_UI = new OrRequestMatcher(
			PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
			PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"));

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> pages)
			throws Exception {
		var failureHandler = new ExceptionMappingAuthenticationFailureHandler();
		failureHandler.setDefaultFailureUrl("/login?error");
		failureHandler.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked",
				DisabledException.class.getName(), "/login?disabled"));
		http.authorizeHttpRequests(
				requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
					.permitAll()
					.requestMatchers(PUBLIC_PATHS)
					.permitAll()
					.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
					.permitAll()
					// an address no page answers: 404 for everyone (the rules below are
					// for pages that exist)
					.requestMatchers(new NegatedRequestMatcher(new ExistingPage(pages)))
					.permitAll()
					// a period's reports are the jurisdiction's: regulators only
					.requestMatchers("/regulator/quality-measures/reports", "/regulator/quality-measures/reports/**",
							"/regulator/quality-measures/benchmarks")
					.hasRole("REGULATOR")
					.requestMatchers("/regulator/standards", "/regulator/standards/**", "/regulator/procedures",
							"/regulator/procedures/**", "/regulator/quality-measures", "/regulator/quality-measures/**")
					.hasAnyRole("REGULATOR", "ADMIN")
					.requestMatchers("/admin/**")
					.hasRole("ADMIN")
					.requestMatchers("/regulator/**")
					.hasRole("REGULATOR")
					.requestMatchers("/assessor/**")
					.hasRole("ASSESSOR")
					.requestMatchers("/clinic/**")
					.hasRole("CLINIC")
					.requestMatchers("/home", "/account/**")
					.authenticated()
					.anyRequest()
					.denyAll())
			.formLogin(login -> login.loginPage("/login")
				.defaultSuccessUrl("/home", true)
				.failureHandler(failureHandler)
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(SecurityConfiguration::strictHeaders);
		return http.build();
	}

	/**
	 * The public's GET pages and open data, for a visitor without a session (no
	 * {@code SESSION} cookie): their own chain with nothing that needs a session — no
	 * security context loaded or saved, no session management, request cache, logout or
	 * exception translation, no CSRF token (these pages have no form that posts), no
	 * authorization rules (every page here is public), no servlet-API request wrapper —
	 * and the same headers. A signed-in user, whose browser sends the cookie, gets the
	 * main chain, so the navigation still knows them. The sign-in page is not here: its
	 * form needs a token.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain anonymousPublicPages(HttpSecurity http) throws Exception {
		http.securityMatcher(ANONYMOUS_PUBLIC_READ)
			.securityContext(context -> context.disable())
			.sessionManagement(session -> session.disable())
			.requestCache(cache -> cache.disable())
			.logout(logout -> logout.disable())
			.exceptionHandling(exceptions -> exceptions.disable())
			.csrf(csrf -> csrf.disable())
			.anonymous(anonymous -> anonymous.disable())
			// no request wrapper for isUserInRole and friends: nobody is signed in here,
			// and every request
			// attribute the template reads would pass through one more wrapper
			.servletApi(servletApi -> servletApi.disable())
			.headers(SecurityConfiguration::strictHeaders);
		return http.build();
	}

	/** GET or HEAD of a public page or the open data, without a session cookie. */
	static final RequestMatcher ANONYMOUS_PUBLIC_READ = request -> {
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			return false;
		}
		if (request.getCookies() != null) {
			for (jakarta.servlet.http.Cookie cookie : request.getCookies()) {
				if ("SESSION".equals(cookie.getName())) {
					return false;
				}
			}
		}
		return PublicReads.MATCHER.matches(request);
	};

	/**
	 * The public pages that may be served without a session (all public paths but the
	 * forms).
	 */
	private static final class PublicReads {

		static final RequestMatcher MATCHER = new org.springframework.security.web.util.matcher.AndRequestMatcher(
				new OrRequestMatcher(java.util.Arrays.stream(PUBLIC_PATHS)
					.filter(path -> !java.util.Arrays.asList(PUBLIC_FORMS).contains(path))
					.map(path -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(path))
					.toList()),
				new NegatedRequestMatcher(new OrRequestMatcher(java.util.Arrays.stream(PUBLIC_FORMS)
					.map(path -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(path))
					.toList())));

	}

	private static void strictHeaders(
			org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
		headers
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(SWAGGER_UI),
					new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER_UI,
					new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_POLICY)))
			.frameOptions(frame -> frame.deny())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", "camera=(), microphone=(), geolocation=()"))
			.addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin"));
	}

	/**
	 * No tracing observation around each of the chain's filters: nothing here collects
	 * traces, and wrapping every filter of every request cost a tenth of the CPU of a
	 * small page. Request metrics ({@code http.server.requests}) are unaffected.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
