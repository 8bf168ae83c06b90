package cn.meizhi.selfassessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.meizhi.selfassessment.SelfAssessmentFixtures.Setup;
import cn.meizhi.selfassessment.internal.HistoryEntry;
import cn.meizhi.selfassessment.internal.SelfAssessmentStatus;
import cn.meizhi.shared.EditConflictException;
import cn.meizhi.shared.EvidenceFiles;
import cn.meizhi.shared.EvidenceFiles.Upload;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@SpringBootTest
class SelfAssessmentTests {

	@Autowired
	SelfAssessments selfAssessments;

	@Autowired
	SelfAssessmentFixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	cn.meizhi.cycle.CycleManagement cycles;

	@Test
	void draftsAreKeptAndOnlyApplicableIndicatorsAreAsked() {
		Setup setup = fixtures.open("330102");
		selfAssessments.saveSection(setup.clinic(), setup.selfAssessmentId(), "S1",
				withComment(fixtures.answers(setup, Map.of("1.1", "4.5")), fixtures.indicator("1.1"), "制度齐全"),
				Map.of());
		SelfAssessmentView view = selfAssessments.view(setup.clinic(), setup.selfAssessmentId());
		assertThat(view.answerOf(indicator(view, "1.1")).getValue()).isEqualTo("4.5");
		assertThat(view.answerOf(indicator(view, "1.1")).getComment()).isEqualTo("制度齐全");
		assertThat(view.applies(indicator(view, "2.2"))).as("hospitals only").isFalse();
		assertThat(view.overall().applicable()).isEqualTo(3);
		assertThat(view.overall().answered()).isEqualTo(1);
		assertThat(view.progress().get("S1").answered()).isEqualTo(1);
		assertThat(view.missing()).extracting(i -> i.getCode()).containsExactly("1.2", "2.1");
	}

	@Test
	void badValuesAreRefusedAndNothingOfTheSectionIsSaved() {
		Setup setup = fixtures.open("330102");
		assertThat(reasons(() -> selfAssessments.saveSection(setup.clinic(), setup.selfAssessmentId(), "S1",
				fixtures.answers(setup, Map.of("1.1", "5.5", "1.2", "2")), Map.of())))
			.containsExactly("selfAssessment.value.range");
		assertThat(reasons(() -> selfAssessments.saveSection(setup.clinic(), setup.selfAssessmentId(), "S1",
				fixtures.answers(setup, Map.of("1.1", "4.3")), Map.of())))
			.containsExactly("selfAssessment.value.offStep");
		assertThat(reasons(() -> selfAssessments.saveSection(setup.clinic(), setup.selfAssessmentId(), "S2",
				fixtures.answers(setup, Map.of("2.1", "NA")), Map.of())))
			.containsExactly("selfAssessment.value.naNotAllowed");
		assertThat(reasons(() -> selfAssessments.saveSection(setup.clinic(), setup.selfAssessmentId(), "S2",
				fixtures.answers(setup, Map.of("2.1", "ten")), Map.of())))
			.containsExactly("selfAssessment.value.notANumber");
		assertThat(selfAssessments.view(setup.clinic(), setup.selfAssessmentId()).overall().answered()).isZero();
	}

	@Test
	void submittingNeedsEveryApplicableAnswer() {
		Setup setup = fixtures.open("330102");
		selfAssessments.saveSection(setup.clinic(), setup.selfAssessmentId(), "S1",
				fixtures.answers(setup, Map.of("1.1", "5")), Map.of());
		FormRejectedException refused = catchRejection(
				() -> selfAssessments.submit(setup.clinic(), setup.selfAssessmentId()));
		assertThat(refused.reasons()).extracting(r -> r.code() + ":" + r.arguments()[0])
			.containsExactly("selfAssessment.submit.missing:1.2", "selfAssessment.submit.missing:2.1");
	}

