package cn.meizhi.shared;

/**
 * Somebody else saved the object since the caller loaded it (optimistic locking). The
 * caller's input is not applied; the form is shown again with what was typed and a
 * conflict message.
 */
public class EditConflictException extends RuntimeException {

	public EditConflictException(String what, Object id) {
		super(what + " " + id + " was changed by someone else");
	}

}
