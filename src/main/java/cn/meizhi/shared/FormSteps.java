package cn.meizhi.shared;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A form's action that redirects back to a page: the success message, or the first reason
 * it was refused (with its arguments), flashed for the page to show.
 */
public final class FormSteps {

	private FormSteps() {
	}

	/** Runs the step and answers the redirect to {@code target}. */
	public static String act(RedirectAttributes redirect, String target, String success, Runnable step) {
		try {
			step.run();
			redirect.addFlashAttribute("message", success);
		}
		catch (FormRejectedException ex) {
			redirect.addFlashAttribute("error", ex.reasons().get(0).code());
			redirect.addFlashAttribute("errorArgs", ex.reasons().get(0).arguments());
		}
		return "redirect:" + target;
	}

}
