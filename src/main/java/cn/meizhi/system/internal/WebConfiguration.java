package cn.meizhi.system.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

import cn.meizhi.shared.CurrentUserArgumentResolver;
import cn.meizhi.shared.PageLinks;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.CssLinkResourceTransformer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Language (zh-CN by default, English via {@code ?lang=en}, remembered in a cookie rather
 * than a session so that public pages stay stateless), the clock, and the current-user
 * argument.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final String LANGUAGE_COOKIE = "meizhi-lang";

	@Bean
	LocaleResolver localeResolver() {
		var resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
		resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieSameSite("Lax");
		return resolver;
	}

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	private final PageLinks links;

	private final StartingUp startingUp;

	/**
	 * Looked up when the interceptors are added: it needs the clock this configuration
	 * defines.
	 */
	private final org.springframework.beans.factory.ObjectProvider<PublicPageRevalidation> revalidation;

	WebConfiguration(PageLinks links, StartingUp startingUp,
			org.springframework.beans.factory.ObjectProvider<PublicPageRevalidation> revalidation) {
		this.links = links;
		this.startingUp = startingUp;
		this.revalidation = revalidation;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		var interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
		registry.addInterceptor(startingUp);
		// after the language is chosen, so the refusal reads in it
		registry.addInterceptor(new UnstorableInputCheck());
		// after the language is chosen (it is part of the ETag) and the input is checked
		registry.addInterceptor(revalidation.getObject());
		registry.addInterceptor(new LinksInterceptor(links));
	}

	/**
	 * Offers {@code links} to every rendered view: Thymeleaf does not allow bean
	 * references in {@code th:href}, but a model variable may build the URL.
	 */
	record LinksInterceptor(PageLinks links) implements HandlerInterceptor {

		@Override
		public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
				ModelAndView modelAndView) {
			if (modelAndView != null && modelAndView.getViewName() != null
					&& !modelAndView.getViewName().startsWith("redirect:")) {
				modelAndView.addObject("links", links);
			}
		}

	}

	/**
	 * The app's own static files and the webjars, looked up before the annotated
	 * controllers: a request for a stylesheet no longer walks every request mapping first
	 * (Boot's catch-all {@code /**} mapping is off:
	 * {@code spring.web.resources.add-mappings=false}). Every file is served under a
	 * versioned URL and may be kept for a year without asking again: the webjars carry
	 * their version in the path, the app's own files a hash of their content
	 * ({@code /css/meizhi-<md5>.css}), which the layout asks of the resource chain by
	 * name ({@link StaticFilesDialect}); a changed file gets a new URL. (A
	 * {@code ResourceUrlEncodingFilter} did it before by looking up every link of every
	 * page among these handlers and wrapping every request: a tenth of the region
	 * filter's rendering, for a page whose links to files are seven of some forty.)
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		CacheControl immutable = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
		for (String folder : List.of("css", "js", "img")) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(immutable)
				.resourceChain(true)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
				.addTransformer(new CssLinkResourceTransformer());
		}
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(immutable)
			.resourceChain(true);
		registry.setOrder(-1);
	}

	/** The open-data API may be read from any web page (GET only, no credentials). */
	@Override
	public void addCorsMappings(CorsRegistry registry) {
		registry.addMapping("/api/public/**").allowedOrigins("*").allowedMethods("GET").maxAge(3600);
	}

	/**
	 * Public URLs that are rate-limited per client address (see {@link PublicRateLimit}).
	 */
	static final String[] RATE_LIMITED = { "/", "/institutions", "/institutions/*", "/verify", "/verify/*",
			"/certificates/*", "/badge/*", "/standards", "/standards/*", "/api/public/*", "/complaints/*",
			"/procedures", "/procedures/*", "/check", "/institutions/*/procedures", "/institutions/*/results",
			"/practitioners", "/quality-measures" };

	/** The rate limit's buckets, shared by every node through PostgreSQL. */
	@Bean
	ProxyManager<String> rateLimitBuckets(DataSource dataSource) {
		return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_bucket")
			.expirationAfterWrite(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build();
	}

	@Bean
	FilterRegistrationBean<PublicRateLimit> publicRateLimit(ProxyManager<String> buckets,
			@Value("${meizhi.rate-limit.capacity:120}") int capacity,
			@Value("${meizhi.rate-limit.per-second:10}") int perSecond) {
		var registration = new FilterRegistrationBean<>(new PublicRateLimit(buckets, capacity, perSecond));
		registration.addUrlPatterns(RATE_LIMITED);
		// before the security filters: a flood is turned away before any other work
		registration.setOrder(-200);
		return registration;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CurrentUserArgumentResolver());
	}

}
