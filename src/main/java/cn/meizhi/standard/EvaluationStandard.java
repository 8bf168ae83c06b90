package cn.meizhi.standard;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * An evaluation standard (评价标准), e.g. 杭州市医疗美容机构规范化星级评价标准. Its content lives in versions.
 */
@Entity
@Table(name = "evaluation_standard")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class EvaluationStandard {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private String nameEn;

	private String description;

	private String descriptionEn;

	/** An example shipped for demonstration, labelled as such everywhere. */
	private boolean example;

	private Instant createdAt;

	public EvaluationStandard(String name, String nameEn, String description, String descriptionEn, boolean example,
			Instant now) {
		this.name = name;
		this.nameEn = nameEn;
		this.description = description;
		this.descriptionEn = descriptionEn;
		this.example = example;
		this.createdAt = now;
	}

	public String name(java.util.Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : name;
	}

	public String description(java.util.Locale locale) {
		return "en".equals(locale.getLanguage()) ? descriptionEn : description;
	}

}
