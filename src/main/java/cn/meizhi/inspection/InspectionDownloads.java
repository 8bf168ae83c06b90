package cn.meizhi.inspection;

import cn.meizhi.shared.Attachments;

import org.springframework.http.ResponseEntity;

/**
 * Inspection files are always attachments, never shown inline, never sniffed.
 */
final class InspectionDownloads {

	private InspectionDownloads() {
	}

	static ResponseEntity<byte[]> response(Inspections.Download download) {
		return Attachments.response(download.fileName(), download.contentType(), download.content());
	}

}
