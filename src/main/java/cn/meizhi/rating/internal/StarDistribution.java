package cn.meizhi.rating.internal;

import java.util.Map;

/**
 * How many institutions hold a valid certificate of each star count, in a jurisdiction
 * and in each of its districts.
 *
 * @param totals institutions per star count (1 to 5), every star count present
 * @param byDistrict per district code, institutions per star count at index
 * {@code stars - 1}
 */
public record StarDistribution(Map<Integer, Long> totals, Map<String, long[]> byDistrict) {

	public long highest() {
		return totals.values().stream().mapToLong(Long::longValue).max().orElse(0);
	}

	public boolean isEmpty() {
		return byDistrict.isEmpty();
	}

	/** Valid certificates in a district, all star counts together. */
	public long districtTotal(String district) {
		long sum = 0;
		for (long count : byDistrict.getOrDefault(district, new long[5])) {
			sum += count;
		}
		return sum;
	}

}
