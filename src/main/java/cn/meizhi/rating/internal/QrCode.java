package cn.meizhi.rating.internal;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code as a square of modules, drawn by whoever needs it (the PDF as filled squares,
 * the page as one SVG path). Error correction M survives a creased or slightly stained
 * printout.
 */
final class QrCode {

	private final BitMatrix modules;

	private QrCode(BitMatrix modules) {
		this.modules = modules;
	}

	static QrCode of(String text) {
		try {
			return new QrCode(
					new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.ERROR_CORRECTION,
							ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0, EncodeHintType.CHARACTER_SET, "UTF-8")));
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("Cannot encode as a QR code: " + text, ex);
		}
	}

	/** Modules per side. */
	int size() {
		return modules.getWidth();
	}

	boolean dark(int x, int y) {
		return modules.get(x, y);
	}

	/** An SVG path (one unit per module) of the dark modules, row runs merged. */
	String svgPath() {
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < size(); y++) {
			int x = 0;
			while (x < size()) {
				if (!dark(x, y)) {
					x++;
					continue;
				}
				int start = x;
				while (x < size() && dark(x, y)) {
					x++;
				}
				path.append('M')
					.append(start)
					.append(' ')
					.append(y)
					.append('h')
					.append(x - start)
					.append("v1h-")
					.append(x - start)
					.append('z');
			}
		}
		return path.toString();
	}

}
