package cn.meizhi.inspection;

/**
 * A corrective action is OPEN until the institution answers it (ANSWERED); the lead
 * assessor then verifies it (CLOSED) or reopens it with a comment (OPEN again).
 */
public enum ActionStatus {

	OPEN, ANSWERED, CLOSED

}
