/**
 * The working calendar: which days are working days (Monday to Friday, except public
 * holidays, plus the weekend days worked instead, 调休), kept by an administrator.
 * Deadlines counted in working days ask it.
 */
@ApplicationModule(allowedDependencies = { "shared" })
package cn.meizhi.calendar;

import org.springframework.modulith.ApplicationModule;
