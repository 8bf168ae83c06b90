package cn.meizhi.complaint.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A file a complainant attached; its bytes are in the evidence store. */
@Entity
@Table(name = "complaint_file")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ComplaintFile {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long complaintId;

	private Long storedEvidenceId;

	private String fileName;

	private String contentType;

	private long sizeBytes;

	private Instant uploadedAt;

	public ComplaintFile(long complaintId, long storedEvidenceId, String fileName, String contentType, long sizeBytes,
			Instant uploadedAt) {
		this.complaintId = complaintId;
		this.storedEvidenceId = storedEvidenceId;
		this.fileName = fileName;
		this.contentType = contentType;
		this.sizeBytes = sizeBytes;
		this.uploadedAt = uploadedAt;
	}

}
