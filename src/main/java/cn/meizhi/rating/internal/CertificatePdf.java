package cn.meizhi.rating.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import cn.meizhi.rating.StarsChange;
import cn.meizhi.region.Regions;
import cn.meizhi.shared.Formats;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import org.springframework.stereotype.Component;

/**
 * Draws a certificate as a one-page A4 landscape PDF, in Chinese with English beneath,
 * with the CJK font embedded as a subset (so text extracts as the same characters) and a
 * vector QR code that opens the certificate's verification page.
 */
@Component
class CertificatePdf {

	private static final Color INK = new Color(0x1f, 0x2a, 0x44);

	private static final Color MUTED = new Color(0x55, 0x5f, 0x6d);

	private static final Color GOLD = new Color(0xb8, 0x86, 0x0b);

	private static final String[] STAR_WORDS = { "零", "一", "二", "三", "四", "五" };

	private final CertificateFont certificateFont;

	private final Regions regions;

	private final Formats formats;

	private final CertificateIssuers issuers;

	CertificatePdf(CertificateFont certificateFont, Regions regions, Formats formats, CertificateIssuers issuers) {
		this.issuers = issuers;
		this.certificateFont = certificateFont;
		this.regions = regions;
		this.formats = formats;
	}

	boolean available() {
		return certificateFont.available();
	}

