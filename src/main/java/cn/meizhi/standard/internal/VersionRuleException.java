package cn.meizhi.standard.internal;

/**
 * A lifecycle step the version's state does not allow, with a message key for the user.
 */
public class VersionRuleException extends RuntimeException {

	private final String messageKey;

	public VersionRuleException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
