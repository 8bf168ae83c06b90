/**
 * The practitioner register (美容主诊医师): who is qualified for which aesthetic specialty and
 * where they are registered to practise. Regulators keep it in their jurisdiction; the
 * public searches it (never identity numbers, phones or notes).
 */
@ApplicationModule(allowedDependencies = { "institution", "region", "shared" })
package cn.meizhi.practitioner;

import org.springframework.modulith.ApplicationModule;
