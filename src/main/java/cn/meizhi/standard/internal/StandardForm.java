package cn.meizhi.standard.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

/**
 * A new standard and the label of its first draft version.
 */
@Getter
@Setter
public class StandardForm {

	@NotBlank
	@Size(max = 200)
	private String name;

	@NotBlank
	@Size(max = 200)
	private String nameEn;

	@Size(max = 2000)
	private String description;

	@Size(max = 2000)
	private String descriptionEn;

	@NotBlank
	@Size(max = 100)
	private String versionLabel;

}
