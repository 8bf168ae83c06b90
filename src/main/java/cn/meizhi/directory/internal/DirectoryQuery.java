package cn.meizhi.directory.internal;

import java.util.Locale;
import java.util.regex.Pattern;

import cn.meizhi.institution.Department;
import cn.meizhi.shared.InstitutionType;

/**
 * A search of the public directory, checked: every part is optional; anything out of
 * bounds is refused with a reason rather than guessed at.
 *
 * @param q part of the name (any characters, Chinese included) or a whole credit code
 * @param region a GB/T 2260 region code: a province, city or district, and everything
 * inside it
 * @param minStars only institutions certified with at least these stars
 * @param type institution type
 * @param department one of the licensed departments
 * @param certifiedOnly only institutions with a valid certificate
 * @param sort {@code stars} (best first, the default) or {@code name}
 * @param page page number from 0
 * @param size page size
 */
public record DirectoryQuery(String q, String region, Integer minStars, InstitutionType type, Department department,
		boolean certifiedOnly, String sort, int page, int size) {

	public static final int MAX_QUERY_LENGTH = 100;

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 100;

	/** Beyond this nobody is paging by hand; deep offsets only cost the database. */
	public static final int MAX_PAGE = 10_000;

	private static final Pattern REGION = Pattern.compile("\\d{6}");

	private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");

	public static DirectoryQuery of(String q, String region, Integer minStars, InstitutionType type,
			Department department, Boolean certifiedOnly, String sort, Integer page, Integer size) {
		String text = q == null ? null : q.strip();
		if (text != null && text.length() > MAX_QUERY_LENGTH) {
			throw new BadQueryException("directory.bad.q", MAX_QUERY_LENGTH);
		}
		String area = region == null || region.isBlank() ? null : region.strip();
		if (area != null && !REGION.matcher(area).matches()) {
			throw new BadQueryException("directory.bad.region");
		}
		if (minStars != null && (minStars < 1 || minStars > 5)) {
			throw new BadQueryException("directory.bad.minStars");
		}
		String order = sort == null || sort.isBlank() ? "stars" : sort.strip();
		if (!order.equals("stars") && !order.equals("name")) {
			throw new BadQueryException("directory.bad.sort");
		}
		int number = page == null ? 0 : page;
		if (number < 0 || number > MAX_PAGE) {
			throw new BadQueryException("directory.bad.page", MAX_PAGE);
		}
		int pageSize = size == null ? DEFAULT_SIZE : size;
		if (pageSize < 1 || pageSize > MAX_SIZE) {
			throw new BadQueryException("directory.bad.size", MAX_SIZE);
		}
		return new DirectoryQuery(text == null || text.isEmpty() ? null : text, area, minStars, type, department,
				Boolean.TRUE.equals(certifiedOnly), order, number, pageSize);
	}

	/** The query as a credit code, when it is one (upper-cased). */
	String creditCode() {
		if (q == null) {
			return null;
		}
		String upper = q.toUpperCase(Locale.ROOT);
		return CREDIT_CODE.matcher(upper).matches() ? upper : null;
	}

	/**
	 * The significant prefix of the region: 33 for a province, 3301 for a city, 330102
	 * for a district.
	 */
	public String regionPrefix() {
		if (region == null) {
			return null;
		}
		if (region.endsWith("0000")) {
			return region.substring(0, 2);
		}
		if (region.endsWith("00")) {
			return region.substring(0, 4);
		}
		return region;
	}

	boolean filtered() {
		return q != null || region != null || minStars != null || type != null || department != null || certifiedOnly;
	}

}
