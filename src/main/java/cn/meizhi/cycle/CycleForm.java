package cn.meizhi.cycle;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A new evaluation cycle.
 */
@Getter
@Setter
public class CycleForm {

	@NotBlank
	@Size(max = 200)
	private String name;

	@NotBlank
	private String jurisdictionCode;

	@NotNull
	private Long standardVersionId;

	@NotNull
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate selfAssessmentOpens;

	@NotNull
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate selfAssessmentCloses;

	@NotNull
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate inspectionStarts;

	@NotNull
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate inspectionEnds;

	/**
	 * Days an approved rating stays on public notice before it takes effect (0: at
	 * approval).
	 */
	@jakarta.validation.constraints.Min(0)
	@jakarta.validation.constraints.Max(EvaluationCycle.MAX_NOTICE_DAYS)
	private int noticeDays;

	/**
	 * Enrol every active institution of the jurisdiction; otherwise add them one by one
	 * later.
	 */
	private boolean enrolAll = true;

}
