package cn.meizhi.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Decides what an uploaded file really is from its bytes — never from its name or the
 * browser's claim — and accepts only the kinds of evidence regulators read: PDF, JPEG,
 * PNG, Word (DOCX) and Excel (XLSX).
 */
public final class EvidenceFiles {

	/** A kind of evidence file: its content type and the extension a download gets. */
	public enum Kind {

		PDF("application/pdf", "pdf"), JPEG("image/jpeg", "jpg"), PNG("image/png", "png"),
		DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
		XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

		public final String contentType;

		public final String extension;

		Kind(String contentType, String extension) {
			this.contentType = contentType;
			this.extension = extension;
		}

	}

	/**
	 * A file as someone uploaded it: the name their browser gave and the bytes (what it
	 * is, is decided from the bytes).
	 */
	public record Upload(String originalName, byte[] bytes) {
	}

	/**
	 * A stored file going back out: its safe name, its checked content type, its bytes.
	 */
	public record Download(String fileName, String contentType, byte[] content) {
	}

	public static final long MAX_BYTES = 10L * 1024 * 1024;

	public static final int MAX_FILES_PER_INDICATOR = 10;

	private static final byte[] PDF = { '%', 'P', 'D', 'F', '-' };

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private EvidenceFiles() {
	}

	public static Optional<Kind> kindOf(byte[] content) {
		if (startsWith(content, PDF)) {
			return Optional.of(Kind.PDF);
		}
		if (startsWith(content, PNG)) {
			return Optional.of(Kind.PNG);
		}
		if (startsWith(content, JPEG)) {
			return Optional.of(Kind.JPEG);
		}
		if (startsWith(content, ZIP)) {
			return officeKind(content);
		}
		return Optional.empty();
	}

	/**
	 * A DOCX or XLSX is a zip with the Office Open XML parts; any other zip is refused.
	 */
	private static Optional<Kind> officeKind(byte[] content) {
		boolean contentTypes = false;
		Kind kind = null;
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			ZipEntry entry;
			int entries = 0;
			while ((entry = zip.getNextEntry()) != null && entries++ < 10_000) {
				String name = entry.getName();
				if (name.equals("[Content_Types].xml")) {
					contentTypes = true;
				}
				else if (name.equals("word/document.xml")) {
					kind = Kind.DOCX;
				}
				else if (name.equals("xl/workbook.xml")) {
					kind = Kind.XLSX;
				}
				else if (name.endsWith(".exe") || name.endsWith(".js") || name.endsWith(".bat")
						|| name.contains("..")) {
					return Optional.empty();
				}
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			return Optional.empty();
		}
		return contentTypes ? Optional.ofNullable(kind) : Optional.empty();
	}

	/**
	 * A safe file name for a download: no path, no control characters, the extension of
	 * what it is.
	 */
	public static String safeName(String original, Kind kind) {
		String name = original == null ? "" : original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>:|?*]", "_").strip();
		int dot = name.lastIndexOf('.');
		String base = dot > 0 ? name.substring(0, dot) : name;
		if (base.isBlank()) {
			base = "evidence";
		}
		if (base.length() > 200) {
			base = base.substring(0, 200);
		}
		return base + "." + kind.extension;
	}

	/** The hex SHA-256 of some bytes, to identify a file in snapshots. */
	public static String sha256(byte[] bytes) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		if (content.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (content[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
