package cn.meizhi.selfassessment;

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
 * An evidence file's description; its bytes live in {@link EvidenceContent} and are read
 * only for a download.
 */
@Entity
@Table(name = "evidence_file")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class EvidenceFile {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long selfAssessmentId;

	private Long indicatorId;

	private String fileName;

	private String contentType;

	private long sizeBytes;

	private String sha256;

	private Instant uploadedAt;

	private String uploadedBy;

	private Long storedEvidenceId;

	EvidenceFile(long selfAssessmentId, long indicatorId, StoredEvidence stored, String by, Instant now) {
		this.selfAssessmentId = selfAssessmentId;
		this.indicatorId = indicatorId;
		this.fileName = stored.fileName();
		this.contentType = stored.contentType();
		this.sizeBytes = stored.sizeBytes();
		this.sha256 = stored.sha256();
		this.storedEvidenceId = stored.id();
		this.uploadedBy = by;
		this.uploadedAt = now;
	}

}
