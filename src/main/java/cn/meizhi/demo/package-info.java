/**
 * Demo mode: fictional but realistic data and demo accounts, loaded on first start with
 * the embedded database or with the {@code demo} profile. Never active otherwise.
 */
@ApplicationModule(allowedDependencies = { "account", "adverseevent", "complaint", "cycle", "enforcement", "inspection",
		"institution", "practitioner", "procedure", "qualitymeasure", "rating", "region", "selfassessment", "shared",
		"standard", "system" })
package cn.meizhi.demo;

import org.springframework.modulith.ApplicationModule;
