package cn.meizhi.system.internal;

import java.sql.SQLException;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import org.springframework.stereotype.Component;

/**
 * Lets a migration take as long as it needs. The pool's connections give up a read after
 * 30 s (a frozen database fails a request instead of hanging it), but a migration that
 * rewrites a national register's table (V51 copies twenty million values) runs for
 * minutes: the connection Flyway migrates with waits as long as it takes. The pool resets
 * the timeout when the connection returns to it.
 */
@Component
class UnhurriedMigrations implements Callback {

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.BEFORE_MIGRATE || event == Event.BEFORE_EACH_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		try {
			context.getConnection().setNetworkTimeout(Runnable::run, 0);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not lift the migration connection's read timeout", ex);
		}
	}

	@Override
	public String getCallbackName() {
		return "unhurried-migrations";
	}

}
