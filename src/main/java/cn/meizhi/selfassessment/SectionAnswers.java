package cn.meizhi.selfassessment;

import java.util.HashMap;
import java.util.Map;

import lombok.Getter;
import lombok.Setter;

/**
 * What a clinic user typed on one section of the self-assessment: per indicator id a
 * value ("" for not answered yet, "NA" for not applicable, or a score) and a comment.
 */
@Getter
@Setter
public class SectionAnswers {

	public static final String NOT_APPLICABLE = "NA";

	/** The version of the self-assessment the page was loaded with. */
	private Long lockVersion;

	private Map<Long, String> values = new HashMap<>();

	private Map<Long, String> comments = new HashMap<>();

}
