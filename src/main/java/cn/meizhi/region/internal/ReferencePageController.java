package cn.meizhi.region.internal;

import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The benchmark's floor: 12 rows of one small table (regions) through the same stack as
 * every page (security filters, one query, the layout template). Other pages are measured
 * as a share of what this one reaches on the same machine (see
 * {@code docs/performance.md}). Only with the {@code bench} profile (bench/run.sh turns
 * it on): the production portal has no such page.
 */
@Controller
@Profile("bench")
class ReferencePageController {

	private final JdbcClient jdbc;

	ReferencePageController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Row(String code, String name, String nameEn) {
	}

	@GetMapping("/reference")
	String reference(Model model) {
		List<Row> rows = jdbc.sql("select code, name, name_en from region order by code limit 12")
			.query(Row.class)
			.list();
		model.addAttribute("rows", rows);
		return "reference";
	}

}
