package cn.meizhi.standard.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A published or retired version was asked to change: it never does.
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class VersionNotEditableException extends RuntimeException {

	public VersionNotEditableException(Long id) {
		super("Standard version " + id + " is not a draft and cannot be changed");
	}

}
