/**
 * The public directory (公开查询) and open data: search and profiles of institutions with
 * their current rating, for anyone and without sign-in, and the same as JSON and CSV. A
 * read model over the register and the ratings ({@code directory_entry}, recomputed in
 * the transaction of every change the register's and the ratings' events announce)
 * searched through a Lucene index in each node, kept in step by PostgreSQL
 * {@code NOTIFY}. It changes nothing outside its own tables, and no module uses it.
 */
@ApplicationModule(allowedDependencies = { "complaint", "cycle", "enforcement", "inspection", "institution",
		"practitioner", "qualitymeasure", "rating", "region", "shared", "standard" })
package cn.meizhi.directory;

import org.springframework.modulith.ApplicationModule;
