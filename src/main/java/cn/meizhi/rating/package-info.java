/**
 * Star ratings (星级评定): proposal from a submitted inspection, the institution's acceptance
 * or appeal, four-eyes approval, publication with a certificate number, and the rating's
 * later life (superseded, expired, suspended, reinstated, revoked). History is never
 * deleted.
 */
@ApplicationModule(
		allowedDependencies = { "cycle", "evidence", "inspection", "institution", "region", "shared", "standard" })
package cn.meizhi.rating;

import org.springframework.modulith.ApplicationModule;
