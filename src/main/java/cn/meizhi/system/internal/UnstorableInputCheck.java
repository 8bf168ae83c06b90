package cn.meizhi.system.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.meizhi.shared.UnstorableInputException;
import cn.meizhi.shared.UnstorableInputException.Field;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * One check of all input, for every page and the API: each parameter (query, form, and
 * the text fields and file names of uploads) is refused before the controller runs when
 * it holds a character the portal cannot keep ({@link UnstorableInputException}). Without
 * it a NUL reached PostgreSQL, which refused the whole transaction, and the user read
 * "someone else changed this" and lost what was typed.
 */
final class UnstorableInputCheck implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		List<Field> fields = new ArrayList<>();
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			for (String value : parameter.getValue()) {
				if (UnstorableInputException.unstorable(parameter.getKey())
						|| UnstorableInputException.unstorable(value)) {
					// a password is never shown back
					String typed = parameter.getKey().toLowerCase(java.util.Locale.ROOT).contains("password") ? "••••••"
							: UnstorableInputException.shown(value);
					fields.add(new Field(UnstorableInputException.shown(parameter.getKey()), typed));
				}
			}
		}
		if (request instanceof MultipartHttpServletRequest multipart) {
			for (Map.Entry<String, List<MultipartFile>> files : multipart.getMultiFileMap().entrySet()) {
				for (MultipartFile file : files.getValue()) {
					String name = file.getOriginalFilename();
					if (name != null && UnstorableInputException.unstorable(name)) {
						fields.add(new Field(files.getKey(), UnstorableInputException.shown(name)));
					}
				}
			}
		}
		if (!fields.isEmpty()) {
			throw new UnstorableInputException(fields);
		}
		return true;
	}

}
