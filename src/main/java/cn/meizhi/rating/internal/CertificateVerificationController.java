package cn.meizhi.rating.internal;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Public certificate verification: the page a certificate's QR code opens, and a form to
 * type a number into. No sign-in; nothing but what the certificate itself states is
 * shown.
 */
@Controller
class CertificateVerificationController {

	/** {@code MZ-<6-digit region>-<year>-<6-digit sequence>}. */
	static final Pattern CERTIFICATE_NO = Pattern.compile("MZ-\\d{6}-\\d{4}-\\d{6}");

	private final Certificates certificates;

	CertificateVerificationController(Certificates certificates) {
		this.certificates = certificates;
	}

	@GetMapping("/verify")
	String form(@RequestParam(name = "certificateNo", required = false) String typed, Model model) {
		if (typed == null || typed.isBlank()) {
			return "rating/verify";
		}
		String certificateNo = Certificates.canonicalCertificateNo(typed);
		if (!CERTIFICATE_NO.matcher(certificateNo).matches()) {
			model.addAttribute("certificateNo", typed);
			model.addAttribute("formatError", true);
			return "rating/verify";
		}
		return "redirect:/verify/" + certificateNo;
	}

	@GetMapping("/verify/{certificateNo}")
	String verify(@PathVariable String certificateNo, Model model, HttpServletResponse response) {
		model.addAttribute("certificateNo", certificateNo);
		model.addAttribute("checked", true);
		certificates.verify(certificateNo)
			.ifPresentOrElse(check -> model.addAttribute("check", check),
					() -> response.setStatus(HttpServletResponse.SC_NOT_FOUND));
		return "rating/verify";
	}

}
