package cn.meizhi.institution.internal;

import cn.meizhi.institution.InstitutionStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

/**
 * A regulator suspending, re-activating or closing an institution: always with a reason.
 */
@Getter
@Setter
public class StatusChangeForm {

	@NotNull
	private InstitutionStatus status;

	@NotBlank
	@Size(max = 500)
	private String reason;

}