	@Test
	void submittingAfterTheDeadlineIsRefusedUntilTheRegulatorExtendsIt() {
		Setup setup = fixtures.open("330102", LocalDate.now().minusDays(1));
		fixtures.complete(setup);
		FormRejectedException late = catchRejection(
				() -> selfAssessments.submit(setup.clinic(), setup.selfAssessmentId()));
		assertThat(late.reasons()).extracting(FormRejectedException.Reason::code)
			.containsExactly("selfAssessment.submit.windowClosed");
		assertThat(selfAssessments.view(setup.clinic(), setup.selfAssessmentId()).submittable()).isFalse();
	}

	@Test
	void submitReturnAndResubmitAreKeptInTheHistoryAndAudited() {
		Setup setup = fixtures.open("330102");
		fixtures.complete(setup);
		selfAssessments.submit(setup.clinic(), setup.selfAssessmentId());
		SelfAssessmentView submitted = selfAssessments.view(setup.clinic(), setup.selfAssessmentId());
		assertThat(submitted.assessment().getStatus()).isEqualTo(SelfAssessmentStatus.SUBMITTED);
		assertThat(submitted.editable()).isFalse();
		assertThat(reasons(() -> selfAssessments.saveSection(setup.clinic(), setup.selfAssessmentId(), "S1",
				fixtures.answers(setup, Map.of("1.1", "1")), Map.of())))
			.containsExactly("selfAssessment.notEditable");
		assertThat(reasons(() -> selfAssessments.submit(setup.clinic(), setup.selfAssessmentId())))
			.containsExactly("selfAssessment.notEditable");

		assertThat(reasons(() -> selfAssessments.returnToInstitution(SelfAssessmentFixtures.REGULATOR,
				setup.selfAssessmentId(), "")))
			.containsExactly("selfAssessment.return.reasonRequired");
		selfAssessments.returnToInstitution(SelfAssessmentFixtures.REGULATOR, setup.selfAssessmentId(), "请补充 2.1 的佐证");
		SelfAssessmentView returned = selfAssessments.view(setup.clinic(), setup.selfAssessmentId());
		assertThat(returned.assessment().getStatus()).isEqualTo(SelfAssessmentStatus.RETURNED);
		assertThat(returned.assessment().getReturnReason()).isEqualTo("请补充 2.1 的佐证");
		assertThat(returned.editable()).isTrue();
		// the clinic is told (after the commit), with the reason and a link to the
		// self-assessment
		await().untilAsserted(() -> assertThat(jdbc.queryForList(
				"select detail from notification where institution_id = ? and kind = 'SELF_ASSESSMENT_RETURNED'"
						+ " and link = ?",
				String.class, setup.clinic().institutionId(),
				"/clinic/cycles/" + returned.assessment().getCycleId() + "/self-assessment"))
			.containsExactly("请补充 2.1 的佐证"));
		assertThat(reasons(() -> selfAssessments.returnToInstitution(SelfAssessmentFixtures.REGULATOR,
				setup.selfAssessmentId(), "again")))
			.containsExactly("selfAssessment.return.notSubmitted");

		selfAssessments.saveSection(setup.clinic(), setup.selfAssessmentId(), "S2",
				fixtures.answers(setup, Map.of("2.1", "10")), Map.of());
		selfAssessments.submit(setup.clinic(), setup.selfAssessmentId());
		List<HistoryEntry> history = selfAssessments.view(setup.clinic(), setup.selfAssessmentId()).history();
		assertThat(history).extracting(HistoryEntry::getKind)
			.containsExactly(HistoryEntry.Kind.SUBMITTED, HistoryEntry.Kind.RETURNED, HistoryEntry.Kind.SUBMITTED);
		assertThat(history.get(2).getSnapshot()).contains("\"2.1\"").contains("\"8\"");
		assertThat(history.get(0).getSnapshot()).contains("\"10\"");
		assertThat(history.get(0).getTotal()).isEqualByComparingTo("100.0");
		assertThat(jdbc
			.queryForList("select action from audit_event where object_type = 'SelfAssessment' and object_id = ?"
					+ " order by id", String.class, String.valueOf(setup.selfAssessmentId())))
			.contains("SELF_ASSESSMENT_STARTED", "SELF_ASSESSMENT_SAVED", "SELF_ASSESSMENT_SUBMITTED",
					"SELF_ASSESSMENT_RETURNED");
	}

