/**
 * In-app notifications (通知) for an institution's staff: a self-assessment returned, a
 * rating proposed, an appeal decided, a rating published, suspended, reinstated, revoked
 * or expired, a reply published or rejected — each with a link to where it can be read
 * and acted on.
 */
@ApplicationModule(allowedDependencies = { "complaint", "qualitymeasure", "rating", "selfassessment", "shared" })
package cn.meizhi.notification;

import org.springframework.modulith.ApplicationModule;
