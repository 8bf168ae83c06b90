package cn.meizhi.system.internal;

import java.util.Locale;

import cn.meizhi.shared.UnstorableInputException;
import cn.meizhi.system.EmbeddedDatabaseAutoConfiguration;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns broken uploads, unstorable input, edit conflicts and database outages into clear
 * error pages instead of server errors.
 */
@ControllerAdvice
public class ErrorAdvice {

	private final MessageSource messages;

	private final boolean demo;

	public ErrorAdvice(MessageSource messages, org.springframework.core.env.Environment environment) {
		this.messages = messages;
		this.demo = EmbeddedDatabaseAutoConfiguration.demoMode(environment);
	}

	/** The node has not finished starting (in demo mode: the demo data is loading). */
	@ExceptionHandler(StartingUp.NotYetStarted.class)
	ModelAndView starting(HttpServletResponse response) {
		response.setHeader("Retry-After", "5");
		ModelAndView page = errorPage(response, HttpStatus.SERVICE_UNAVAILABLE,
				demo ? "error.starting.demo" : "error.starting");
		page.addObject("heading", "error.starting.title");
		return page;
	}

	/**
	 * Input with characters that cannot be kept: 400, naming the fields and showing what
	 * was typed in them (the form itself is one step back in the browser, as it was);
	 * nothing was saved.
	 */
	@ExceptionHandler(UnstorableInputException.class)
	ModelAndView unstorable(UnstorableInputException ex, Locale locale, HttpServletResponse response) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		var page = new ModelAndView("error");
		page.setStatus(HttpStatus.BAD_REQUEST);
		page.addObject("status", 400);
		page.addObject("detailText", ex.describe(messages, locale));
		page.addObject("typed",
				ex.fields()
					.stream()
					.map(field -> new UnstorableInputException.Field(
							UnstorableInputException.label(field.name(), messages, locale), field.typed()))
					.toList());
		return page;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(HttpServletResponse response) {
		return errorPage(response, HttpStatus.CONTENT_TOO_LARGE, "error.upload.tooLarge");
	}

	/**
	 * Someone else changed the same thing at the same moment: nothing was saved, and the
	 * user is told.
	 */
	@ExceptionHandler({ org.springframework.dao.OptimisticLockingFailureException.class,
			org.springframework.dao.DataIntegrityViolationException.class,
			org.springframework.dao.PessimisticLockingFailureException.class })
	ModelAndView conflict(HttpServletResponse response) {
		return errorPage(response, HttpStatus.CONFLICT, "error.conflict");
	}

	/**
	 * The database does not answer (an outage, a failover): a page that says so at once
	 * (the pool gives up after 3 s) instead of a hanging request; the node recovers by
	 * itself when the database is back.
	 */
	@ExceptionHandler({ org.springframework.transaction.CannotCreateTransactionException.class,
			org.springframework.dao.DataAccessResourceFailureException.class })
	ModelAndView databaseUnavailable(HttpServletResponse response) {
		response.setHeader("Retry-After", "30");
		return errorPage(response, HttpStatus.SERVICE_UNAVAILABLE, "error.unavailable");
	}

	@ExceptionHandler(MultipartException.class)
	ModelAndView notAnUpload(HttpServletResponse response) {
		return errorPage(response, HttpStatus.BAD_REQUEST, "error.upload.broken");
	}

	private static ModelAndView errorPage(HttpServletResponse response, HttpStatus status, String messageKey) {
		response.setStatus(status.value());
		var page = new ModelAndView("error");
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("detail", messageKey);
		return page;
	}

}
