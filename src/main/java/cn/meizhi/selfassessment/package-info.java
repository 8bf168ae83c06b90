/**
 * Self-assessments (自评): each enrolled institution scores itself against the cycle's
 * standard with comments and evidence, submits, and may be asked by the regulator to
 * revise.
 */
@ApplicationModule(allowedDependencies = { "cycle", "evidence", "institution", "shared", "standard" })
package cn.meizhi.selfassessment;

import org.springframework.modulith.ApplicationModule;
