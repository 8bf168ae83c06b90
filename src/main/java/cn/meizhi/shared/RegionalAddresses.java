package cn.meizhi.shared;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * Mail addresses configured by region-code prefix ({@code 3301} for all of Hangzhou,
 * {@code 330106} for 西湖区): a region's address is that of the longest configured prefix
 * that covers it.
 */
public record RegionalAddresses(Map<String, String> byPrefix) {

	public RegionalAddresses {
		byPrefix = byPrefix == null ? Map.of() : Map.copyOf(byPrefix);
	}

	public Optional<String> of(String regionCode) {
		return byPrefix.entrySet()
			.stream()
			.filter(e -> regionCode != null && regionCode.startsWith(e.getKey()) && !e.getValue().isBlank())
			.max(Comparator.comparingInt(e -> e.getKey().length()))
			.map(Map.Entry::getValue);
	}

}
