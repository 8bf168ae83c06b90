package cn.meizhi.audit.internal;

import java.time.LocalDate;
import java.util.Set;

import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.Paging;

import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail: regulators see their jurisdiction's, admins everything.
 */
@Controller
class AuditController {

	static final String VIEW = "audit/list";

	private static final Set<String> SORTABLE = Set.of("occurredAt", "actor", "action");

	private final AuditTrail trail;

	AuditController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping({ "/regulator/audit", "/admin/audit" })
	String list(CurrentUser user, @RequestParam(required = false) String action,
			@RequestParam(required = false) String actor, @RequestParam(required = false) String objectType,
			@RequestParam(required = false) String objectId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) String sort, Model model) {
		var filter = new AuditTrail.Filter(action, actor, objectType, objectId, from, to);
		var pageable = Paging.of(page, 50, sort, SORTABLE, Sort.by(Sort.Direction.DESC, "occurredAt", "id"));
		var entries = trail.search(user, filter, pageable);
		model.addAttribute("entries", entries);
		model.addAttribute("countCapped", entries.getTotalElements() >= AuditTrail.COUNT_CAP);
		model.addAttribute("filter", filter);
		model.addAttribute("sort", sort);
		return VIEW;
	}

}
