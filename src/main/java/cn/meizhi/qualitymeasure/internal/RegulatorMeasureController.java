package cn.meizhi.qualitymeasure.internal;

import java.io.IOException;
import java.util.List;

import cn.meizhi.qualitymeasure.MeasureSets;
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
 * The quality-control centre keeps the measure sets: import a draft from JSON, read it,
 * publish it, retire the published one, export any version.
 */
@Controller
@RequestMapping("/regulator/quality-measures")
class RegulatorMeasureController {

	private final MeasureSets sets;

	RegulatorMeasureController(MeasureSets sets) {
		this.sets = sets;
	}

	@GetMapping
	String versions(CurrentUser user, Model model) {
		model.addAttribute("versions", sets.versions(user));
		return "qualitymeasure/versions";
	}

	@PostMapping("/import")
	String importJson(CurrentUser user, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			model.addAttribute("problems", List.of("measureSet.import.noFile|"));
			return versions(user, model);
		}
		var result = sets.importJson(user, file.getInputStream());
		if (!result.succeeded()) {
			model.addAttribute("problems", result.problems());
			return versions(user, model);
		}
		redirect.addFlashAttribute("message", "measureSet.imported");
		return "redirect:/regulator/quality-measures/" + result.set().getId();
	}

	@GetMapping("/{id}")
	String version(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("set", sets.version(user, id));
		model.addAttribute("measures", sets.measures(id));
		return "qualitymeasure/version";
	}

	@PostMapping("/{id}/publish")
	String publish(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		return FormSteps.act(redirect, "/regulator/quality-measures/" + id, "measureSet.published",
				() -> sets.publish(user, id));
	}

	@PostMapping("/{id}/retire")
	String retire(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		return FormSteps.act(redirect, "/regulator/quality-measures/" + id, "measureSet.retired",
				() -> sets.retire(user, id));
	}

	@GetMapping("/{id}/export.json")
	ResponseEntity<byte[]> export(CurrentUser user, @PathVariable long id) {
		return Attachments.response("quality-measures-" + id + ".json", "application/json",
				MeasureSets.toJson(sets.export(user, id)));
	}

}
