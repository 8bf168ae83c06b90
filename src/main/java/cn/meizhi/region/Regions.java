package cn.meizhi.region;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.meizhi.shared.Choice;
import cn.meizhi.shared.Jurisdiction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The region catalogue. Regions are reference data that change only by migration, so they
 * are read once and kept in memory. Not transactional: a page asks for a name per row
 * (and templates ask outside any transaction), and each call would have gone through the
 * transaction interceptor, or begun a transaction, for a map lookup.
 */
@Service
public class Regions {

	private final JdbcClient jdbc;

	private volatile Map<String, Region> byCode;

	Regions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Region> find(String code) {
		return Optional.ofNullable(code).map(all()::get);
	}

	public boolean exists(String code) {
		return code != null && all().containsKey(code);
	}

	/** The region's name in the locale's language, or the code itself if unknown. */
	public String name(String code, Locale locale) {
		return find(code).map(r -> r.name(locale)).orElse(code);
	}

	/** "浙江省 杭州市 上城区": the region with its ancestors, for display. */
	public String path(String code, Locale locale) {
		Optional<Region> region = find(code);
		if (region.isEmpty()) {
			return code;
		}
		StringBuilder path = new StringBuilder(region.get().name(locale));
		Optional<Region> parent = find(region.get().getParentCode());
		while (parent.isPresent()) {
			path.insert(0, parent.get().name(locale) + " ");
			parent = find(parent.get().getParentCode());
		}
		return path.toString();
	}

	/** Every region inside a jurisdiction (including its own region), ordered by code. */
	public List<Region> within(Jurisdiction jurisdiction) {
		return all().values()
			.stream()
			.filter(r -> jurisdiction == null || jurisdiction.covers(r.getCode()))
			.sorted(java.util.Comparator.comparing(Region::getCode))
			.toList();
	}

	/**
	 * The districts (lowest level) inside a jurisdiction: where institutions are located.
	 */
	public List<Region> districtsWithin(Jurisdiction jurisdiction) {
		return within(jurisdiction).stream().filter(r -> r.getLevel() == Region.Level.DISTRICT).toList();
	}

	/**
	 * Every region, by code (a province before its cities, a city before its districts).
	 */
	public List<Region> catalogue() {
		return all().values().stream().sorted(java.util.Comparator.comparing(Region::getCode)).toList();
	}

	/**
	 * A region filter that drills down as the regions of China do (省 → 市 → 区县): every
	 * province; once one is chosen, its cities; once a city (or one of its districts) is
	 * chosen, its districts. Each choice is a new request, so it works without
	 * JavaScript, and the list stays short however many districts the catalogue holds
	 * (some 3,000 nationally, which no one scrolls through).
	 */
	public List<Choice> drillDown(String chosen, java.util.Locale locale) {
		String province = chosen == null ? null : chosen.substring(0, 2);
		String city = chosen == null || chosen.endsWith("0000") ? null : chosen.substring(0, 4);
		return catalogue().stream().filter(region -> switch (region.getLevel()) {
			case PROVINCE -> true;
			case CITY -> region.getCode().startsWith(province == null ? "-" : province);
			case DISTRICT -> region.getCode().startsWith(city == null ? "-" : city);
		}).map(region -> new Choice(region.getCode(), switch (region.getLevel()) {
			case PROVINCE -> "";
			case CITY -> "\u3000";
			case DISTRICT -> "\u3000\u3000";
		} + region.name(locale), region.getCode().equals(chosen))).toList();
	}

	private Map<String, Region> all() {
		Map<String, Region> regions = byCode;
		if (regions == null) {
			// plain JDBC, not a Spring Data repository: the search index's loader asks
			// for region names while
			// the application context still starts, and a repository bootstrapped lazily
			// ("deferred") then
			// deadlocked its creation against the main thread's
			regions = jdbc.sql("select code, name, name_en, parent_code, level from region order by code")
				.query((rs, n) -> new Region(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
						rs.getString("parent_code"), Region.Level.valueOf(rs.getString("level"))))
				.list()
				.stream()
				.collect(Collectors.toUnmodifiableMap(Region::getCode, Function.identity()));
			byCode = regions;
		}
		return regions;
	}

}
