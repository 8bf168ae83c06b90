/**
 * Procedures (医疗美容项目): the versioned catalogue of procedures with their specialty and
 * surgical risk level, the rule (data of the catalogue version) of which institutions may
 * perform which level, and the one answer to "may this institution do this procedure?".
 */
@ApplicationModule(allowedDependencies = { "institution", "practitioner", "rating", "region", "shared" })
package cn.meizhi.procedure;

import org.springframework.modulith.ApplicationModule;
