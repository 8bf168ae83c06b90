package cn.meizhi.selfassessment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.meizhi.cycle.CycleForm;
import cn.meizhi.cycle.CycleManagement;
import cn.meizhi.cycle.CycleStatus;
import cn.meizhi.cycle.EvaluationCycle;
import cn.meizhi.institution.Institution;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.standard.Indicator;
import cn.meizhi.standard.StandardManagement;
import cn.meizhi.standard.StandardVersion;
import cn.meizhi.support.Fixtures;
import cn.meizhi.support.StandardFixtures;

import org.springframework.stereotype.Component;

/**
 * Cycles, self-assessments and files for self-assessment tests.
 */
@Component
class SelfAssessmentFixtures {

	static final CurrentUser REGULATOR = Fixtures.regulator("330100");

	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13 };

	static final byte[] HTML_AS_PDF = "<html><script>alert('x')</script></html>".getBytes(StandardCharsets.UTF_8);

	static final byte[] EXE = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0 };

	private final Fixtures fixtures;

	private final StandardFixtures standardFixtures;

	private final CycleManagement cycles;

	private final StandardManagement standards;

	private final SelfAssessments selfAssessments;

	SelfAssessmentFixtures(Fixtures fixtures, StandardFixtures standardFixtures, CycleManagement cycles,
			StandardManagement standards, SelfAssessments selfAssessments) {
		this.fixtures = fixtures;
		this.standardFixtures = standardFixtures;
		this.cycles = cycles;
		this.standards = standards;
		this.selfAssessments = selfAssessments;
	}

	/** A new clinic institution in the district and an open cycle over that district. */
	Setup open(String district, LocalDate closes) {
		Institution institution = fixtures.institution(district);
		var form = new CycleForm();
		form.setName(Fixtures.unique("自评测试周期"));
		form.setJurisdictionCode(district);
		form.setStandardVersionId(standardFixtures.publishedVersionId());
		LocalDate opens = closes.minusDays(30);
		form.setSelfAssessmentOpens(opens);
		form.setSelfAssessmentCloses(closes);
		form.setInspectionStarts(closes.plusDays(1));
		form.setInspectionEnds(closes.plusDays(30));
		EvaluationCycle cycle = cycles.create(REGULATOR, form);
		cycles.advance(REGULATOR, cycle.getId(), CycleStatus.OPEN);
		CurrentUser clinic = Fixtures.clinic(institution.getId());
		long id = selfAssessments.start(clinic, cycle.getId());
		return new Setup(institution, cycle.getId(), clinic, id);
	}

	Setup open(String district) {
		return open(district, LocalDate.now().plusDays(20));
	}

	/** The id of an indicator of the test standard by code. */
	long indicator(String code) {
		StandardVersion version = standards.publicVersion(standardFixtures.publishedVersionId());
		return version.indicators()
			.filter(i -> i.getCode().equals(code))
			.map(Indicator::getId)
			.findFirst()
			.orElseThrow();
	}

	SectionAnswers answers(Setup setup, Map<String, String> values) {
		var form = new SectionAnswers();
		form.setLockVersion(
				selfAssessments.view(setup.clinic(), setup.selfAssessmentId()).assessment().getLockVersion());
		values.forEach((code, value) -> form.getValues().put(indicator(code), value));
		return form;
	}

	/** Answers every indicator that applies to a clinic (1.1, 1.2, 2.1). */
	void complete(Setup setup) {
		selfAssessments.saveSection(setup.clinic(), setup.selfAssessmentId(), "S1",
				answers(setup, Map.of("1.1", "5", "1.2", "NA")), Map.of());
		selfAssessments.saveSection(setup.clinic(), setup.selfAssessmentId(), "S2", answers(setup, Map.of("2.1", "8")),
				Map.of());
	}

	static byte[] officeFile(String mainPart) {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
				zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
				zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
				zip.putNextEntry(new ZipEntry(mainPart));
				zip.write("<document/>".getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Setup(Institution institution, long cycleId, CurrentUser clinic, long selfAssessmentId) {
	}

}
