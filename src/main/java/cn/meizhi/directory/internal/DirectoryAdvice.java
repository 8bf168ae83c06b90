package cn.meizhi.directory.internal;

import java.util.Locale;
import java.util.Map;

import cn.meizhi.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Bad public queries get a 400 that says what was wrong, in the asker's language: JSON
 * for the open-data API, a page for the directory. Nothing typed is echoed back
 * unescaped, and nothing becomes a 500.
 */
final class DirectoryAdvice {

	private DirectoryAdvice() {
	}

	static String explain(Exception ex, MessageSource messages, Locale locale) {
		if (ex instanceof BadQueryException bad) {
			return messages.getMessage(bad.code(), bad.arguments(), locale);
		}
		if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
			return messages.getMessage("directory.bad.type", new Object[] { mismatch.getName() }, locale);
		}
		if (ex instanceof MissingServletRequestParameterException missing) {
			return messages.getMessage("directory.bad.missing", new Object[] { missing.getParameterName() }, locale);
		}
		throw new IllegalArgumentException(ex);
	}

	/**
	 * The open-data API answers {@code {"status": 400, "error": "Bad Request", "message":
	 * "..."}}.
	 */
	@RestControllerAdvice(assignableTypes = OpenDataController.class)
	@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
	static class Api {

		private final MessageSource messages;

		Api(MessageSource messages) {
			this.messages = messages;
		}

		@ExceptionHandler({ BadQueryException.class, MethodArgumentTypeMismatchException.class,
				MissingServletRequestParameterException.class })
		ResponseEntity<Map<String, Object>> badRequest(Exception ex, Locale locale) {
			return ResponseEntity.badRequest()
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("status", 400, "error", "Bad Request", "message", explain(ex, messages, locale)));
		}

		/**
		 * A query with characters that cannot be kept: the same shape, naming the
		 * parameters.
		 */
		@ExceptionHandler(cn.meizhi.shared.UnstorableInputException.class)
		ResponseEntity<Map<String, Object>> unstorable(cn.meizhi.shared.UnstorableInputException ex, Locale locale) {
			return ResponseEntity.badRequest()
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("status", 400, "error", "Bad Request", "message", ex.describe(messages, locale)));
		}

		/**
		 * An id that names nothing public: the same shape, 404, in the asker's language.
		 */
		@ExceptionHandler(NotFoundException.class)
		ResponseEntity<Map<String, Object>> notFound(Locale locale) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("status", 404, "error", "Not Found", "message",
						messages.getMessage("directory.api.notFound", null, locale)));
		}

	}

	/** The directory pages answer with the error page and the reason. */
	@ControllerAdvice(assignableTypes = DirectoryController.class)
	static class Pages {

		private final MessageSource messages;

		Pages(MessageSource messages) {
			this.messages = messages;
		}

		@ExceptionHandler({ BadQueryException.class, MethodArgumentTypeMismatchException.class,
				MissingServletRequestParameterException.class })
		ModelAndView badRequest(Exception ex, Locale locale, HttpServletResponse response) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			ModelAndView page = new ModelAndView("error");
			page.setStatus(HttpStatus.BAD_REQUEST);
			page.addObject("status", 400);
			page.addObject("detailText", explain(ex, messages, locale));
			return page;
		}

	}

}
