package cn.meizhi.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on the portal's timed jobs (such as the nightly rating expiry). Each job names its own
 * schedule in a property that {@code -} switches off.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

}
