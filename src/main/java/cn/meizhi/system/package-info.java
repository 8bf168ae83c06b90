/**
 * Site-wide plumbing: the embedded PostgreSQL, security, locale, layout support and error
 * pages.
 */
@ApplicationModule(allowedDependencies = { "shared" })
package cn.meizhi.system;

import org.springframework.modulith.ApplicationModule;
