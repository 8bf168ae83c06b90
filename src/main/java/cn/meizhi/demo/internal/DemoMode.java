package cn.meizhi.demo.internal;

import cn.meizhi.system.EmbeddedDatabaseAutoConfiguration;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Demo mode is on when {@code meizhi.demo.enabled=true}, or when the {@code demo} profile
 * is active, or by default on the embedded database; {@code meizhi.demo.enabled=false}
 * always turns it off.
 */
class DemoMode extends SpringBootCondition {

	static boolean isOn(Environment environment) {
		return EmbeddedDatabaseAutoConfiguration.demoMode(environment);
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return isOn(context.getEnvironment()) ? ConditionOutcome.match("demo mode")
				: ConditionOutcome.noMatch("no demo mode");
	}

}
