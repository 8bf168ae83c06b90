/**
 * Evaluation standards (评价标准): versioned, published criteria — sections, indicators and
 * rating rules — and the one rating engine that turns scores into a weighted total and
 * stars.
 */
@ApplicationModule(allowedDependencies = { "shared" })
package cn.meizhi.standard;

import org.springframework.modulith.ApplicationModule;
