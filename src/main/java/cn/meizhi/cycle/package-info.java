/**
 * Evaluation cycles (评价周期): a regulator's campaign over a jurisdiction under one
 * published standard version, with its windows, status and enrolled institutions.
 */
@ApplicationModule(allowedDependencies = { "institution", "region", "shared", "standard" })
package cn.meizhi.cycle;

import org.springframework.modulith.ApplicationModule;
