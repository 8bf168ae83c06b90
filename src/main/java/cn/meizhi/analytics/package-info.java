/**
 * What the difference between institutions' self-assessments and assessors' scores
 * teaches (自评与评审对比): per indicator where institutions over-rate themselves, per
 * institution how well its self-assessment agrees with the assessors (weighted kappa),
 * per assessor how their scores compare with other assessors' on the same indicators. It
 * reads the views the owning modules declare ({@code claimed_score},
 * {@code assessed_score}, {@code indicator_scale}).
 */
@ApplicationModule(allowedDependencies = { "cycle", "institution", "shared" })
package cn.meizhi.analytics;

import org.springframework.modulith.ApplicationModule;
