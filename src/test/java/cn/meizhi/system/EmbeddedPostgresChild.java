package cn.meizhi.system;

import java.nio.file.Path;
import java.sql.DriverManager;

import cn.meizhi.system.internal.EmbeddedPostgresServer;

/**
 * A separate JVM that starts the embedded database the way the portal does, creates a
 * table, says READY and waits to be killed: the stand-in for a portal run that is killed
 * with SIGKILL.
 */
public final class EmbeddedPostgresChild {

	private EmbeddedPostgresChild() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), 0);
		try (var connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
				var statement = connection.createStatement()) {
			statement.execute("create table if not exists survived (note text)");
			statement.execute("insert into survived values ('written before the kill')");
		}
		System.out.println("READY " + server.port());
		System.out.flush();
		Thread.currentThread().join();
	}

}
