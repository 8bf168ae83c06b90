/**
 * User accounts, roles and sign-in: who may log in, with which role, jurisdiction or
 * institution, and the rules that keep accounts safe (password policy, lockout, forced
 * change).
 */
package cn.meizhi.account;
