package cn.meizhi.practitioner.internal;

import java.util.List;

import cn.meizhi.practitioner.PractitionerRegister;
import cn.meizhi.practitioner.PractitionerRegister.PublicPractitioner;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The public's look-up of 美容主诊医师 by name or licence number: specialties, institutions and
 * status; nothing private.
 */
@Controller
@Tag(name = "Practitioners", description = "The register of 美容主诊医师: specialties, institutions, status")
class PublicPractitionerController {

	private final PractitionerRegister register;

	PublicPractitionerController(PractitionerRegister register) {
		this.register = register;
	}

	@GetMapping("/practitioners")
	String search(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("found", register.publicSearch(q));
		return "practitioner/public";
	}

	@GetMapping(path = "/api/public/practitioners", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	@Operation(summary = "Practitioners by name fragment or exact licence number (at most 50)")
	PractitionersResponse api(@RequestParam(required = false) String q) {
		return new PractitionersResponse(register.publicSearch(q));
	}

	/** {@code {"practitioners": [...]}}. */
	record PractitionersResponse(List<PublicPractitioner> practitioners) {
	}

}