	@Test
	void aSaveFromAnOlderPageGetsAConflictAndChangesNothing() {
		Setup setup = fixtures.open("330102");
		SectionAnswers first = fixtures.answers(setup, Map.of("1.1", "5"));
		SectionAnswers second = fixtures.answers(setup, Map.of("1.1", "1"));
		selfAssessments.saveSection(setup.clinic(), setup.selfAssessmentId(), "S1", first, Map.of());
		assertThatExceptionOfType(EditConflictException.class).isThrownBy(
				() -> selfAssessments.saveSection(setup.clinic(), setup.selfAssessmentId(), "S1", second, Map.of()));
		SelfAssessmentView view = selfAssessments.view(setup.clinic(), setup.selfAssessmentId());
		assertThat(view.answerOf(indicator(view, "1.1")).getValue()).isEqualTo("5");
	}

	@Test
	void evidenceIsJudgedByContentAndRefusedFilesDoNotCostTheOtherAnswers() {
		Setup setup = fixtures.open("330102");
		long i11 = fixtures.indicator("1.1");
		List<SelfAssessments.FileProblem> problems = selfAssessments.saveSection(setup.clinic(),
				setup.selfAssessmentId(), "S1", fixtures.answers(setup, Map.of("1.1", "5")),
				Map.of(i11,
						List.of(new Upload("制度.pdf", SelfAssessmentFixtures.PDF),
								new Upload("照片.png", SelfAssessmentFixtures.PNG),
								new Upload("表格.xlsx", SelfAssessmentFixtures.officeFile("xl/workbook.xml")),
								new Upload("报告.docx", SelfAssessmentFixtures.officeFile("word/document.xml")),
								new Upload("invoice.pdf", SelfAssessmentFixtures.HTML_AS_PDF),
								new Upload("setup.pdf", SelfAssessmentFixtures.EXE),
								new Upload("archive.docx", SelfAssessmentFixtures.officeFile("payload.bin")),
								new Upload("empty.pdf", new byte[0]), new Upload("huge.pdf", huge()))));
		assertThat(problems).extracting(p -> p.fileName() + ":" + p.code())
			.containsExactly("invoice.pdf:evidence.typeRefused", "setup.pdf:evidence.typeRefused",
					"archive.docx:evidence.typeRefused", "empty.pdf:evidence.empty", "huge.pdf:evidence.tooLarge");
		SelfAssessmentView view = selfAssessments.view(setup.clinic(), setup.selfAssessmentId());
		assertThat(view.answerOf(indicator(view, "1.1")).getValue()).isEqualTo("5");
		assertThat(view.evidenceOf(indicator(view, "1.1"))).extracting(EvidenceFile::getContentType)
			.containsExactly("application/pdf", "image/png",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
					"application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertThat(view.evidenceOf(indicator(view, "1.1"))).extracting(EvidenceFile::getFileName)
			.containsExactly("制度.pdf", "照片.png", "表格.xlsx", "报告.docx");
		var download = selfAssessments.evidence(setup.clinic(), setup.selfAssessmentId(),
				view.evidenceOf(indicator(view, "1.1")).get(0).getId());
		assertThat(download.content()).isEqualTo(SelfAssessmentFixtures.PDF);
	}

	@Test
	void aPngNamedPdfIsStoredAsWhatItIs() {
		Setup setup = fixtures.open("330102");
		long i11 = fixtures.indicator("1.1");
		selfAssessments.saveSection(setup.clinic(), setup.selfAssessmentId(), "S1", fixtures.answers(setup, Map.of()),
				Map.of(i11, List.of(new Upload("../../etc/scan.pdf", SelfAssessmentFixtures.PNG))));
		SelfAssessmentView view = selfAssessments.view(setup.clinic(), setup.selfAssessmentId());
		EvidenceFile file = view.evidenceOf(indicator(view, "1.1")).get(0);
		assertThat(file.getFileName()).isEqualTo("scan.png");
		assertThat(file.getContentType()).isEqualTo("image/png");
	}

	@Test
	void atMostTenFilesPerIndicator() {
		Setup setup = fixtures.open("330102");
		long i11 = fixtures.indicator("1.1");
		List<Upload> eleven = java.util.stream.IntStream.range(0, 11)
			.mapToObj(n -> new Upload("f" + n + ".pdf", SelfAssessmentFixtures.PDF))
			.toList();
		List<SelfAssessments.FileProblem> problems = selfAssessments.saveSection(setup.clinic(),
				setup.selfAssessmentId(), "S1", fixtures.answers(setup, Map.of()), Map.of(i11, eleven));
		assertThat(problems).extracting(SelfAssessments.FileProblem::code).containsExactly("evidence.tooMany");
	}

	@Test
	void aWithdrawnInstitutionCanNoLongerChangeOrSubmit() {
		Setup setup = fixtures.open("330102");
		fixtures.complete(setup);
		cycles.withdraw(SelfAssessmentFixtures.REGULATOR, setup.cycleId(), setup.institution().getId(), "停业整顿");
		assertThat(reasons(() -> selfAssessments.submit(setup.clinic(), setup.selfAssessmentId())))
			.containsExactly("rating.withdrawn");
	}

	@Test
	void nobodyElseReachesASelfAssessment() {
		Setup setup = fixtures.open("330102");
		Setup other = fixtures.open("330102");
		long i11 = fixtures.indicator("1.1");
		selfAssessments.saveSection(setup.clinic(), setup.selfAssessmentId(), "S1", fixtures.answers(setup, Map.of()),
				Map.of(i11, List.of(new Upload("a.pdf", SelfAssessmentFixtures.PDF))));
		long fileId = jdbc.queryForObject("select id from evidence_file where self_assessment_id = ?", Long.class,
				setup.selfAssessmentId());
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> selfAssessments.view(other.clinic(), setup.selfAssessmentId()));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> selfAssessments.saveSection(other.clinic(),
				setup.selfAssessmentId(), "S1", new SectionAnswers(), Map.of()));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> selfAssessments.evidence(other.clinic(), setup.selfAssessmentId(), fileId));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> selfAssessments.evidence(other.clinic(), other.selfAssessmentId(), fileId));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> selfAssessments.view(Fixtures.regulator("330106"), setup.selfAssessmentId()));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> selfAssessments.evidence(Fixtures.regulator("330106"), setup.selfAssessmentId(), fileId));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> selfAssessments.view(Fixtures.assessor(), setup.selfAssessmentId()));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> selfAssessments.start(Fixtures.clinic(setup.institution().getId()), 987654321L));
		assertThat(selfAssessments.evidence(Fixtures.regulator("330102"), setup.selfAssessmentId(), fileId).content())
			.isEqualTo(SelfAssessmentFixtures.PDF);
	}

	private static byte[] huge() {
		byte[] bytes = new byte[(int) EvidenceFiles.MAX_BYTES + 1];
		System.arraycopy(SelfAssessmentFixtures.PDF, 0, bytes, 0, SelfAssessmentFixtures.PDF.length);
		return bytes;
	}

	private static cn.meizhi.standard.Indicator indicator(SelfAssessmentView view, String code) {
		return view.version().indicators().filter(i -> i.getCode().equals(code)).findFirst().orElseThrow();
	}

	private static SectionAnswers withComment(SectionAnswers form, long indicatorId, String comment) {
		form.getComments().put(indicatorId, comment);
		return form;
	}

	private static List<String> reasons(Runnable action) {
		return catchRejection(action).reasons().stream().map(FormRejectedException.Reason::code).toList();
	}

	private static FormRejectedException catchRejection(Runnable action) {
		try {
			action.run();
		}
		catch (FormRejectedException ex) {
			return ex;
		}
		throw new AssertionError("Expected a refusal");
	}

}
