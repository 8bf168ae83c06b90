package cn.meizhi.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A regulator's area of responsibility: one GB/T 2260 region and every region below it.
 * <p>
 * Codes are six digits, two per level (province, city, district). The significant prefix
 * drops trailing pairs of zeros, so {@code 330000} covers every code starting with
 * {@code 33}, {@code 330100} covers {@code 3301xx} and {@code 330102} only itself.
 */
public record Jurisdiction(String regionCode) implements java.io.Serializable {

	private static final Pattern CODE = Pattern.compile("\\d{6}");

	public Jurisdiction {
		Objects.requireNonNull(regionCode, "regionCode");
		if (!CODE.matcher(regionCode).matches()) {
			throw new IllegalArgumentException("A region code has six digits: " + regionCode);
		}
	}

	public static Jurisdiction of(String regionCode) {
		return new Jurisdiction(regionCode);
	}

	/** The significant prefix: {@code 330100} → {@code 3301}. */
	public String prefix() {
		String prefix = regionCode;
		while (prefix.length() > 2 && prefix.endsWith("00")) {
			prefix = prefix.substring(0, prefix.length() - 2);
		}
		return prefix;
	}

	/** Whether a region code lies inside this jurisdiction. */
	public boolean covers(String code) {
		return code != null && code.startsWith(prefix());
	}

	/** Whether another jurisdiction lies entirely inside this one. */
	public boolean covers(Jurisdiction other) {
		return other != null && other.prefix().startsWith(prefix());
	}

}
