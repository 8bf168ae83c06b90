/**
 * Quality-control measures (质控指标): versioned sets of measures that institutions report
 * periodically (numerator, denominator, unit, direction, who reports, how often,
 * plausible range, whether published), drafted by JSON import, published one at a time,
 * exported again. Institutions report each period's values under the published set (form
 * or CSV/XLSX upload, drafts, submission, return, correction with history, late
 * reminders); benchmarks and disclosure build on the submitted values.
 */
@ApplicationModule(allowedDependencies = { "shared", "institution", "region" })
package cn.meizhi.qualitymeasure;

import org.springframework.modulith.ApplicationModule;
