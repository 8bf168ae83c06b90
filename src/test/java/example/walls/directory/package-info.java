/**
 * A fixture for {@code cn.meizhi.ModularityTests}: a leaf module, as Meizhi's directory.
 */
@ApplicationModule(allowedDependencies = {})
package example.walls.directory;

import org.springframework.modulith.ApplicationModule;
