package cn.meizhi.system.internal;

import java.util.Set;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Gives the templates the app's own static files by their content-versioned URLs, as
 * {@code #staticFiles.url('/css/meizhi.css')} → {@code /css/meizhi-<md5>.css} (Spring's
 * resource chain, configured in {@link WebConfiguration}, resolution cached). The layout
 * asks for its four files by name; a {@code ResourceUrlEncodingFilter} did the same by
 * looking up every link of every page among the static-file handlers.
 */
@Component
class StaticFilesDialect extends AbstractDialect implements IExpressionObjectDialect {

	private final IExpressionObjectFactory factory;

	StaticFilesDialect(ObjectProvider<ResourceUrlProvider> resourceUrls) {
		super("meizhi-static-files");
		StaticFiles files = new StaticFiles(resourceUrls);
		this.factory = new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of("staticFiles");
			}

			@Override
			public Object buildObject(IExpressionContext context, String name) {
				return files;
			}

			@Override
			public boolean isCacheable(String name) {
				return true;
			}

		};
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return factory;
	}

	/** The static files' URLs. */
	public static final class StaticFiles {

		private final ObjectProvider<ResourceUrlProvider> resourceUrls;

		StaticFiles(ObjectProvider<ResourceUrlProvider> resourceUrls) {
			this.resourceUrls = resourceUrls;
		}

		/**
		 * The versioned URL of a file under {@code /css}, {@code /js} or {@code /img}
		 * (the path itself if it is none of them).
		 */
		public String url(String path) {
			String versioned = resourceUrls.getObject().getForLookupPath(path);
			return versioned == null ? path : versioned;
		}

	}

}
