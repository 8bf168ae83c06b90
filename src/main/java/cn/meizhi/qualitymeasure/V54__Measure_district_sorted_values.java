package cn.meizhi.qualitymeasure;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Decides every district kept by V51 (distributions, sorted values, outlier flags) after
 * V53 gave the distributions their sorted values, by the rule the submissions use
 * ({@link MeasureDistrictStats#recompute}). A Java migration runs today's code: should
 * {@code recompute} ever write a column a later migration adds, this one must stop
 * calling it, as V52 did ({@code MeasureMigrationTests} upgrades a register from V50 and
 * fails then).
 */
@Component
class V54__Measure_district_sorted_values extends BaseJavaMigration {

	@Override
	public void migrate(Context context) {
		MeasureDistrictStats
			.recomputeAll(JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true)), null);
	}

}
