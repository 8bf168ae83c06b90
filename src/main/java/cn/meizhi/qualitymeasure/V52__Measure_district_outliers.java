package cn.meizhi.qualitymeasure;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import org.springframework.stereotype.Component;

/**
 * Once decided the distributions and outlier flags of the values V51 copied; now does
 * nothing. A Java migration runs today's code, and today's
 * {@link MeasureDistrictStats#recompute} also writes the sorted values that V53 adds, so
 * deciding here would fail on a register upgraded from V50 with submitted reports. V54
 * decides every kept district after V53 instead. Kept so that registers which ran it
 * still find it.
 */
@Component
class V52__Measure_district_outliers extends BaseJavaMigration {

	@Override
	public void migrate(Context context) {
		// superseded by V54
	}

}