	byte[] render(Certificate certificate, String verifyUrl) {
		// the shared font is read lazily and is not thread-safe
		synchronized (certificateFont) {
			try (PDDocument document = new PDDocument()) {
				PDPage page = new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
				document.addPage(page);
				PDFont font = PDType0Font.load(document, certificateFont.load(), true);
				describe(document, certificate);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					new Drawing(content, font, page.getMediaBox()).draw(certificate, verifyUrl);
				}
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				document.save(out);
				return out.toByteArray();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot draw certificate " + certificate.certificateNo(), ex);
			}
		}
	}

	private void describe(PDDocument document, Certificate certificate) {
		PDDocumentInformation info = document.getDocumentInformation();
		info.setTitle("医疗美容机构质量星级证书 " + certificate.certificateNo());
		info.setSubject(certificate.institutionName());
		info.setAuthor("美质 Meizhi");
		info.setCreator("Meizhi");
		Calendar approved = new GregorianCalendar(TimeZone.getTimeZone(formats.zone()));
		approved.clear();
		approved.set(certificate.approvedOn().getYear(), certificate.approvedOn().getMonthValue() - 1,
				certificate.approvedOn().getDayOfMonth());
		info.setCreationDate(approved);
	}

	/** One page being drawn. */
	private final class Drawing {

		private final PDPageContentStream content;

		private final PDFont font;

		private final float width;

		private final float height;

		Drawing(PDPageContentStream content, PDFont font, PDRectangle box) {
			this.content = content;
			this.font = font;
			this.width = box.getWidth();
			this.height = box.getHeight();
		}

		void draw(Certificate c, String verifyUrl) throws IOException {
			frame();
			centred("医疗美容机构质量星级证书", 30, height - 92, INK);
			centred("Medical Aesthetics Quality Star Rating Certificate", 13, height - 114, MUTED);
			centred("兹证明 / This is to certify that", 12, height - 150, MUTED);
			centred(c.institutionName(), fitting(c.institutionName(), 26, width - 160), height - 188, INK);
			centred("统一社会信用代码 Unified social credit code: " + c.creditCode(), 11, height - 212, MUTED);
			centred(regions.path(c.regionCode(), java.util.Locale.SIMPLIFIED_CHINESE), 11, height - 228, MUTED);
			stars(c.stars(), height - 292);
			centred("获评" + STAR_WORDS[c.stars()] + "星级 / awarded " + c.stars() + (c.stars() == 1 ? " star" : " stars"),
					16, height - 322, INK);
			centred("评价标准 Standard: " + c.standardName() + " " + c.standardVersion() + "   评审总分 Total: "
					+ c.total().toPlainString(), 11, height - 346, MUTED);
			if (c.starsChange() != null) {
				String change = c.starsChange().kind() == StarsChange.Kind.APPEAL
						? "评定结果经申诉复核调整（规则计算为 " + c.starsChange().computedStars() + " 星）/ changed on review of an appeal"
						: "星级经评审组长人工调整（规则计算为 " + c.starsChange().computedStars()
								+ " 星）/ overridden by the lead assessor";
				centred(change, fitting(change, 10, width - 160), height - 364, MUTED);
			}

			float left = 80;
			float y = 150;
			text("证书编号 Certificate No.", 10, left, y, MUTED);
			text(c.certificateNo(), 16, left, y - 20, INK);
			text("有效期 Valid", 10, left, y - 46, MUTED);
			text(formats.date(c.validFrom()) + " 至 to " + formats.date(c.validUntil()), 13, left, y - 64, INK);
			text("批准日期 Approved on " + formats.date(c.approvedOn()), 10, left, y - 86, MUTED);
			String issuer = issuers.name(c.regionCode());
			String issuerEn = issuers.name(c.regionCode(), java.util.Locale.ENGLISH);
			text("发证机关 Issued by", 10, left, y + 40, MUTED);
			text(issuer.equals(issuerEn) ? issuer : issuer + "  " + issuerEn, 12, left, y + 24, INK);

			float qrSize = 104;
			float qrX = width - 80 - qrSize;
			float qrY = 74;
			qr(QrCode.of(verifyUrl), qrX, qrY, qrSize);
			centredAt("扫码查验 Scan to verify", 9, qrX + qrSize / 2, qrY - 14, MUTED);

			centred("美质 · 医疗美容质量控制登记平台   Meizhi medical aesthetics quality registry", 9, 58, MUTED);
			String notice = "证书是否有效以查验结果为准 / The verification page states whether this certificate is valid today: "
					+ verifyUrl;
			centred(notice, fitting(notice, 8, width - 100), 44, MUTED);
		}

		private void frame() throws IOException {
			content.setStrokingColor(GOLD);
			content.setLineWidth(3);
			content.addRect(24, 24, width - 48, height - 48);
			content.stroke();
			content.setLineWidth(0.8f);
			content.addRect(32, 32, width - 64, height - 64);
			content.stroke();
		}

		private void stars(int count, float baseline) throws IOException {
			float radius = 18;
			float gap = 12;
			float start = width / 2 - (5 * 2 * radius + 4 * gap) / 2 + radius;
			for (int i = 0; i < 5; i++) {
				star(start + i * (2 * radius + gap), baseline + radius, radius);
				if (i < count) {
					content.setNonStrokingColor(GOLD);
					content.fill();
				}
				else {
					content.setStrokingColor(GOLD);
					content.setLineWidth(1.2f);
					content.stroke();
				}
			}
		}

		private void star(float cx, float cy, float outer) throws IOException {
			float inner = outer * 0.4f;
			for (int point = 0; point < 10; point++) {
				double angle = Math.PI / 2 + point * Math.PI / 5;
				float r = point % 2 == 0 ? outer : inner;
				float x = cx + (float) (r * Math.cos(angle));
				float y = cy + (float) (r * Math.sin(angle));
				if (point == 0) {
					content.moveTo(x, y);
				}
				else {
					content.lineTo(x, y);
				}
			}
			content.closePath();
		}

		private void qr(QrCode code, float x, float y, float size) throws IOException {
			float module = size / code.size();
			content.setNonStrokingColor(Color.BLACK);
			for (int row = 0; row < code.size(); row++) {
				for (int column = 0; column < code.size(); column++) {
					if (code.dark(column, row)) {
						// rows run top down in the code and bottom up on the page; a hair
						// of overlap avoids seams
						content.addRect(x + column * module, y + size - (row + 1) * module, module + 0.05f,
								module + 0.05f);
					}
				}
			}
			content.fill();
		}

		private float fitting(String text, float size, float maxWidth) throws IOException {
			float needed = font.getStringWidth(text) / 1000 * size;
			return needed <= maxWidth ? size : size * maxWidth / needed;
		}

		private void centred(String text, float size, float y, Color color) throws IOException {
			centredAt(text, size, width / 2, y, color);
		}

		private void centredAt(String text, float size, float centre, float y, Color color) throws IOException {
			float textWidth = font.getStringWidth(text) / 1000 * size;
			text(text, size, centre - textWidth / 2, y, color);
		}

		private void text(String text, float size, float x, float y, Color color) throws IOException {
			content.beginText();
			content.setFont(font, size);
			content.setNonStrokingColor(color);
			content.newLineAtOffset(x, y);
			content.showText(text);
			content.endText();
		}

	}

}
