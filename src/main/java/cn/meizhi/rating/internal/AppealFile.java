package cn.meizhi.rating.internal;

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

	public AppealFile(long appealId, String fileName, String contentType, long sizeBytes, String sha256, String by,
			Instant now) {
		this.appealId = appealId;
		this.fileName = fileName;
		this.contentType = contentType;
		this.sizeBytes = sizeBytes;
		this.sha256 = sha256;
		this.uploadedBy = by;
		this.uploadedAt = now;
	}

	/** The bytes of an appeal file, loaded only to download it. */
	@Entity
	@Table(name = "appeal_file_content")
	@Getter
	@NoArgsConstructor(access = AccessLevel.PROTECTED)
	public static class Content {

		@Id
		@Column(name = "appeal_file_id")
		private Long appealFileId;

		private byte[] content;

		public Content(long appealFileId, byte[] content) {
			this.appealFileId = appealFileId;
			this.content = content;
		}

	}

}
