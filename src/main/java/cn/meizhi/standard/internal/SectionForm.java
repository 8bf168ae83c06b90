package cn.meizhi.standard.internal;

import java.math.BigDecimal;

import cn.meizhi.standard.StandardSection;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

/**
 * A section of a draft version.
 */
@Getter
@Setter
public class SectionForm {

	@NotBlank
	@Pattern(regexp = "[A-Za-z0-9.\\-]{1,20}")
	private String code;

	@NotBlank
	@Size(max = 200)
	private String name;

	@NotBlank
	@Size(max = 200)
	private String nameEn;

	@NotNull
	@Min(0)
	@Max(1000)
	private Integer position;

	@NotNull
	@DecimalMin(value = "0", inclusive = false)
	private BigDecimal weight;

	static SectionForm of(StandardSection section) {
		var form = new SectionForm();
		form.code = section.getCode();
		form.name = section.getName();
		form.nameEn = section.getNameEn();
		form.position = section.getPosition();
		form.weight = section.getWeight();
		return form;
	}

}
