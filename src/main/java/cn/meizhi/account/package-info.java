/**
 * User accounts, roles and sign-in: who may log in, with which role, jurisdiction or
 * institution, and the rules that keep accounts safe (password policy, lockout, forced
 * change).
 */
@ApplicationModule(allowedDependencies = { "institution", "region", "shared" })
package cn.meizhi.account;

import org.springframework.modulith.ApplicationModule;
