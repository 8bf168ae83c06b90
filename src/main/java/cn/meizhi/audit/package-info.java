/**
 * The append-only audit trail: who, in which role, when, from where, did what to which
 * object. A leaf module: it listens to every module's auditable events and nothing
 * depends on it.
 */
@ApplicationModule(allowedDependencies = { "shared" })
package cn.meizhi.audit;

import org.springframework.modulith.ApplicationModule;
