package cn.meizhi.rating.internal;

import java.util.Optional;

import cn.meizhi.cycle.CycleManagement;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionSummary;
import cn.meizhi.rating.CertificateCheck;
import cn.meizhi.rating.Rating;
import cn.meizhi.rating.StarsChange;
import cn.meizhi.rating.internal.Appeal.Outcome;
import cn.meizhi.standard.StandardManagement;
import cn.meizhi.standard.StandardVersion;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certificates, for anyone: what a certificate number stands for today (the verification
 * page, the API) and everything it states (its printable page, PDF and badge). One rule
 * decides whether a certificate holds: {@link CertificateCheck.Verdict#of}.
 */
@Service
@Transactional(readOnly = true)
public class Certificates {

	private final RatingRepository repository;

	private final AppealRepository appeals;

	private final InstitutionManagement institutions;

	private final StandardManagement standards;

	private final CycleManagement cycles;

	Certificates(RatingRepository repository, AppealRepository appeals, InstitutionManagement institutions,
			StandardManagement standards, CycleManagement cycles) {
		this.repository = repository;
		this.appeals = appeals;
		this.institutions = institutions;
		this.standards = standards;
		this.cycles = cycles;
	}

	/**
	 * A certificate number as printed, from what someone typed or scanned: without spaces
	 * (also full-width ones), in capitals. {@code mz-330102-2024-000005} and
	 * {@code MZ-330102 -2024-000005} are {@code MZ-330102-2024-000005}.
	 */
	public static String canonicalCertificateNo(String typed) {
		return typed == null ? "" : typed.replaceAll("[\\s\u3000]+", "").toUpperCase(java.util.Locale.ROOT);
	}

	/**
	 * Checks a certificate by its number, for anyone, by the one rule
	 * ({@link CertificateCheck.Verdict#of}): a published rating past its last day counts
	 * as expired even before the job has marked it, and no certificate holds while the
	 * institution's licence is suspended or closed. Empty when no certificate has that
	 * number.
	 */
	public Optional<CertificateCheck> verify(String certificateNo) {
		return repository.findByCertificateNo(canonicalCertificateNo(certificateNo)).flatMap(rating -> {
			InstitutionSummary institution = institutions.findSummary(rating.getInstitutionId()).orElseThrow();
			return verdict(rating, institution).map(verdict -> new CertificateCheck(rating.getCertificateNo(), verdict,
					rating.getInstitutionId(), institution.name(), rating.getRegionCode(), rating.getStars(),
					starsChange(rating), rating.getValidFrom(), rating.getValidUntil()));
		});
	}

	/**
	 * Everything a certificate states, for its printable page, PDF and badge; empty when
	 * no certificate has that number.
	 */
	public Optional<Certificate> certificate(String certificateNo) {
		return repository.findByCertificateNo(canonicalCertificateNo(certificateNo)).flatMap(rating -> {
			InstitutionSummary institution = institutions.findSummary(rating.getInstitutionId()).orElseThrow();
			return verdict(rating, institution).map(verdict -> {
				StandardVersion version = standards.publicVersion(rating.getStandardVersionId());
				return new Certificate(rating.getCertificateNo(), verdict, rating.getInstitutionId(),
						institution.name(), institution.creditCode(), rating.getRegionCode(), rating.getStars(),
						rating.getTotal(), starsChange(rating), version.getStandard().getName(),
						version.getStandard().getNameEn(), version.getLabel(), version.getId(),
						rating.getValidFrom() /* approval publishes at once */, rating.getValidFrom(),
						rating.getValidUntil());
			});
		});
	}

	/** Why the rating's stars differ from the computed ones, or null when they do not. */
	private StarsChange starsChange(Rating rating) {
		if (!rating.isOverride()) {
			return null;
		}
		boolean onAppeal = appeals.findByRatingIdOrderByFiledAt(rating.getId())
			.stream()
			.anyMatch(a -> a.getOutcome() == Outcome.ADJUSTED
					&& Integer.valueOf(rating.getStars()).equals(a.getAdjustedStars()));
		return StarsChange.of(rating.getStars(), rating.getComputedStars(), rating.getOverrideReason(), onAppeal);
	}

	/** Whether a certificate holds today; empty for ratings that never had one. */
	private Optional<CertificateCheck.Verdict> verdict(Rating rating, InstitutionSummary institution) {
		return Optional.ofNullable(CertificateCheck.Verdict.of(rating.getStatus(), rating.getValidUntil(),
				institution.status(), cycles.today()));
	}

}
