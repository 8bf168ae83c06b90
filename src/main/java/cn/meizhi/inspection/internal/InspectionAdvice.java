package cn.meizhi.inspection.internal;

import cn.meizhi.inspection.Inspections.DeclarationRequired;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Wherever an assessor reaches an inspection before declaring conflicts of interest, they
 * are sent to the declaration first.
 */
@ControllerAdvice
class InspectionAdvice {

	@ExceptionHandler(DeclarationRequired.class)
	String declarationFirst(DeclarationRequired ex) {
		return "redirect:/assessor/inspections/" + ex.inspectionId() + "/declaration";
	}

}
