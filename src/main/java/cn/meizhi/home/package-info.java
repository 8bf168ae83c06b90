/**
 * Each role's home page: what waits for the signed-in user. A leaf that reads from the
 * other modules.
 */
package cn.meizhi.home;
