package cn.meizhi.shared;

import java.util.Set;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Turns the page, size and sort request parameters into a {@link Pageable}, accepting
 * only the sort properties a list offers, so that a crafted URL can neither sort by an
 * arbitrary column nor ask for a huge page.
 */
public final class Paging {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 100;

	private Paging() {
	}

	public static Pageable of(Integer page, Integer size, String sort, Set<String> sortable, Sort defaultSort) {
		int number = page == null || page < 0 ? 0 : Math.min(page, 100_000);
		int pageSize = size == null || size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
		return PageRequest.of(number, pageSize, parseSort(sort, sortable).orElse(defaultSort));
	}

	static java.util.Optional<Sort> parseSort(String sort, Set<String> sortable) {
		if (sort == null || sort.isBlank()) {
			return java.util.Optional.empty();
		}
		String[] parts = sort.split(",");
		if (!sortable.contains(parts[0])) {
			return java.util.Optional.empty();
		}
		boolean descending = parts.length > 1 && parts[1].equalsIgnoreCase("desc");
		Sort order = Sort.by(descending ? Sort.Direction.DESC : Sort.Direction.ASC, parts[0]);
		return java.util.Optional.of(order.and(Sort.by("id")));
	}

}
