/**
 * GB/T 2260 administrative regions: the codes institutions are located in and
 * jurisdictions are made of.
 */
@ApplicationModule(allowedDependencies = { "shared" })
package cn.meizhi.region;

import org.springframework.modulith.ApplicationModule;
