package cn.meizhi.account.internal;

import cn.meizhi.shared.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

/**
 * What an admin types to create or change an account. The initial password is used only
 * when creating.
 */
@Getter
@Setter
public class UserForm {

	private Long version;

	@NotBlank
	@Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}", message = "{account.username.format}")
	private String username;

	@NotBlank
	@Size(max = 100)
	private String displayName;

	@NotNull
	private Role role;

	/** A regulator's jurisdiction: a region code. */
	private String jurisdictionCode;

	/** A clinic user's institution, named by its credit code. */
	private String institutionCreditCode;

	private String initialPassword;

}
