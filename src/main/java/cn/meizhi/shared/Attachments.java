package cn.meizhi.shared;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Uploaded files going back out: always as attachments, never shown inline, never
 * sniffed, never cached by a shared cache.
 */
public final class Attachments {

	private Attachments() {
	}

	public static ResponseEntity<byte[]> response(EvidenceFiles.Download download) {
		return response(download.fileName(), download.contentType(), download.content());
	}

	public static ResponseEntity<byte[]> response(String fileName, String contentType, byte[] content) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(contentType))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(content);
	}

}
