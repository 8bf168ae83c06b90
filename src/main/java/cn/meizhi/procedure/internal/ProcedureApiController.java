package cn.meizhi.procedure.internal;

import java.util.List;
import java.util.Locale;

import cn.meizhi.institution.Department;
import cn.meizhi.procedure.Procedure;
import cn.meizhi.procedure.ProcedureCatalogue;
import cn.meizhi.procedure.ProcedureCheck;
import cn.meizhi.shared.InstitutionType;
import cn.meizhi.shared.NotFoundException;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The procedure catalogue and the check as open data. */
@RestController
@Tag(name = "Procedures", description = "Which procedures exist, who may perform them, and may an institution")
class ProcedureApiController {

	private final ProcedureCatalogue catalogue;

	private final ProcedureCheck check;

	private final ConditionWords words;

	ProcedureApiController(ProcedureCatalogue catalogue, ProcedureCheck check, ConditionWords words) {
		this.catalogue = catalogue;
		this.check = check;
		this.words = words;
	}

	@GetMapping(path = "/api/public/procedures", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Procedures of the published catalogue whose name, code or another name holds q",
			description = "level is 1–4 for a surgical procedure and absent for the others; performedBy lists the "
					+ "institution types (and grades) whose rule reaches the level.")
	ProceduresResponse procedures(@RequestParam(required = false) String q) {
		return new ProceduresResponse(catalogue.search(q).stream().map(this::response).toList());
	}

	@GetMapping(path = "/api/public/check", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "May this institution perform this procedure? YES, NO or CONDITIONAL, with the reasons",
			description = "A reason's met is true, false, or absent when the consumer must check it (the practitioner).")
	CheckResponse check(@RequestParam long institution, @RequestParam String procedure, Locale locale) {
		var judgement = check.check(institution, procedure)
			.orElseThrow(() -> new NotFoundException("Check", institution + "/" + procedure));
		return new CheckResponse(judgement.institution().getId(), judgement.institution().getName(),
				response(judgement.procedure()), judgement.verdict().answer(),
				judgement.verdict()
					.conditions()
					.stream()
					.map(c -> new ReasonResponse(c.key(), c.met(), c.legal(), words.of(c, locale)))
					.toList());
	}

	private ProcedureResponse response(Procedure p) {
		return new ProcedureResponse(p.getCode(), p.getName(), p.getAliasList(), p.getSpecialty(), p.getLevel(),
				catalogue.rules(p.getCatalogueId())
					.stream()
					.filter(r -> !p.isSurgical() || r.getMaxLevel() >= p.getLevel())
					.map(r -> new Performer(r.getInstitutionType(),
							r.getHospitalGrade() == null ? null : r.getHospitalGrade().name(), r.getMaxLevel()))
					.toList());
	}

	/** {@code {"procedures": [...]}}: empty when no catalogue is published. */
	record ProceduresResponse(List<ProcedureResponse> procedures) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ProcedureResponse(String code, String name, List<String> aliases, Department specialty, Integer level,
			List<Performer> performedBy) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Performer(InstitutionType type, String grade, int maxLevel) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CheckResponse(long institutionId, String institutionName, ProcedureResponse procedure,
			ProcedureCheck.Answer answer, List<ReasonResponse> reasons) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ReasonResponse(String key, Boolean met, boolean legal, String text) {
	}

}
