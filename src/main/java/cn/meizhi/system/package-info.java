/**
 * Site-wide plumbing: the embedded PostgreSQL, security, locale, layout support and error
 * pages.
 */
package cn.meizhi.system;
