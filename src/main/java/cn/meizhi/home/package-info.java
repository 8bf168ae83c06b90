/**
 * Each role's home page: what waits for the signed-in user. A leaf that reads from the
 * other modules.
 */
@ApplicationModule(allowedDependencies = { "account", "adverseevent", "complaint", "cycle", "inspection", "institution",
		"notification", "rating", "region", "selfassessment", "shared" })
package cn.meizhi.home;

import org.springframework.modulith.ApplicationModule;
