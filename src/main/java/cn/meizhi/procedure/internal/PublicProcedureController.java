package cn.meizhi.procedure.internal;

import java.util.List;
import java.util.Locale;

import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.procedure.LevelRule;
import cn.meizhi.procedure.Procedure;
import cn.meizhi.procedure.ProcedureCatalogue;
import cn.meizhi.procedure.ProcedureCheck;
import cn.meizhi.shared.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public's questions about procedures: which procedures there are and who may perform
 * them, what one institution may perform, and whether it may perform one.
 */
@Controller
class PublicProcedureController {

	private final ProcedureCatalogue catalogue;

	private final ProcedureCheck check;

	private final InstitutionManagement institutions;

	private final ConditionWords words;

	PublicProcedureController(ProcedureCatalogue catalogue, ProcedureCheck check, InstitutionManagement institutions,
			ConditionWords words) {
		this.catalogue = catalogue;
		this.check = check;
		this.institutions = institutions;
		this.words = words;
	}

	@GetMapping("/procedures")
	String search(@RequestParam(required = false) String q, Model model) {
		var published = catalogue.published();
		model.addAttribute("q", q);
		model.addAttribute("catalogue", published.orElse(null));
		model.addAttribute("procedures", catalogue.search(q));
		return "procedure/search";
	}

	@GetMapping("/procedures/{code}")
	String procedure(@PathVariable String code, @RequestParam(required = false) String q, Model model) {
		Procedure procedure = catalogue.publishedProcedure(code)
			.orElseThrow(() -> new NotFoundException("Procedure", code));
		model.addAttribute("procedure", procedure);
		model.addAttribute("performers", performers(procedure));
		model.addAttribute("q", q);
		model.addAttribute("matches", q == null || q.isBlank() ? List.of() : institutions.lookupByName(q, 20));
		return "procedure/detail";
	}

	@GetMapping("/institutions/{id}/procedures")
	String permitted(@PathVariable long id, Model model) {
		var institution = institutions.publicProfile(id).orElseThrow(() -> new NotFoundException("Institution", id));
		model.addAttribute("institution", institution);
		model.addAttribute("permitted", check.permitted(id));
		model.addAttribute("catalogue", catalogue.published().orElse(null));
		return "procedure/institution";
	}

	@GetMapping("/check")
	String check(@RequestParam long institution, @RequestParam String procedure, Locale locale, Model model) {
		var judgement = check.check(institution, procedure)
			.orElseThrow(() -> new NotFoundException("Check", institution + "/" + procedure));
		model.addAttribute("judgement", judgement);
		model.addAttribute("reasons",
				judgement.verdict().conditions().stream().map(c -> new Reason(c.met(), words.of(c, locale))).toList());
		return "procedure/check";
	}

	/** A reason in words and whether it holds (null: to be checked). */
	record Reason(Boolean met, String text) {
	}

	/** The kinds of institution whose rule reaches the procedure's level. */
	private List<LevelRule> performers(Procedure procedure) {
		long catalogueId = procedure.getCatalogueId();
		return catalogue.rules(catalogueId)
			.stream()
			.filter(rule -> !procedure.isSurgical() || rule.getMaxLevel() >= procedure.getLevel())
			.toList();
	}

}
