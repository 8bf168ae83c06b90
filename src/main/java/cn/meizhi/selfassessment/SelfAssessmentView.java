package cn.meizhi.selfassessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.meizhi.cycle.EvaluationCycle;
import cn.meizhi.institution.InstitutionSummary;
import cn.meizhi.selfassessment.internal.HistoryEntry;
import cn.meizhi.standard.Indicator;
import cn.meizhi.standard.RatingOutcome;
import cn.meizhi.standard.StandardSection;
import cn.meizhi.standard.StandardVersion;

/**
 * Everything a self-assessment page shows, read in one transaction.
 *
 * @param assessment the self-assessment
 * @param cycle its cycle
 * @param institution the institution assessing itself
 * @param version the standard version of the cycle, with sections and indicators
 * @param answers answers by indicator id
 * @param evidence evidence files by indicator id
 * @param applicable whether each indicator (by id) applies to this institution
 * @param progress answered and applicable indicators per section code
 * @param outcome the self-assessed result computed by the rating engine
 * @param missing applicable indicators without an answer
 * @param history submissions and returns, newest first
 * @param editable whether the clinic may change answers now
 * @param submittable whether the clinic may submit today (window open)
 */
public record SelfAssessmentView(SelfAssessment assessment, EvaluationCycle cycle, InstitutionSummary institution,
		StandardVersion version, Map<Long, Answer> answers, Map<Long, List<EvidenceFile>> evidence,
		Map<Long, Boolean> applicable, Map<String, Progress> progress, RatingOutcome outcome, List<Indicator> missing,
		List<HistoryEntry> history, boolean editable, boolean submittable) {

	/** How far a section (or the whole) is answered. */
	public record Progress(int answered, int applicable) {

		public int percent() {
			return applicable == 0 ? 100 : answered * 100 / applicable;
		}

		public boolean complete() {
			return answered >= applicable;
		}

	}

	public Progress overall() {
		return progress.get("");
	}

	public LocalDate deadline() {
		return cycle.getSelfAssessmentCloses();
	}

	public StandardSection section(String code) {
		return version.getSections().stream().filter(s -> s.getCode().equals(code)).findFirst().orElse(null);
	}

	public boolean applies(Indicator indicator) {
		return applicable.getOrDefault(indicator.getId(), true);
	}

	public List<EvidenceFile> evidenceOf(Indicator indicator) {
		return evidence.getOrDefault(indicator.getId(), List.of());
	}

	public Answer answerOf(Indicator indicator) {
		return answers.get(indicator.getId());
	}

	/** The scores an indicator allows, from the maximum down to 0 in steps. */
	public List<String> scoreOptions(Indicator indicator) {
		List<String> options = new java.util.ArrayList<>();
		java.math.BigDecimal value = indicator.getMaxScore();
		while (value.signum() >= 0) {
			options.add(value.stripTrailingZeros().toPlainString());
			value = value.subtract(indicator.getScoreStep());
		}
		return options;
	}

	/** The section after (+1) or before (-1) the given one, if any. */
	public StandardSection neighbour(String code, int offset) {
		List<StandardSection> sections = version.getSections();
		for (int i = 0; i < sections.size(); i++) {
			if (sections.get(i).getCode().equals(code)) {
				int j = i + offset;
				return j >= 0 && j < sections.size() ? sections.get(j) : null;
			}
		}
		return null;
	}

}
