/**
 * The public directory (公开查询) and open data: search and profiles of institutions with
 * their current rating, for anyone and without sign-in, and the same as JSON and CSV. A
 * read model over the register and the ratings: it queries their tables directly (one
 * statement per page), and changes nothing.
 */
@ApplicationModule(
		allowedDependencies = { "cycle", "inspection", "institution", "rating", "region", "shared", "standard" })
package cn.meizhi.directory;

import org.springframework.modulith.ApplicationModule;
