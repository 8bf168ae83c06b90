package cn.meizhi.selfassessment.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * The bytes of an evidence file.
 */
@Entity
@Table(name = "evidence_content")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class EvidenceContent {

	@Id
	@Column(name = "evidence_file_id")
	private Long evidenceFileId;

	private byte[] content;

	public EvidenceContent(long evidenceFileId, byte[] content) {
		this.evidenceFileId = evidenceFileId;
		this.content = content;
	}

}
