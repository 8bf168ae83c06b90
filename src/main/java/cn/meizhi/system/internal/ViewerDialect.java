package cn.meizhi.system.internal;

import java.util.Set;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import org.springframework.stereotype.Component;

/**
 * Makes {@link Viewer} available to every template as {@code #viewer}, built once per
 * page.
 */
@Component
class ViewerDialect extends AbstractDialect implements IExpressionObjectDialect {

	private static final IExpressionObjectFactory FACTORY = new IExpressionObjectFactory() {

		@Override
		public Set<String> getAllExpressionObjectNames() {
			return Set.of("viewer");
		}

		@Override
		public Object buildObject(IExpressionContext context, String name) {
			return Viewer.current();
		}

		@Override
		public boolean isCacheable(String name) {
			return true;
		}

	};

	ViewerDialect() {
		super("meizhi-viewer");
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return FACTORY;
	}

}
