package cn.meizhi.account.internal;

import jakarta.validation.constraints.NotBlank;
import lombok.Getter;
import lombok.Setter;

/**
 * A user choosing a new password. The password fields are never sent back to the browser.
 */
@Getter
@Setter
public class PasswordChangeForm {

	@NotBlank
	private String currentPassword;

	@NotBlank
	private String newPassword;

	@NotBlank
	private String confirmation;

}
