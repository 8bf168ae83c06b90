package cn.meizhi.inspection;

import java.time.Instant;
import java.util.List;

import cn.meizhi.shared.Actor;
import cn.meizhi.shared.AuditableEvent;
import cn.meizhi.shared.FieldChange;

/**
 * Something happened to an inspection or one of its corrective actions.
 */
public record InspectionChanged(String action, String objectType, long objectKey, String summary, String regionCode,
		List<FieldChange> changes, Actor actor, Instant occurredAt) implements AuditableEvent {

	@Override
	public String objectId() {
		return String.valueOf(objectKey);
	}

}
