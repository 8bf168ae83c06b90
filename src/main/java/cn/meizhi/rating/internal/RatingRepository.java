package cn.meizhi.rating.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import cn.meizhi.rating.Rating;
import cn.meizhi.rating.RatingStatus;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RatingRepository extends JpaRepository<Rating, Long> {

	List<Rating> findByInstitutionIdOrderByProposedAtDesc(long institutionId);

	List<Rating> findByInstitutionIdAndStatusIn(long institutionId, Collection<RatingStatus> statuses);

	List<Rating> findByInspectionIdAndStatusIn(long inspectionId, Collection<RatingStatus> statuses);

	@Query("select r from Rating r where r.regionCode like concat(:prefix, '%') and r.status in :statuses order by r.proposedAt")
	List<Rating> findWithin(String prefix, Collection<RatingStatus> statuses);

	Optional<Rating> findByCertificateNo(String certificateNo);

	@Query("""
			select r from Rating r where r.regionCode like concat(:prefix, '%') and r.status = cn.meizhi.rating.RatingStatus.PUBLISHED
			and r.validUntil between :from and :to order by r.validUntil, r.id""")
	List<Rating> findExpiringWithin(String prefix, LocalDate from, LocalDate to);

	@Query("""
			select r from Rating r where r.institutionId = :institutionId and r.status = cn.meizhi.rating.RatingStatus.PUBLISHED
			and r.validUntil between :from and :to order by r.validUntil""")
	List<Rating> findExpiringOf(long institutionId, LocalDate from, LocalDate to);

	/**
	 * Ratings on public notice whose last day has passed with no objection left
	 * unanswered.
	 */
	@Query("""
			select r from Rating r where r.status = cn.meizhi.rating.RatingStatus.IN_NOTICE and r.noticeUntil < :today
			and not exists (select o.id from RatingObjection o where o.ratingId = r.id and o.outcome is null)
			order by r.noticeUntil, r.id""")
	List<Rating> findNoticeEnded(LocalDate today);

	/** Ratings on public notice in a jurisdiction (all when the prefix is empty). */
	@Query("select r from Rating r where r.status = cn.meizhi.rating.RatingStatus.IN_NOTICE and r.regionCode like concat(:prefix, '%') order by r.noticeUntil, r.id")
	List<Rating> findOnNotice(String prefix);

	@Query("select r from Rating r where r.status in (cn.meizhi.rating.RatingStatus.PUBLISHED, cn.meizhi.rating.RatingStatus.SUSPENDED) and r.validUntil < :today")
	List<Rating> findDueForExpiry(LocalDate today);

}
