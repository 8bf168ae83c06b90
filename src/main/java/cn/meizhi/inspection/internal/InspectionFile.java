package cn.meizhi.inspection.internal;

import java.time.Instant;

import cn.meizhi.evidence.EvidenceStore.StoredEvidence;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * A photo or document of an inspection (per indicator) or of a corrective action's
 * answer.
 */
@Entity
@Table(name = "inspection_file")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class InspectionFile {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long inspectionId;

	private Long indicatorId;

	private Long correctiveActionId;

	private String fileName;

	private String contentType;

	private long sizeBytes;

	private String sha256;

	private Instant uploadedAt;

	private String uploadedBy;

	private Long storedEvidenceId;

	public InspectionFile(Long inspectionId, Long indicatorId, Long correctiveActionId, StoredEvidence stored,
			String by, Instant now) {
		this.inspectionId = inspectionId;
		this.indicatorId = indicatorId;
		this.correctiveActionId = correctiveActionId;
		this.fileName = stored.fileName();
		this.contentType = stored.contentType();
		this.sizeBytes = stored.sizeBytes();
		this.sha256 = stored.sha256();
		this.storedEvidenceId = stored.id();
		this.uploadedBy = by;
		this.uploadedAt = now;
	}

}
