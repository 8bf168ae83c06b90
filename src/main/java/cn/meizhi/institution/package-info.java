/**
 * The register of medical-aesthetics institutions (医疗美容机构): licence facts, location,
 * status and public contact data, kept by regulators inside their jurisdiction.
 */
@ApplicationModule(allowedDependencies = { "region", "shared" })
package cn.meizhi.institution;

import org.springframework.modulith.ApplicationModule;
