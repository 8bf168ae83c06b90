package cn.meizhi.rating.internal;

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

/** A file of evidence filed with an appeal; its bytes live in {@link Content}. */
@Entity
@Table(name = "appeal_file")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class AppealFile {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long appealId;

	private String fileName;

	private String contentType;

	private long sizeBytes;

	private String sha256;

	private Instant uploadedAt;

	private String uploadedBy;

	private Long storedEvidenceId;

	public AppealFile(long appealId, StoredEvidence stored, String by, Instant now) {
		this.appealId = appealId;
		this.fileName = stored.fileName();
		this.contentType = stored.contentType();
		this.sizeBytes = stored.sizeBytes();
		this.sha256 = stored.sha256();
		this.storedEvidenceId = stored.id();
		this.uploadedBy = by;
		this.uploadedAt = now;
	}

}
