/**
 * Shared kernel: roles, the current user, jurisdictions, auditable events and web helpers
 * that every module uses.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
		allowedDependencies = {})
package cn.meizhi.shared;
