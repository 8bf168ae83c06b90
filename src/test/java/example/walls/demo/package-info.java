/**
 * A fixture for {@code cn.meizhi.ModularityTests}: a module that reaches into a leaf it
 * was not allowed to use, as Meizhi's demo did.
 */
@ApplicationModule(allowedDependencies = {})
package example.walls.demo;

import org.springframework.modulith.ApplicationModule;
