package cn.meizhi.shared;

/**
 * A request that the domain refuses, carrying a message key (and arguments) for the
 * user's language. {@code field} names the form field at fault, or is {@code null} for
 * the form as a whole.
 */
public class BusinessRuleException extends RuntimeException {

	private final String field;

	private final String messageKey;

	private final transient Object[] arguments;

	public BusinessRuleException(String field, String messageKey, Object... arguments) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String field() {
		return field;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments;
	}

}
