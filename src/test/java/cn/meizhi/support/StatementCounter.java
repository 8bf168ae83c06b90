package cn.meizhi.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements the application sends: wraps the {@link DataSource} so that
 * every statement executed through it (JPA, JdbcClient, JdbcTemplate alike) is counted.
 * Register it with {@code @Import(StatementCounter.class)}; statement-count tests assert
 * that list pages and APIs issue a bounded number of statements, whatever the page size
 * or the amount of data.
 */
public class StatementCounter implements BeanPostProcessor {

	private static final AtomicLong executed = new AtomicLong();

	/**
	 * The thread whose statements are counted: the test's (MockMvc serves the request on
	 * it). Other threads — the search index's listener re-reading what a change notified,
	 * scheduled jobs — are not the request.
	 */
	private static volatile Thread counted;

	public static void reset() {
		counted = Thread.currentThread();
		executed.set(0);
	}

	public static long count() {
		return executed.get();
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(Proxy.isProxyClass(bean.getClass()))) {
			return proxy(DataSource.class, dataSource, (target, method, args) -> {
				Object result = invoke(target, method, args);
				return result instanceof Connection connection
						? proxy(Connection.class, connection, StatementCounter::connectionCall) : result;
			});
		}
		return bean;
	}

	private static Object connectionCall(Object target, java.lang.reflect.Method method, Object[] args)
			throws Throwable {
		Object result = invoke(target, method, args);
		if (result instanceof java.sql.CallableStatement statement) {
			return proxy(java.sql.CallableStatement.class, statement, StatementCounter::statementCall);
		}
		if (result instanceof java.sql.PreparedStatement statement) {
			return proxy(java.sql.PreparedStatement.class, statement, StatementCounter::statementCall);
		}
		if (result instanceof Statement statement) {
			return proxy(Statement.class, statement, StatementCounter::statementCall);
		}
		return result;
	}

	private static Object statementCall(Object target, java.lang.reflect.Method method, Object[] args)
			throws Throwable {
		if (method.getName().startsWith("execute") && Thread.currentThread() == counted) {
			executed.incrementAndGet();
		}
		return invoke(target, method, args);
	}

	private interface Call {

		Object call(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable;

	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target, Call call) {
		InvocationHandler handler = (proxy, method, args) -> {
			if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> wanted
					&& wanted.isInstance(target)) {
				return target;
			}
			return call.call(target, method, args);
		};
		return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, handler);
	}

	private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
