package cn.meizhi.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Work that one node at a time may do while starting (the first admin, the demo data,
 * rebuilding the directory): held as a PostgreSQL advisory lock on a connection of its
 * own for the duration of the work, so nodes started at the same moment on an empty
 * database take turns, and the later ones find the work done. The lock goes with the
 * connection should the node die.
 */
@Component
public class StartupLock {

	private final DataSource dataSource;

	StartupLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Runs the work while holding the lock of that name, waiting for another node that
	 * holds it.
	 */
	public void run(String name, Runnable work) {
		try (Connection connection = dataSource.getConnection()) {
			// waiting for another node's work may take longer than the pool's socket
			// timeout allows a read
			// (the demo data, a rebuild of 100,000 entries): this one connection waits as
			// long as it takes
			connection.setNetworkTimeout(Runnable::run, 0);
			lock(connection, "select pg_advisory_lock(hashtext(?))", name);
			try {
				work.run();
			}
			finally {
				lock(connection, "select pg_advisory_unlock(hashtext(?))", name);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not take the start-up lock '" + name + "'", ex);
		}
	}

	private static void lock(Connection connection, String sql, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, name);
			statement.execute();
		}
	}

}
