package cn.meizhi.rating.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The CJK TrueType font embedded (as a subset) in certificate PDFs, so that the
 * institution's Chinese name renders the same in every PDF viewer. It is
 * {@code meizhi.certificates.font} when set, otherwise the first of the usual places a
 * Chinese TrueType font is installed (Debian's fonts-wqy-microhei, fonts-wqy-zenhei,
 * fonts-droid-fallback, fonts-arphic-uming; Windows' SimHei and SimSun; macOS). A
 * TrueType collection (.ttc) contributes its first font. Fonts with CFF outlines (most
 * .otf files) cannot be embedded by PDFBox and are not looked for.
 */
@Component
public class CertificateFont {

	private static final Logger log = LoggerFactory.getLogger(CertificateFont.class);

	static final List<String> USUAL_PLACES = List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
			"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
			"/usr/share/fonts/truetype/arphic/uming.ttc", "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
			"C:/Windows/Fonts/simhei.ttf", "C:/Windows/Fonts/simsun.ttc", "/System/Library/Fonts/STHeiti Light.ttc",
			"/Library/Fonts/Arial Unicode.ttf", "/System/Library/Fonts/Supplemental/Arial Unicode.ttf");

	private final String configured;

	private final AtomicReference<TrueTypeFont> font = new AtomicReference<>();

	public CertificateFont(@Value("${meizhi.certificates.font:}") String configured) {
		this.configured = configured;
	}

	/** The font file in use, if there is one. */
	Optional<File> file() {
		if (StringUtils.hasText(configured)) {
			File file = new File(configured);
			return file.isFile() ? Optional.of(file) : Optional.empty();
		}
		return USUAL_PLACES.stream().map(File::new).filter(File::isFile).findFirst();
	}

	public boolean available() {
		return file().isPresent();
	}

	/**
	 * The parsed font, loaded once. Fontbox fonts read their file lazily and are not
	 * thread-safe: callers hold this object's monitor while they use it.
	 */
	TrueTypeFont load() {
		TrueTypeFont loaded = font.get();
		if (loaded != null) {
			return loaded;
		}
		File file = file().orElseThrow(() -> new IllegalStateException(
				"No CJK TrueType font for certificate PDFs: install fonts-wqy-microhei or set meizhi.certificates.font"));
		try {
			TrueTypeFont parsed;
			if (file.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
				AtomicReference<TrueTypeFont> first = new AtomicReference<>();
				new TrueTypeCollection(file).processAllFonts(candidate -> first.compareAndSet(null, candidate));
				parsed = first.get();
			}
			else {
				parsed = new TTFParser().parse(new RandomAccessReadBufferedFile(file));
			}
			log.info("Certificate PDFs embed {} from {}", parsed.getName(), file);
			font.compareAndSet(null, parsed);
			return font.get();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the certificate font " + file, ex);
		}
	}

}
