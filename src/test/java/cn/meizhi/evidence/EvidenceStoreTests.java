package cn.meizhi.evidence;

import java.nio.charset.StandardCharsets;

import cn.meizhi.evidence.EvidenceStore.Refusal;
import cn.meizhi.evidence.EvidenceStore.StoredEvidence;
import cn.meizhi.shared.EvidenceFiles;
import cn.meizhi.shared.EvidenceFiles.Upload;
import cn.meizhi.shared.NotFoundException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * One store and one content check for every module's evidence: what a file is comes from
 * its bytes, the download gets the extension of what it is, and a refused file is never
 * stored.
 */
@SpringBootTest
class EvidenceStoreTests {

	private static final byte[] PDF = "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	EvidenceStore store;

	@Test
	void aPdfIsStoredUnderTheNameOfWhatItIsAndReadBackAndForgotten() {
		StoredEvidence stored = store.store(new Upload("消毒记录.exe", PDF));

		assertThat(stored.fileName()).isEqualTo("消毒记录.pdf");
		assertThat(stored.contentType()).isEqualTo("application/pdf");
		assertThat(stored.sizeBytes()).isEqualTo(PDF.length);
		assertThat(stored.sha256()).isEqualTo(EvidenceFiles.sha256(PDF));
		assertThat(store.content(stored.id())).isEqualTo(PDF);

		store.delete(stored.id());
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> store.content(stored.id()));
	}

	@Test
	void anEmptyAnOversizedOrAnUnknownFileIsRefusedWithItsReasonAndNeverStored() {
		assertThat(store.refusalOf(new Upload("a.pdf", new byte[0]))).map(Refusal::messageKey)
			.contains("evidence.empty");
		byte[] large = new byte[(int) EvidenceFiles.MAX_BYTES + 1];
		System.arraycopy(PDF, 0, large, 0, PDF.length);
		assertThat(store.refusalOf(new Upload("big.pdf", large))).map(Refusal::messageKey)
			.contains("evidence.tooLarge");
		Upload script = new Upload("report.pdf", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
		assertThat(store.refusalOf(script)).map(Refusal::messageKey).contains("evidence.typeRefused");
		assertThatIllegalArgumentException().isThrownBy(() -> store.store(script));
		assertThat(store.refusalOf(new Upload("ok.pdf", PDF))).isEmpty();
	}

}
