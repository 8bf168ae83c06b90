package cn.meizhi.system;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import cn.meizhi.shared.CurrentUserArgumentResolver;
import cn.meizhi.shared.PageLinks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language (zh-CN by default, English via {@code ?lang=en}, remembered in a cookie rather than a
 * session so that public pages stay stateless), the clock, and the current-user argument.
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

	WebConfiguration(PageLinks links) {
		this.links = links;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		var interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
		registry.addInterceptor(new LinksInterceptor(links));
	}

	/**
	 * Offers {@code links} to every rendered view: Thymeleaf does not allow bean references in
	 * {@code th:href}, but a model variable may build the URL.
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

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CurrentUserArgumentResolver());
	}

}
