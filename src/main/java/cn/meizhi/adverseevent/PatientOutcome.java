package cn.meizhi.adverseevent;

/** How the patient is, as far as the institution knows. */
public enum PatientOutcome {

	RECOVERED, RECOVERING, LASTING_HARM, DEATH, UNKNOWN

}
