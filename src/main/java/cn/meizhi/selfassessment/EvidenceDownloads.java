package cn.meizhi.selfassessment;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Evidence is always downloaded as an attachment, never shown inline, with sniffing
 * switched off.
 */
final class EvidenceDownloads {

	private EvidenceDownloads() {
	}

	static ResponseEntity<byte[]> response(SelfAssessments.Download download) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(download.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(download.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(download.content());
	}

}
