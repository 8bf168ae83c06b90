package cn.meizhi.rating.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import cn.meizhi.shared.NotFoundException;
import cn.meizhi.shared.PublicUrl;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A certificate as the institution shows it: a printable page, a PDF and an SVG badge for
 * its own website, each with the way to check it ({@code /verify/{certificateNo}}, the QR
 * code's target). Public: they state nothing the verification page does not. The PDF is
 * only issued while the certificate is valid; the page and the badge always say plainly
 * when it is not.
 */
@Controller
class CertificateController {

	/**
	 * How long a badge may be cached: a suspension shows on clinics' websites within this
	 * time.
	 */
	static final Duration BADGE_MAX_AGE = Duration.ofMinutes(5);

	private final Certificates certificates;

	private final CertificatePdf pdf;

	private final MessageSource messages;

	private final PublicUrl publicUrl;

	private final CertificateIssuers issuers;

	CertificateController(Certificates certificates, CertificatePdf pdf, MessageSource messages, PublicUrl publicUrl,
			CertificateIssuers issuers) {
		this.issuers = issuers;
		this.certificates = certificates;
		this.pdf = pdf;
		this.messages = messages;
		this.publicUrl = publicUrl;
	}

	@GetMapping("/certificates/{certificateNo}")
	String page(@PathVariable String certificateNo, Model model, Locale locale) {
		Certificate certificate = find(certificateNo);
		String verifyUrl = verifyUrl(certificate.certificateNo());
		QrCode qr = QrCode.of(verifyUrl);
		model.addAttribute("certificate", certificate);
		model.addAttribute("issuer", issuers.name(certificate.regionCode(), locale));
		model.addAttribute("verifyUrl", verifyUrl);
		model.addAttribute("badgeUrl", base() + "/badge/" + certificate.certificateNo() + ".svg");
		model.addAttribute("qrPath", qr.svgPath());
		model.addAttribute("qrSize", qr.size());
		model.addAttribute("pdfAvailable", pdf.available());
		return "rating/certificate";
	}

	@GetMapping("/certificates/{certificateNo}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String certificateNo) {
		Certificate certificate = find(certificateNo);
		if (!certificate.valid()) {
			// no fresh copies of a certificate that no longer holds: the verification
			// page says why
			return ResponseEntity.status(HttpStatus.SEE_OTHER)
				.header("Location", verifyUrl(certificate.certificateNo()))
				.build();
		}
		if (!pdf.available()) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
				.body(messages.getMessage("certificate.pdf.noFont", null, Locale.SIMPLIFIED_CHINESE)
					.getBytes(StandardCharsets.UTF_8));
		}
		byte[] document = pdf.render(certificate, verifyUrl(certificate.certificateNo()));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(CacheControl.noCache())
			.header("Content-Disposition",
					ContentDisposition.inline().filename(certificate.certificateNo() + ".pdf").build().toString())
			.body(document);
	}

	@GetMapping(path = "/badge/{certificateNo}.svg")
	ResponseEntity<String> badge(@PathVariable String certificateNo, Locale locale) {
		var certificate = certificates.certificate(certificateNo);
		String svg = certificate.map(c -> badgeSvg(c, locale)).orElseGet(() -> unknownBadge(locale));
		return ResponseEntity.status(certificate.isPresent() ? HttpStatus.OK : HttpStatus.NOT_FOUND)
			.contentType(new MediaType("image", "svg+xml", StandardCharsets.UTF_8))
			.cacheControl(CacheControl.maxAge(BADGE_MAX_AGE).cachePublic())
			// embedded on clinics' own websites
			.header("Cross-Origin-Resource-Policy", "cross-origin")
			.body(svg);
	}

	private Certificate find(String certificateNo) {
		return certificates.certificate(certificateNo)
			.orElseThrow(() -> new NotFoundException("Certificate", certificateNo));
	}

	private String verifyUrl(String certificateNo) {
		return base() + "/verify/" + certificateNo;
	}

	private String base() {
		return publicUrl.base();
	}

	private String badgeSvg(Certificate c, Locale locale) {
		String stars = "★".repeat(c.stars()) + "☆".repeat(5 - c.stars());
		String state = c.valid() ? message("badge.validUntil", locale, c.validUntil().toString())
				: message("badge.status." + c.verdict(), locale);
		String label = message("badge.label", locale, c.stars(), c.institutionName(), c.certificateNo(), state);
		String background = c.valid() ? "#1f2a44" : "#6c1c28";
		return svg(label, background, message("badge.title", locale), stars, state);
	}

	private String unknownBadge(Locale locale) {
		String state = message("badge.unknown", locale);
		return svg(state, "#495057", message("badge.title", locale), "", state);
	}

	private static String svg(String label, String background, String title, String stars, String state) {
		return """
				<svg xmlns="http://www.w3.org/2000/svg" width="232" height="56" viewBox="0 0 232 56" role="img" aria-label="%1$s">
				<title>%1$s</title>
				<rect width="232" height="56" rx="6" fill="%2$s"/>
				<g font-family="'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif">
				<text x="12" y="22" fill="#ffffff" font-size="13" font-weight="bold">%3$s</text>
				<text x="12" y="44" fill="#f5c518" font-size="16" letter-spacing="1">%4$s</text>
				<text x="220" y="43" fill="#ffffff" font-size="11" text-anchor="end">%5$s</text>
				</g>
				</svg>
				"""
			.formatted(xml(label), background, xml(title), stars, xml(state));
	}

	private static String xml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private String message(String code, Locale locale, Object... args) {
		return messages.getMessage(code, args, locale);
	}

}
