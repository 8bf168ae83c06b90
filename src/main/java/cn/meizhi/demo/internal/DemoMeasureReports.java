package cn.meizhi.demo.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import cn.meizhi.institution.Institution;
import cn.meizhi.institution.InstitutionStatus;
import cn.meizhi.qualitymeasure.MeasureDirection;
import cn.meizhi.qualitymeasure.MeasurePeriod;
import cn.meizhi.qualitymeasure.MeasureReports;
import cn.meizhi.qualitymeasure.MeasureValuesForm;
import cn.meizhi.qualitymeasure.QualityMeasure;
import cn.meizhi.qualitymeasure.ReportingPeriod;
import cn.meizhi.shared.CurrentUser;

/**
 * The demo's quality-measure reports under the example set: every open institution of 上城区
 * and 西湖区 submitted the last three ended quarters with plausible values (the same on
 * every start), except that the demo clinic keeps the latest quarter as a draft (late)
 * and had the quarter before returned by 上城区's regulator with a reason.
 */
final class DemoMeasureReports {

	private final MeasureReports reports;

	private final LocalDate today;

	DemoMeasureReports(MeasureReports reports, LocalDate today) {
		this.reports = reports;
		this.today = today;
	}

	int load(List<Institution> registered, long clinicInstitutionId, List<QualityMeasure> measures) {
		Random random = new Random(20261207L);
		MeasurePeriod latest = MeasurePeriod.containing(ReportingPeriod.QUARTERLY, today).previous();
		List<MeasurePeriod> quarters = List.of(latest.previous().previous(), latest.previous(), latest);
		int submitted = 0;
		for (Institution institution : registered) {
			boolean demoDistrict = institution.getRegionCode().equals("330102")
					|| institution.getRegionCode().equals("330106");
			if (!demoDistrict || institution.getStatus() != InstitutionStatus.ACTIVE) {
				continue;
			}
			CurrentUser officer = institution.getId() == clinicInstitutionId ? DemoPeople.clinic(clinicInstitutionId)
					: DemoPeople.qualityOfficer(institution.getId());
			for (MeasurePeriod quarter : quarters) {
				List<QualityMeasure> reported = measures.stream()
					.filter(m -> m.getPeriod() == ReportingPeriod.QUARTERLY
							&& m.institutionTypeList().contains(institution.getType()))
					.toList();
				if (reported.isEmpty()) {
					continue;
				}
				boolean draft = institution.getId() == clinicInstitutionId && quarter.equals(latest);
				reports.save(officer, quarter.key(), values(reported, random), !draft);
				submitted += draft ? 0 : 1;
			}
		}
		var returned = reports.reportOf(DemoPeople.clinic(clinicInstitutionId), latest.previous().key()).report();
		if (returned != null) {
			reports.returnReport(DemoPeople.regulatorOf("330102"), returned.getId(),
					"QC-09 不良事件报告例数与本机构在系统中报告的不良事件数不一致，请核对后重新提交。");
		}
		return submitted;
	}

	/** Plausible numbers: few complications, mostly complete documentation. */
	private static MeasureValuesForm values(List<QualityMeasure> measures, Random random) {
		MeasureValuesForm form = new MeasureValuesForm();
		form.setConfirmOutliers(true);
		for (QualityMeasure m : measures) {
			switch (m.getUnit()) {
				case RATE_PERCENT -> {
					int cases = 40 + random.nextInt(360);
					int counted = m.getDirection() == MeasureDirection.LOWER_BETTER
							? random.nextInt(Math.max(1, cases / 25)) : cases - random.nextInt(Math.max(1, cases / 8));
					form.getNumerator().put(m.getCode(), String.valueOf(counted));
					form.getDenominator().put(m.getCode(), String.valueOf(cases));
				}
				case PER_THOUSAND -> {
					int visits = 500 + random.nextInt(3000);
					form.getNumerator().put(m.getCode(), String.valueOf(random.nextInt(Math.max(1, visits / 150))));
					form.getDenominator().put(m.getCode(), String.valueOf(visits));
				}
				case COUNT -> form.getNumerator().put(m.getCode(), String.valueOf(random.nextInt(6)));
				case DAYS -> form.getNumerator().put(m.getCode(), String.valueOf(1 + random.nextInt(40) / 10.0));
			}
		}
		return form;
	}

}
