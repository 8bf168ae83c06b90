/**
 * On-site inspections (现场评审): a team of assessors declares no conflict of interest,
 * scores the institution against the cycle's standard with findings, the lead submits,
 * and every finding becomes a corrective action (整改) the institution answers and the lead
 * verifies.
 */
@ApplicationModule(
		allowedDependencies = { "account", "cycle", "evidence", "institution", "selfassessment", "shared", "standard" })
package cn.meizhi.inspection;

import org.springframework.modulith.ApplicationModule;
