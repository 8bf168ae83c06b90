package cn.meizhi.shared;

/**
 * Implemented by the authentication principal so that web code can hand a
 * {@link CurrentUser} to services without knowing how accounts are stored.
 */
public interface HasCurrentUser {

	CurrentUser currentUser();

}
