package cn.meizhi.standard;

import java.time.Instant;
import java.util.List;

import cn.meizhi.shared.Actor;
import cn.meizhi.shared.AuditableEvent;
import cn.meizhi.shared.FieldChange;

/**
 * Something happened to a standard version: created, changed, published, retired,
 * imported. The region is the author's jurisdiction, so the regulators above it see the
 * change in their audit trail.
 */
public record StandardVersionChanged(String action, long versionId, String summary, String regionCode,
		List<FieldChange> changes, Actor actor, Instant occurredAt) implements AuditableEvent {

	@Override
	public String objectType() {
		return "StandardVersion";
	}

	@Override
	public String objectId() {
		return String.valueOf(versionId);
	}

}
