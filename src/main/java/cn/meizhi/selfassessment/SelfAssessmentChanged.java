package cn.meizhi.selfassessment;

import java.time.Instant;
import java.util.List;

import cn.meizhi.shared.Actor;
import cn.meizhi.shared.AuditableEvent;
import cn.meizhi.shared.FieldChange;

/**
 * Something happened to a self-assessment: saved, evidence added or removed, submitted,
 * returned.
 */
public record SelfAssessmentChanged(String action, long selfAssessmentId, long institutionId, long cycleId,
		String summary, String regionCode, List<FieldChange> changes, Actor actor,
		Instant occurredAt) implements AuditableEvent {

	@Override
	public String objectType() {
		return "SelfAssessment";
	}

	@Override
	public String objectId() {
		return String.valueOf(selfAssessmentId);
	}

	/** A self-assessment is between the clinic and its regulator. */
	@Override
	public boolean changesPublicData() {
		return false;
	}

}
