/**
 * Adverse events (不良事件 / 医疗差错) that clinics report: the severe ones alert the regulator
 * at once; the regulator reviews them by institution and procedure and may flag an
 * institution for an unannounced inspection. Never shown to the public one by one.
 */
@ApplicationModule(allowedDependencies = { "institution", "region", "shared" })
package cn.meizhi.adverseevent;

import org.springframework.modulith.ApplicationModule;
