/**
 * The enforcement record (行政处罚): penalties and orders a regulator decided against an
 * institution, public for three years; an order to stop practising changes the
 * institution's status through the register's own rules.
 */
@ApplicationModule(allowedDependencies = { "institution", "region", "shared" })
package cn.meizhi.enforcement;

import org.springframework.modulith.ApplicationModule;
