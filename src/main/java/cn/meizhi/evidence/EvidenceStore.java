package cn.meizhi.evidence;

import java.time.Clock;
import java.util.Optional;

import cn.meizhi.evidence.internal.StoredEvidenceBytes;
import cn.meizhi.evidence.internal.StoredEvidenceRepository;
import cn.meizhi.shared.EvidenceFiles;
import cn.meizhi.shared.EvidenceFiles.Upload;
import cn.meizhi.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the bytes of every evidence file, whichever module it belongs to, after one
 * content check ({@link EvidenceFiles}): not empty, at most
 * {@link EvidenceFiles#MAX_BYTES}, a PDF, JPEG, PNG, DOCX or XLSX judged by its bytes.
 * The caller asks {@link #refusalOf(Upload)} first, reports a refusal in its own form,
 * and stores the accepted files in its own transaction.
 */
@Service
@Transactional(readOnly = true)
public class EvidenceStore {

	private final StoredEvidenceRepository stored;

	private final Clock clock;

	EvidenceStore(StoredEvidenceRepository stored, Clock clock) {
		this.stored = stored;
		this.clock = clock;
	}

	/**
	 * What was stored: its id, the safe name a download gets (the original name with the
	 * extension of what the file really is), its checked content type, size and SHA-256.
	 */
	public record StoredEvidence(long id, String fileName, String contentType, long sizeBytes, String sha256) {
	}

	/** Why a file is refused: a message key and its arguments. */
	public record Refusal(String messageKey, Object... arguments) {
	}

	/** The reason this upload cannot be stored, if there is one. */
	public Optional<Refusal> refusalOf(Upload upload) {
		byte[] bytes = upload.bytes();
		if (bytes.length == 0) {
			return Optional.of(new Refusal("evidence.empty"));
		}
		if (bytes.length > EvidenceFiles.MAX_BYTES) {
			return Optional.of(new Refusal("evidence.tooLarge", EvidenceFiles.MAX_BYTES / (1024 * 1024)));
		}
		if (EvidenceFiles.kindOf(bytes).isEmpty()) {
			return Optional.of(new Refusal("evidence.typeRefused"));
		}
		return Optional.empty();
	}

	/**
	 * Stores an upload that {@link #refusalOf(Upload)} accepts.
	 * @throws IllegalArgumentException for one it refuses
	 */
	@Transactional
	public StoredEvidence store(Upload upload) {
		refusalOf(upload).ifPresent(refusal -> {
			throw new IllegalArgumentException("refused evidence: " + refusal.messageKey());
		});
		byte[] bytes = upload.bytes();
		EvidenceFiles.Kind kind = EvidenceFiles.kindOf(bytes).orElseThrow();
		String sha256 = EvidenceFiles.sha256(bytes);
		StoredEvidenceBytes row = stored
			.saveAndFlush(new StoredEvidenceBytes(kind.contentType, bytes.length, sha256, bytes, clock.instant()));
		String original = upload.originalName() == null ? "" : upload.originalName();
		return new StoredEvidence(row.getId(), EvidenceFiles.safeName(original, kind), kind.contentType, bytes.length,
				sha256);
	}

	/** A stored file's bytes. */
	public byte[] content(long id) {
		return stored.findById(id).orElseThrow(() -> new NotFoundException("StoredEvidence", id)).getContent();
	}

	/** Forgets a stored file whose owner removed it. */
	@Transactional
	public void delete(long id) {
		stored.deleteById(id);
	}

}
