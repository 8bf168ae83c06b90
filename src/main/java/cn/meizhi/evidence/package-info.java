/**
 * The evidence store: the bytes of every file uploaded as evidence (a self-assessment's,
 * an inspection team's, a corrective action's answer, an appeal's), checked once by one
 * rule and kept in one table. The module that a file belongs to keeps its own record of
 * it (which indicator, who uploaded it, when) and the stored file's id.
 */
@ApplicationModule(allowedDependencies = { "shared" })
package cn.meizhi.evidence;

import org.springframework.modulith.ApplicationModule;
