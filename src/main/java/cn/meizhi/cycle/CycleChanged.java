package cn.meizhi.cycle;

import java.time.Instant;
import java.util.List;

import cn.meizhi.shared.Actor;
import cn.meizhi.shared.AuditableEvent;
import cn.meizhi.shared.FieldChange;

/**
 * Something happened to a cycle: created, status moved, window changed, enrolment
 * changed.
 */
public record CycleChanged(String action, long cycleId, String summary, String regionCode, List<FieldChange> changes,
		Actor actor, Instant occurredAt) implements AuditableEvent {

	@Override
	public String objectType() {
		return "EvaluationCycle";
	}

	@Override
	public String objectId() {
		return String.valueOf(cycleId);
	}

}
