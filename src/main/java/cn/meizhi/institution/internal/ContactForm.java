package cn.meizhi.institution.internal;

import cn.meizhi.institution.Institution;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

/**
 * The public contact data a clinic keeps up to date itself.
 */
@Getter
@Setter
public class ContactForm {

	private Long version;

	@Size(max = 40)
	@Pattern(regexp = "^$|[0-9+\\-() ]{5,40}", message = "{institution.phone.format}")
	private String phone;

	@Size(max = 200)
	@Pattern(regexp = "^$|https?://\\S+", message = "{institution.website.format}")
	private String website;

	@NotBlank
	@Size(max = 300)
	private String address;

	public static ContactForm of(Institution institution) {
		var form = new ContactForm();
		form.version = institution.getVersion();
		form.phone = institution.getPhone();
		form.website = institution.getWebsite();
		form.address = institution.getAddress();
		return form;
	}

}
