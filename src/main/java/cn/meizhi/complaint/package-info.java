/**
 * Complaints (投诉举报): the public files one against an institution without an account and
 * follows it by tracking number and secret code; the regulator of the institution's
 * jurisdiction acknowledges, assigns, asks the institution for a statement and decides
 * within deadlines counted in working days; the public profile counts the decided ones.
 */
@ApplicationModule(
		allowedDependencies = { "account", "calendar", "evidence", "inspection", "institution", "region", "shared" })
package cn.meizhi.complaint;

import org.springframework.modulith.ApplicationModule;
