package cn.meizhi.directory.internal;

/**
 * A public query the directory cannot answer: told to the asker in words (400), never a
 * 500.
 */
public class BadQueryException extends RuntimeException {

	private final String code;

	private final transient Object[] arguments;

	BadQueryException(String code, Object... arguments) {
		super(code);
		this.code = code;
		this.arguments = arguments;
	}

	String code() {
		return code;
	}

	Object[] arguments() {
		return arguments;
	}

}
