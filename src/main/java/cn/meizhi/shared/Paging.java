package cn.meizhi.shared;

import java.util.List;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
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

	/**
	 * A page of a long list whose matches are counted only up to {@code cap}: a page
	 * shorter than the page size (and not past the end) is the last, so its rows are
	 * counted already; otherwise {@code countUpToCap} counts at most {@code cap}. Past
	 * the cap, a page reached by its number counts at least its own rows; past the end,
	 * the count stands. The page then says "at least" the cap.
	 */
	public static <T> Page<T> cappedPage(List<T> rows, Pageable pageable, int cap,
			java.util.function.LongSupplier countUpToCap) {
		boolean last = rows.size() < pageable.getPageSize() && (!rows.isEmpty() || pageable.getOffset() == 0);
		long counted = last ? pageable.getOffset() + rows.size() : countUpToCap.getAsLong();
		return new PageImpl<>(rows, pageable,
				counted < cap ? counted : Math.max(counted, pageable.getOffset() + rows.size()));
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
