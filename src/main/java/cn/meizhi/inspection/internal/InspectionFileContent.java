package cn.meizhi.inspection.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

@Entity
@Table(name = "inspection_file_content")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class InspectionFileContent {

	@Id
	@Column(name = "inspection_file_id")
	private Long inspectionFileId;

	private byte[] content;

	public InspectionFileContent(long inspectionFileId, byte[] content) {
		this.inspectionFileId = inspectionFileId;
		this.content = content;
	}

}
