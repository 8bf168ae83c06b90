package cn.meizhi.evidence.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** One stored evidence file: what it is, its size and hash, and its bytes. */
@Entity
@Table(name = "stored_evidence")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class StoredEvidenceBytes {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String contentType;

	private long sizeBytes;

	private String sha256;

	@Column(nullable = false)
	private byte[] content;

	private Instant storedAt;

	public StoredEvidenceBytes(String contentType, long sizeBytes, String sha256, byte[] content, Instant storedAt) {
		this.contentType = contentType;
		this.sizeBytes = sizeBytes;
		this.sha256 = sha256;
		this.content = content;
		this.storedAt = storedAt;
	}

}
