package cn.meizhi.shared;

/**
 * The version of everything the public sees (the directory, profiles, certificates,
 * standards, the open data): raised by every change that may alter a public page, in that
 * change's transaction. Public pages derive their ETag from it, so a browser or the
 * balancer revalidates a page and gets 304 without the page being rendered while nothing
 * changed, and a new page at once after a change.
 */
public interface PublicDataVersion {

	/** The version this node's public pages are at least as recent as. */
	long current();

}
