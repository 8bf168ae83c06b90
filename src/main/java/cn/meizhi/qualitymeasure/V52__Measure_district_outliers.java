package cn.meizhi.qualitymeasure;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Decides the distributions and outlier flags of the values submitted before V51 kept
 * them by district, by the same rule the submissions use
 * ({@link MeasureDistrictStats#recompute}): the rule is Java, so this migration is too.
 * Flyway runs it after V51, inside its own transaction, on the connection it migrates
 * with.
 */
@Component
class V52__Measure_district_outliers extends BaseJavaMigration {

	@Override
	public void migrate(Context context) {
		JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
		MeasureDistrictStats.recomputeAll(jdbc, null);
	}

}
