package cn.meizhi.support;

import java.math.BigDecimal;
import java.util.EnumSet;

import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.InstitutionType;
import cn.meizhi.standard.EvaluationMethod;
import cn.meizhi.standard.StandardAuthoring;
import cn.meizhi.standard.StandardManagement;
import cn.meizhi.standard.StandardSection;
import cn.meizhi.standard.StandardVersion;
import cn.meizhi.standard.internal.IndicatorForm;
import cn.meizhi.standard.internal.SectionForm;
import cn.meizhi.standard.internal.StandardForm;

import org.springframework.stereotype.Component;

/**
 * A small published standard for tests: section S1 (weight 60) with 1.1 (max 5, step 0.5,
 * core) and 1.2 (max 4, N/A allowed); section S2 (weight 40) with 2.1 (max 10, step 1)
 * and 2.2 (max 3, hospitals only).
 */
@Component
public class StandardFixtures {

	private static final CurrentUser AUTHOR = Fixtures.admin();

	private final StandardManagement standards;

	private final StandardAuthoring authoring;

	private Long published;

	public StandardFixtures(StandardManagement standards, StandardAuthoring authoring) {
		this.authoring = authoring;
		this.standards = standards;
	}

	public synchronized long publishedVersionId() {
		if (published == null) {
			StandardVersion draft = draft();
			authoring.publish(AUTHOR, draft.getId());
			published = draft.getId();
		}
		return published;
	}

	public long draftVersionId() {
		return draft().getId();
	}

	private StandardVersion draft() {
		var form = new StandardForm();
		form.setName(Fixtures.unique("测试用标准"));
		form.setNameEn("Test standard");
		form.setVersionLabel("v1");
		StandardVersion version = authoring.createStandard(AUTHOR, form);
		StandardSection s1 = authoring.addSection(AUTHOR, version.getId(), section("S1", 1, "60"));
		StandardSection s2 = authoring.addSection(AUTHOR, version.getId(), section("S2", 2, "40"));
		authoring.addIndicator(AUTHOR, version.getId(), indicator(s1.getId(), "1.1", "5", "0.5", true, false, null));
		authoring.addIndicator(AUTHOR, version.getId(), indicator(s1.getId(), "1.2", "4", "1", false, true, null));
		authoring.addIndicator(AUTHOR, version.getId(), indicator(s2.getId(), "2.1", "10", "1", false, false, null));
		authoring.addIndicator(AUTHOR, version.getId(),
				indicator(s2.getId(), "2.2", "3", "1", false, true, InstitutionType.AESTHETIC_HOSPITAL));
		return version;
	}

	private static SectionForm section(String code, int position, String weight) {
		var form = new SectionForm();
		form.setCode(code);
		form.setName("部分" + code);
		form.setNameEn("Section " + code);
		form.setPosition(position);
		form.setWeight(new BigDecimal(weight));
		return form;
	}

	private static IndicatorForm indicator(long sectionId, String code, String max, String step, boolean core,
			boolean naAllowed, InstitutionType onlyFor) {
		var form = new IndicatorForm();
		form.setSectionId(sectionId);
		form.setCode(code);
		form.setTitle("条款" + code);
		form.setTitleEn("Indicator " + code);
		form.setGuidance("查阅资料。");
		form.setGuidanceEn("Check documents.");
		form.setMethods(EnumSet.of(EvaluationMethod.DOCUMENT_REVIEW));
		form.setMaxScore(new BigDecimal(max));
		form.setScoreStep(new BigDecimal(step));
		form.setCore(core);
		form.setNotApplicableAllowed(naAllowed);
		form.setAppliesToTypes(onlyFor == null ? EnumSet.noneOf(InstitutionType.class) : EnumSet.of(onlyFor));
		return form;
	}

}
