/**
 * Risk-based inspection (风险分级): the institutions of a jurisdiction ordered by a
 * documented risk score, so that inspections go where they are most needed and good
 * institutions are inspected less. Reads the faces the owning modules declare in SQL: the
 * register, the published ratings, decided complaints, reported adverse events, recorded
 * penalties.
 */
@ApplicationModule(allowedDependencies = { "region", "shared" })
package cn.meizhi.risk;

import org.springframework.modulith.ApplicationModule;
