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

	int load(List<Institution> registered, long clinicInstitutionId, List<QualityMeasure> measures,
			LocalDate reportingFrom) {
		Random random = new Random(20261207L);
		// each measure's usual rate in the demo's districts
		java.util.Map<String, Double> usual = new java.util.HashMap<>();
		for (QualityMeasure m : measures) {
			usual.put(m.getCode(), m.getDirection() == MeasureDirection.LOWER_BETTER
					? 0.005 + random.nextDouble() * 0.025 : 0.90 + random.nextDouble() * 0.08);
		}
		int submitted = 0;
		for (ReportingPeriod kind : ReportingPeriod.values()) {
			MeasurePeriod latest = MeasurePeriod.containing(kind, today).previous();
			List<MeasurePeriod> periods = new java.util.ArrayList<>();
			MeasurePeriod first = MeasurePeriod.containing(kind, reportingFrom);
			for (MeasurePeriod p = latest; periods.size() < (kind == ReportingPeriod.QUARTERLY ? 3 : 11)
					&& p.compareTo(first) >= 0; p = p.previous()) {
				periods.add(0, p);
			}
			for (Institution institution : registered) {
				boolean demoDistrict = institution.getRegionCode().equals("330102")
						|| institution.getRegionCode().equals("330106");
				if (!demoDistrict || institution.getStatus() != InstitutionStatus.ACTIVE) {
					continue;
				}
				boolean demoClinic = institution.getId() == clinicInstitutionId;
				CurrentUser officer = demoClinic ? DemoPeople.clinic(clinicInstitutionId)
						: DemoPeople.qualityOfficer(institution.getId());
				List<QualityMeasure> reported = measures.stream()
					.filter(m -> m.getPeriod() == kind && m.institutionTypeList().contains(institution.getType()))
					.toList();
				if (reported.isEmpty()) {
					continue;
				}
				for (MeasurePeriod period : periods) {
					boolean draft = demoClinic && period.equals(latest);
					reports.save(officer, period.key(), values(reported, usual, demoClinic, random), !draft);
					submitted += draft ? 0 : 1;
				}
			}
		}
		MeasurePeriod quarter = MeasurePeriod.containing(ReportingPeriod.QUARTERLY, today).previous().previous();
		var returned = reports.reportOf(DemoPeople.clinic(clinicInstitutionId), quarter.key()).report();
		if (returned != null) {
			reports.returnReport(DemoPeople.regulatorOf("330102"), returned.getId(),
					"QC-09 不良事件报告例数与本机构在系统中报告的不良事件数不一致，请核对后重新提交。");
		}
		return submitted;
	}

	/**
	 * Numbers drawn around each measure's usual rate, case by case (so institutions
	 * differ by chance only, as the funnel limits expect); the demo clinic's medical
	 * records (QC-08 病历甲级率) are graded worse, an outlier its feedback report shows.
	 */
	private static MeasureValuesForm values(List<QualityMeasure> measures, java.util.Map<String, Double> usual,
			boolean demoClinic, Random random) {
		MeasureValuesForm form = new MeasureValuesForm();
		form.setConfirmOutliers(true);
		for (QualityMeasure m : measures) {
			double rate = demoClinic && m.getCode().equals("QC-08") ? 0.78 : usual.get(m.getCode());
			switch (m.getUnit()) {
				case RATE_PERCENT -> {
					int cases = 40 + random.nextInt(360);
					form.getNumerator().put(m.getCode(), String.valueOf(draws(cases, rate, random)));
					form.getDenominator().put(m.getCode(), String.valueOf(cases));
				}
				case PER_THOUSAND -> {
					int visits = 500 + random.nextInt(3000);
					form.getNumerator().put(m.getCode(), String.valueOf(draws(visits, rate / 8, random)));
					form.getDenominator().put(m.getCode(), String.valueOf(visits));
				}
				case COUNT -> form.getNumerator().put(m.getCode(), String.valueOf(random.nextInt(6)));
				case DAYS -> form.getNumerator().put(m.getCode(), String.valueOf(1.5 + random.nextInt(20) / 10.0));
			}
		}
		return form;
	}

	/** How many of {@code cases} have a property of probability {@code p}. */
	private static int draws(int cases, double p, Random random) {
		int count = 0;
		for (int i = 0; i < cases; i++) {
			count += random.nextDouble() < p ? 1 : 0;
		}
		return count;
	}

}
