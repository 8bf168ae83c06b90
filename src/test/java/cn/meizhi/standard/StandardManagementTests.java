package cn.meizhi.standard;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;

import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.InstitutionType;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.standard.internal.IndicatorForm;
import cn.meizhi.standard.internal.RulesForm;
import cn.meizhi.standard.internal.SectionForm;
import cn.meizhi.standard.internal.StandardForm;
import cn.meizhi.standard.internal.VersionNotEditableException;
import cn.meizhi.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class StandardManagementTests {

	static final CurrentUser AUTHOR = Fixtures.regulator("330100");

	@Autowired
	StandardManagement standards;

	@Autowired
	StandardAuthoring authoring;

	@Autowired
	RatingEngine engine;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aDraftIsPublishedThenRetiredAndEveryStepIsAudited() {
		StandardVersion draft = draftWithOneIndicator();
		assertThat(draft.getStatus()).isEqualTo(VersionStatus.DRAFT);
		authoring.publish(AUTHOR, draft.getId());
		assertThat(standards.publicVersion(draft.getId()).getStatus()).isEqualTo(VersionStatus.PUBLISHED);
		assertThat(standards.publishedVersions()).extracting(StandardVersion::getId).contains(draft.getId());
		authoring.retire(AUTHOR, draft.getId());
		StandardVersion retired = standards.publicVersion(draft.getId());
		assertThat(retired.getStatus()).isEqualTo(VersionStatus.RETIRED);
		assertThat(standards.publishedVersions()).extracting(StandardVersion::getId).doesNotContain(draft.getId());
		assertThat(standards.publicVersions()).extracting(StandardVersion::getId).contains(draft.getId());
		assertThat(jdbc
			.queryForList("select action from audit_event where object_type = 'StandardVersion' and object_id = ?"
					+ " order by id", String.class, String.valueOf(draft.getId())))
			.containsExactly("STANDARD_CREATED", "STANDARD_SECTION_ADDED", "STANDARD_INDICATOR_ADDED",
					"STANDARD_PUBLISHED", "STANDARD_RETIRED");
	}

	@Test
	void illegalTransitionsAreRefused() {
		StandardVersion empty = authoring.createStandard(AUTHOR, standardForm());
		assertThatThrownBy(() -> authoring.publish(AUTHOR, empty.getId())).isInstanceOf(FormRejectedException.class)
			.hasMessageContaining("standard.publish.empty");
		assertThatThrownBy(() -> authoring.retire(AUTHOR, empty.getId())).isInstanceOf(FormRejectedException.class)
			.hasMessageContaining("standard.retire.notPublished");
		authoring.addSection(AUTHOR, empty.getId(), sectionForm("S1"));
		assertThatThrownBy(() -> authoring.publish(AUTHOR, empty.getId())).isInstanceOf(FormRejectedException.class);
		StandardVersion published = draftWithOneIndicator();
		authoring.publish(AUTHOR, published.getId());
		assertThatExceptionOfType(VersionNotEditableException.class)
			.isThrownBy(() -> authoring.publish(AUTHOR, published.getId()));
	}

	@Test
	void aPublishedVersionNeverChanges() {
		StandardVersion version = draftWithOneIndicator();
		authoring.publish(AUTHOR, version.getId());
		StandardVersion published = standards.version(AUTHOR, version.getId());
		long sectionId = published.getSections().get(0).getId();
		long indicatorId = published.getSections().get(0).getIndicators().get(0).getId();
		RulesForm rules = RulesForm.of(published);
		rules.setStar1(new BigDecimal("10"));
		List<Runnable> changes = List.of(() -> authoring.updateRules(AUTHOR, version.getId(), rules),
				() -> authoring.addSection(AUTHOR, version.getId(), sectionForm("S9")),
				() -> authoring.updateSection(AUTHOR, sectionId, sectionForm("S8")),
				() -> authoring.deleteSection(AUTHOR, sectionId),
				() -> authoring.addIndicator(AUTHOR, version.getId(), indicatorForm(sectionId, "9.9")),
				() -> authoring.updateIndicator(AUTHOR, indicatorId, indicatorForm(sectionId, "9.8")),
				() -> authoring.deleteIndicator(AUTHOR, indicatorId));
		for (Runnable change : changes) {
			assertThatExceptionOfType(VersionNotEditableException.class).isThrownBy(change::run);
		}
		String after = standards.exportJson(version.getId(), AUTHOR);
		assertThat(after).contains("\"code\" : \"1.1\"").contains("\"thresholds\" : [ 60, 70, 80, 88, 94 ]");
	}

	@Test
	void aNewDraftCopiesEverything() {
		StandardVersion version = draftWithOneIndicator();
		authoring.publish(AUTHOR, version.getId());
		StandardVersion draft = authoring.newDraft(AUTHOR, version.getId(), null);
		assertThat(draft.getStatus()).isEqualTo(VersionStatus.DRAFT);
		assertThat(draft.getDerivedFromId()).isEqualTo(version.getId());
		assertThat(draft.getLabel()).isEqualTo("2026 试行版 修订稿");
		String original = standards.exportJson(version.getId(), AUTHOR);
		String copy = standards.exportJson(draft.getId(), AUTHOR);
		assertThat(copy.replace("2026 试行版 修订稿", "2026 试行版")).isEqualTo(original);
		assertThatThrownBy(() -> authoring.newDraft(AUTHOR, version.getId(), "2026 试行版 修订稿"))
			.isInstanceOf(FormRejectedException.class);
	}

	@Test
	void validationRefusesBadThresholdsWeightsCodesAndScoring() {
		StandardVersion draft = draftWithOneIndicator();
		StandardVersion loaded = standards.version(AUTHOR, draft.getId());
		RulesForm rules = RulesForm.of(loaded);
		rules.setStar3(new BigDecimal("70"));
		assertThat(reasons(() -> authoring.updateRules(AUTHOR, draft.getId(), rules)))
			.containsExactly("star3:standard.rules.thresholdsIncreasing");
		SectionForm duplicate = sectionForm("S1");
		assertThat(reasons(() -> authoring.addSection(AUTHOR, draft.getId(), duplicate)))
			.containsExactly("code:standard.section.codeTaken");
		SectionForm weightless = sectionForm("S2");
		weightless.setWeight(BigDecimal.ZERO);
		assertThat(reasons(() -> authoring.addSection(AUTHOR, draft.getId(), weightless)))
			.containsExactly("weight:standard.section.weightPositive");
		long sectionId = loaded.getSections().get(0).getId();
		IndicatorForm offStep = indicatorForm(sectionId, "1.2");
		offStep.setMaxScore(new BigDecimal("5.2"));
		assertThat(reasons(() -> authoring.addIndicator(AUTHOR, draft.getId(), offStep)))
			.containsExactly("maxScore:standard.indicator.maxNotMultiple");
		assertThat(reasons(() -> authoring.addIndicator(AUTHOR, draft.getId(), indicatorForm(sectionId, "1.1"))))
			.containsExactly("code:standard.indicator.codeTaken");
	}

	@Test
	void onlyRegulatorsAndAdminsAuthorAndDraftsAreNotPublic() {
		StandardVersion draft = draftWithOneIndicator();
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> authoring.createStandard(Fixtures.clinic(1L), standardForm()));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> standards.version(Fixtures.assessor(), draft.getId()));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> standards.publicVersion(draft.getId()));
		assertThat(standards.version(Fixtures.admin(), draft.getId()).getId()).isEqualTo(draft.getId());
	}

	@Test
	void theExampleStandardRoundTripsExactlyThroughJson() throws Exception {
		byte[] example = new ClassPathResource("demo/example-standard.json").getContentAsByteArray();
		String renamed = new String(example, StandardCharsets.UTF_8).replace("医疗美容机构规范化星级评价标准（示例）",
				Fixtures.unique("往返测试标准"));
		var imported = authoring.importJson(AUTHOR, new ByteArrayInputStream(renamed.getBytes(StandardCharsets.UTF_8)));
		assertThat(imported.problems()).isEmpty();
		StandardVersion version = standards.version(AUTHOR, imported.version().getId());
		assertThat(version.getSections()).hasSize(8);
		assertThat(version.getIndicatorCount()).isGreaterThanOrEqualTo(40);
		assertThat(version.getCoreIndicatorCount()).isPositive();
		String exported = standards.exportJson(version.getId(), AUTHOR);
		assertThat(normalize(exported)).isEqualTo(normalize(renamed));

		String again = exported.replace("\"label\" : \"2023 试行版\"", "\"label\" : \"第二次导入\"");
		var second = authoring.importJson(AUTHOR, new ByteArrayInputStream(again.getBytes(StandardCharsets.UTF_8)));
		assertThat(second.problems()).isEmpty();
		assertThat(second.version().getStandard().getId()).isEqualTo(version.getStandard().getId());
		assertThat(standards.exportJson(second.version().getId(), AUTHOR)).isEqualTo(again);
	}

	@Test
	void aBrokenFileReportsWhereAndImportsNothing() {
		long before = count();
		var malformed = authoring.importJson(AUTHOR,
				json("{\n  \"format\": \"meizhi-standard/1\",\n  \"standard\": {,\n}"));
		assertThat(malformed.problems()).singleElement().satisfies(p -> {
			assertThat(p.code()).isEqualTo("standard.import.malformed");
			assertThat(p.where()).contains("line 3");
		});
		var wrongType = authoring.importJson(AUTHOR,
				json("{\"format\": \"meizhi-standard/1\", \"rules\": {\"appealWindowDays\": \"soon\"}}"));
		assertThat(wrongType.problems()).singleElement()
			.satisfies(p -> assertThat(p.where()).contains("appealWindowDays"));

		String bad = """
				{"format": "meizhi-standard/1",
				 "standard": {"name": "坏文件", "nameEn": "Bad", "description": null, "descriptionEn": null, "example": false},
				 "version": {"label": "v1", "notes": null},
				 "rules": {"thresholds": [60, 50, 80, 88, 120], "coreFailureCap": 7, "sectionMinimumPercent": 70,
				           "appealWindowDays": 15, "validityMonths": 36, "correctiveActionDueDays": 30},
				 "sections": [{"code": "S1", "name": "依法执业", "nameEn": "Lawful", "weight": -1, "indicators": [
				   {"code": "1.1", "title": "t", "titleEn": "t", "guidance": "g", "guidanceEn": "g", "methods": ["GUESSING"],
				    "maxScore": 5.2, "scoreStep": 0.5, "notApplicableAllowed": false, "appliesToTypes": ["SPA"],
				    "minimumSurgeryLevel": 9, "core": true},
				   {"code": "1.1", "title": "", "titleEn": "t", "guidance": "g", "guidanceEn": "g", "methods": ["SITE_VISIT"],
				    "maxScore": 5, "scoreStep": 1, "notApplicableAllowed": false, "appliesToTypes": [],
				    "minimumSurgeryLevel": null, "core": false}]}]}
				""";
		var invalid = authoring.importJson(AUTHOR, json(bad));
		assertThat(invalid.problems()).extracting(p -> p.where() + ":" + p.code())
			.contains("rules.thresholds[1]:standard.rules.thresholdsIncreasing",
					"rules.thresholds[4]:standard.rules.thresholdRange", "rules.coreFailureCap:standard.rules.range",
					"sections[0].weight:standard.section.weightPositive",
					"sections[0].indicators[0].maxScore:standard.indicator.maxNotMultiple",
					"sections[0].indicators[0].methods:standard.import.unknownValue",
					"sections[0].indicators[0].appliesToTypes:standard.import.unknownValue",
					"sections[0].indicators[0].minimumSurgeryLevel:standard.rules.range",
					"sections[1].indicators[1].code:standard.indicator.codeTaken".replace("sections[1]", "sections[0]"),
					"sections[0].indicators[1].title:NotBlank");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void theScoringModelKnowsWhichIndicatorsApplyToAnInstitution() {
		StandardVersion draft = draftWithOneIndicator();
		long sectionId = standards.version(AUTHOR, draft.getId()).getSections().get(0).getId();
		IndicatorForm hospitalsOnly = indicatorForm(sectionId, "1.2");
		hospitalsOnly.setAppliesToTypes(EnumSet.of(InstitutionType.AESTHETIC_HOSPITAL));
		hospitalsOnly.setNotApplicableAllowed(true);
		authoring.addIndicator(AUTHOR, draft.getId(), hospitalsOnly);
		IndicatorForm level3 = indicatorForm(sectionId, "1.3");
		level3.setMinimumSurgeryLevel(3);
		authoring.addIndicator(AUTHOR, draft.getId(), level3);
		var clinic = standards.scoringModel(draft.getId(), InstitutionType.AESTHETIC_CLINIC, 2);
		assertThat(clinic.sections().get(0).indicators()).extracting(ScoringModel.IndicatorModel::applicable)
			.containsExactly(true, false, false);
		var hospital = standards.scoringModel(draft.getId(), InstitutionType.AESTHETIC_HOSPITAL, 4);
		assertThat(hospital.sections().get(0).indicators()).extracting(ScoringModel.IndicatorModel::applicable)
			.containsExactly(true, true, true);
	}

	private StandardVersion draftWithOneIndicator() {
		StandardVersion draft = authoring.createStandard(AUTHOR, standardForm());
		StandardSection section = authoring.addSection(AUTHOR, draft.getId(), sectionForm("S1"));
		authoring.addIndicator(AUTHOR, draft.getId(), indicatorForm(section.getId(), "1.1"));
		return draft;
	}

	static StandardForm standardForm() {
		var form = new StandardForm();
		form.setName(Fixtures.unique("测试评价标准"));
		form.setNameEn("Test standard");
		form.setVersionLabel("2026 试行版");
		return form;
	}

	static SectionForm sectionForm(String code) {
		var form = new SectionForm();
		form.setCode(code);
		form.setName("依法执业");
		form.setNameEn("Lawful practice");
		form.setPosition(1);
		form.setWeight(new BigDecimal("20"));
		return form;
	}

	static IndicatorForm indicatorForm(long sectionId, String code) {
		var form = new IndicatorForm();
		form.setSectionId(sectionId);
		form.setCode(code);
		form.setTitle("执业许可证在有效期内");
		form.setTitleEn("Licence is valid");
		form.setGuidance("查阅执业许可证正副本。");
		form.setGuidanceEn("Check the licence.");
		form.setMethods(EnumSet.of(EvaluationMethod.DOCUMENT_REVIEW));
		form.setMaxScore(new BigDecimal("5"));
		form.setScoreStep(new BigDecimal("0.5"));
		form.setCore(true);
		return form;
	}

	private static List<String> reasons(Runnable action) {
		try {
			action.run();
		}
		catch (FormRejectedException ex) {
			return ex.reasons().stream().map(r -> r.field() + ":" + r.code()).toList();
		}
		return List.of();
	}

	private long count() {
		return jdbc.queryForObject("select count(*) from standard_version", Long.class);
	}

	private static ByteArrayInputStream json(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	/** The same JSON whatever the spacing. */
	private static String normalize(String json) {
		return json.replaceAll("\\s+", "");
	}

}
