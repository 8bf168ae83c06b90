package cn.meizhi.practitioner;

/** Whether a practitioner may practise. */
public enum PractitionerStatus {

	ACTIVE, SUSPENDED, REVOKED

}
