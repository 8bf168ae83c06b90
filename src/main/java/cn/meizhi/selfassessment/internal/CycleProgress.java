package cn.meizhi.selfassessment.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.meizhi.cycle.CycleManagement;
import cn.meizhi.cycle.Enrolment;
import cn.meizhi.cycle.EvaluationCycle;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionSummary;
import cn.meizhi.selfassessment.Answer;
import cn.meizhi.selfassessment.SectionAnswers;
import cn.meizhi.selfassessment.SelfAssessment;
import cn.meizhi.selfassessment.SelfAssessments;
import cn.meizhi.selfassessment.SelfAssessments.State;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.standard.Indicator;
import cn.meizhi.standard.StandardManagement;
import cn.meizhi.standard.StandardSection;
import cn.meizhi.standard.StandardVersion;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A cycle's self-assessments as its regulator follows them: each enrolled institution's
 * state and how many applicable indicators it has answered, the counts by state, and the
 * same as CSV (the list, and every self-score). Only institutions inside the regulator's
 * jurisdiction.
 */
@Service
@Transactional(readOnly = true)
public class CycleProgress {

	/** One row of a cycle's progress list. */
	public record Row(InstitutionSummary institution, State state, Long selfAssessmentId, int answered, int applicable,
			Instant submittedAt) {
	}

	private final SelfAssessmentRepository assessments;

	private final CycleManagement cycles;

	private final StandardManagement standards;

	private final InstitutionManagement institutions;

	CycleProgress(SelfAssessmentRepository assessments, CycleManagement cycles, StandardManagement standards,
			InstitutionManagement institutions) {
		this.assessments = assessments;
		this.cycles = cycles;
		this.standards = standards;
		this.institutions = institutions;
	}

	/**
	 * The progress of every institution enrolled in (or withdrawn from) a cycle of the
	 * regulator's.
	 */
	public List<Row> rows(CurrentUser regulator, long cycleId) {
		EvaluationCycle cycle = cycles.get(regulator, cycleId);
		StandardVersion version = standards.publicVersion(cycle.getStandardVersionId());
		Map<Long, SelfAssessment> byInstitution = assessments.findWithAnswersByCycleId(cycleId)
			.stream()
			.collect(Collectors.toMap(SelfAssessment::getInstitutionId, a -> a));
		Map<Long, InstitutionSummary> summaries = institutions
			.summaries(cycle.getEnrolments().stream().map(Enrolment::getInstitutionId).toList());
		List<Row> rows = new ArrayList<>();
		for (Enrolment enrolment : cycle.getEnrolments()) {
			InstitutionSummary institution = summaries.get(enrolment.getInstitutionId());
			if (institution == null || !regulator.reaches(institution.regionCode())) {
				continue;
			}
			SelfAssessment assessment = byInstitution.get(enrolment.getInstitutionId());
			List<Indicator> applicable = version.indicators()
				.filter(i -> SelfAssessments.applies(i, institution))
				.toList();
			int answered = assessment == null ? 0
					: (int) applicable.stream()
						.filter(i -> assessment.answer(i.getId()).map(Answer::isAnswered).orElse(false))
						.count();
			State state = !enrolment.isActive() ? State.WITHDRAWN
					: assessment == null ? State.NOT_STARTED : State.valueOf(assessment.getStatus().name());
			rows.add(new Row(institution, state, assessment == null ? null : assessment.getId(), answered,
					applicable.size(), assessment == null ? null : assessment.getSubmittedAt()));
		}
		rows.sort(java.util.Comparator.comparing((Row r) -> r.institution().regionCode())
			.thenComparing(r -> r.institution().name()));
		return rows;
	}

	/** How many enrolled institutions are in each state. */
	public Map<State, Long> counts(List<Row> rows) {
		Map<State, Long> counts = new EnumMap<>(State.class);
		for (State state : State.values()) {
			counts.put(state, 0L);
		}
		rows.forEach(r -> counts.merge(r.state(), 1L, Long::sum));
		return counts;
	}

	/** The list of a cycle's self-assessments as CSV (UTF-8 with BOM). */
	public void writeList(CurrentUser regulator, long cycleId, Writer writer) {
		List<Row> rows = rows(regulator, cycleId);
		csv(writer, printer -> {
			printer.printRecord("机构名称", "统一社会信用代码", "行政区划代码", "自评状态", "已答条款", "适用条款", "提交时间");
			for (Row r : rows) {
				printer.printRecord(r.institution().name(), r.institution().creditCode(), r.institution().regionCode(),
						r.state(), r.answered(), r.applicable(), r.submittedAt() == null ? "" : r.submittedAt());
			}
		});
	}

	/** Every self-score of a cycle as CSV: one row per institution and indicator. */
	public void writeScores(CurrentUser regulator, long cycleId, Writer writer) {
		EvaluationCycle cycle = cycles.get(regulator, cycleId);
		StandardVersion version = standards.publicVersion(cycle.getStandardVersionId());
		List<SelfAssessment> all = assessments.findWithAnswersByCycleId(cycleId);
		Map<Long, InstitutionSummary> summaries = institutions
			.summaries(all.stream().map(SelfAssessment::getInstitutionId).toList());
		csv(writer, printer -> {
			printer.printRecord("机构名称", "统一社会信用代码", "自评状态", "部分", "条款代码", "条款", "满分", "自评分", "说明");
			for (SelfAssessment a : all) {
				InstitutionSummary institution = summaries.get(a.getInstitutionId());
				if (institution == null || !regulator.reaches(institution.regionCode())) {
					continue;
				}
				for (StandardSection section : version.getSections()) {
					for (Indicator indicator : section.getIndicators()) {
						Optional<Answer> answer = a.answer(indicator.getId());
						String value = !SelfAssessments.applies(indicator, institution) ? SectionAnswers.NOT_APPLICABLE
								: answer.map(Answer::getValue).orElse("");
						printer.printRecord(institution.name(), institution.creditCode(), a.getStatus(),
								section.getCode(), indicator.getCode(), indicator.getTitle(),
								indicator.getMaxScore().stripTrailingZeros().toPlainString(), value,
								answer.map(Answer::getComment).orElse(""));
					}
				}
			}
		});
	}

	private interface CsvBody {

		void write(CSVPrinter printer) throws IOException;

	}

	private static void csv(Writer writer, CsvBody body) {
		try {
			writer.write('\uFEFF');
			CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
			body.write(printer);
			printer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
