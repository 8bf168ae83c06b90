/**
 * Quality-control measures (质控指标): versioned sets of measures that institutions report
 * periodically (numerator, denominator, unit, direction, who reports, how often,
 * plausible range, whether published), drafted by JSON import, published one at a time,
 * exported again. Reporting, benchmarks and disclosure build on the published set.
 */
@ApplicationModule(allowedDependencies = { "shared" })
package cn.meizhi.qualitymeasure;

import org.springframework.modulith.ApplicationModule;
