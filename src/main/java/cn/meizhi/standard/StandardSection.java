package cn.meizhi.standard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * A weighted section of a standard version (e.g. 依法执业), holding its indicators in order.
 */
@Entity
@Table(name = "standard_section")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class StandardSection {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "version_id")
	private StandardVersion version;

	private String code;

	private String name;

	private String nameEn;

	private int position;

	private BigDecimal weight;

	@OneToMany(mappedBy = "section", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position, id")
	private List<Indicator> indicators = new ArrayList<>();

	StandardSection(StandardVersion version, String code, String name, String nameEn, int position, BigDecimal weight) {
		this.version = version;
		update(code, name, nameEn, position, weight);
	}

	void update(String code, String name, String nameEn, int position, BigDecimal weight) {
		this.code = code;
		this.name = name;
		this.nameEn = nameEn;
		this.position = position;
		this.weight = weight;
	}

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : name;
	}

}
