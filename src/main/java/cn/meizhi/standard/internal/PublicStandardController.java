package cn.meizhi.standard.internal;

import java.nio.charset.StandardCharsets;

import cn.meizhi.standard.StandardManagement;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Anyone may read the published and retired versions of every standard: which criteria a
 * rating was judged by, and how stars are given.
 */
@Controller
class PublicStandardController {

	private final cn.meizhi.standard.Consultations consultations;

	private final StandardManagement standards;

	PublicStandardController(StandardManagement standards, cn.meizhi.standard.Consultations consultations) {
		this.consultations = consultations;
		this.standards = standards;
	}

	@GetMapping("/standards")
	String list(Model model) {
		model.addAttribute("versions", standards.publicVersions());
		return "standard/publicList";
	}

	@GetMapping("/standards/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("version", standards.publicVersion(id));
		model.addAttribute("consultation", consultations.of(id).orElse(null));
		return "standard/publicVersion";
	}

	@GetMapping("/standards/{id}/export.json")
	ResponseEntity<String> exportJson(@PathVariable long id) {
		return ResponseEntity.ok()
			.contentType(new MediaType("application", "json", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("standard-" + id + ".json").build().toString())
			.body(standards.exportJson(id, null));
	}

}
