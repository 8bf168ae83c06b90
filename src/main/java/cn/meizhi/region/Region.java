package cn.meizhi.region;

import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * An administrative region (行政区划) with its six-digit GB/T 2260 code. Reference data:
 * read-only.
 */
@Entity
@Table(name = "region")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
@lombok.AllArgsConstructor(access = AccessLevel.PACKAGE)
public class Region {

	/** The level of a region in the administrative hierarchy. */
	public enum Level {

		PROVINCE, CITY, DISTRICT

	}

	@Id
	private String code;

	private String name;

	private String nameEn;

	private String parentCode;

	@Enumerated(EnumType.STRING)
	private Level level;

	/** The name in the given language: Chinese unless English is asked for. */
	public String name(Locale locale) {
		return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? nameEn : name;
	}

}
