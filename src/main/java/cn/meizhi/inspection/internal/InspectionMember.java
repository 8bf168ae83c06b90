package cn.meizhi.inspection.internal;

import java.time.Instant;

import cn.meizhi.inspection.Inspection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * An assessor on an inspection team. Until they declare that they have no conflict of
 * interest they see nothing of the inspection; declaring a conflict takes them off the
 * team (the row is kept).
 */
@Entity
@Table(name = "inspection_member")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class InspectionMember {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "inspection_id")
	private Inspection inspection;

	private Long assessorId;

	private boolean lead;

	private Instant declaredAt;

	private boolean conflict;

	private String declarationNote;

	private Instant removedAt;

	public InspectionMember(Inspection inspection, long assessorId, boolean lead) {
		this.inspection = inspection;
		this.assessorId = assessorId;
		this.lead = lead;
	}

	public boolean isActive() {
		return removedAt == null;
	}

	/** Declared no conflict and still on the team: may see and score. */
	public boolean isCleared() {
		return isActive() && declaredAt != null && !conflict;
	}

	public void declare(boolean conflict, String note, Instant now) {
		cn.meizhi.shared.Texts.requireMax(note, 1000, "note");
		this.declaredAt = now;
		this.conflict = conflict;
		this.declarationNote = note == null || note.isBlank() ? null : note.strip();
		if (conflict) {
			this.removedAt = now;
			this.lead = false;
		}
	}

	public void setLead(boolean lead) {
		this.lead = lead;
	}

	public void rejoin() {
		this.removedAt = null;
		this.declaredAt = null;
		this.conflict = false;
		this.declarationNote = null;
	}

}
