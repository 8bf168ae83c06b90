package cn.meizhi.procedure.internal;

import java.io.IOException;

import cn.meizhi.procedure.ProcedureCatalogue;
import cn.meizhi.shared.Attachments;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormSteps;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Regulators (and administrators) keep the procedure catalogue: import a draft from JSON,
 * read it, publish it, retire the published one, export any version.
 */
@Controller
@RequestMapping("/regulator/procedures")
class RegulatorCatalogueController {

	private final ProcedureCatalogue catalogue;

	RegulatorCatalogueController(ProcedureCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping
	String versions(CurrentUser user, Model model) {
		model.addAttribute("versions", catalogue.versions(user));
		return "procedure/versions";
	}

	@PostMapping("/import")
	String importJson(CurrentUser user, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			model.addAttribute("problems", java.util.List.of("catalogue.import.noFile|"));
			return versions(user, model);
		}
		var result = catalogue.importJson(user, file.getInputStream());
		if (!result.succeeded()) {
			model.addAttribute("problems", result.problems());
			return versions(user, model);
		}
		redirect.addFlashAttribute("message", "catalogue.imported");
		return "redirect:/regulator/procedures/" + result.version().getId();
	}

	@GetMapping("/{id}")
	String version(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("version", catalogue.version(user, id));
		model.addAttribute("procedures", catalogue.procedures(id));
		model.addAttribute("rules", catalogue.rules(id));
		return "procedure/version";
	}

	@PostMapping("/{id}/publish")
	String publish(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		return FormSteps.act(redirect, "/regulator/procedures/" + id, "catalogue.published",
				() -> catalogue.publish(user, id));
	}

	@PostMapping("/{id}/retire")
	String retire(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		return FormSteps.act(redirect, "/regulator/procedures/" + id, "catalogue.retired",
				() -> catalogue.retire(user, id));
	}

	@GetMapping("/{id}/export.json")
	ResponseEntity<byte[]> export(CurrentUser user, @PathVariable long id) {
		return Attachments.response("procedure-catalogue-" + id + ".json", "application/json",
				ProcedureCatalogue.toJson(catalogue.export(user, id)));
	}

}
