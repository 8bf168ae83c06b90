package cn.meizhi.rating;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RatingRepository extends JpaRepository<Rating, Long> {

	List<Rating> findByInstitutionIdOrderByProposedAtDesc(long institutionId);

	List<Rating> findByInstitutionIdAndStatusIn(long institutionId, Collection<RatingStatus> statuses);

	List<Rating> findByInspectionIdAndStatusIn(long inspectionId, Collection<RatingStatus> statuses);

	@Query("select r from Rating r where r.regionCode like concat(:prefix, '%') and r.status in :statuses order by r.proposedAt")
	List<Rating> findWithin(String prefix, Collection<RatingStatus> statuses);

	Optional<Rating> findByCertificateNo(String certificateNo);

	/**
	 * Ratings of a jurisdiction, newest approval first (proposals last), each filter
	 * optional.
	 */
	@Query(value = """
			select r from Rating r where r.regionCode like concat(:prefix, '%')
			and r.status in :statuses
			and (:stars = -1 or r.stars = :stars)
			and (:institutionId = -1 or r.institutionId = :institutionId)
			order by r.approvedAt desc nulls last, r.id desc""")
	org.springframework.data.domain.Page<Rating> search(String prefix, Collection<RatingStatus> statuses, int stars,
			long institutionId, org.springframework.data.domain.Pageable pageable);

	@Query("""
			select r from Rating r where r.regionCode like concat(:prefix, '%') and r.status = cn.meizhi.rating.RatingStatus.PUBLISHED
			and r.validUntil between :from and :to order by r.validUntil, r.id""")
	List<Rating> findExpiringWithin(String prefix, LocalDate from, LocalDate to);

	@Query("""
			select r from Rating r where r.institutionId = :institutionId and r.status = cn.meizhi.rating.RatingStatus.PUBLISHED
			and r.validUntil between :from and :to order by r.validUntil""")
	List<Rating> findExpiringOf(long institutionId, LocalDate from, LocalDate to);

	@Query("select r from Rating r where r.status in (cn.meizhi.rating.RatingStatus.PUBLISHED, cn.meizhi.rating.RatingStatus.SUSPENDED) and r.validUntil < :today")
	List<Rating> findDueForExpiry(LocalDate today);

}

interface RatingTransitionRepository extends JpaRepository<RatingTransition, Long> {

	List<RatingTransition> findByRatingIdOrderByOccurredAtAscIdAsc(long ratingId);

}

interface AppealRepository extends JpaRepository<Appeal, Long> {

	List<Appeal> findByRatingIdOrderByFiledAt(long ratingId);

	Optional<Appeal> findFirstByRatingIdAndOutcome(long ratingId, Appeal.Outcome outcome);

}

interface CertificateSequence extends org.springframework.data.repository.Repository<Rating, Long> {

	/**
	 * Advances the region's counter for the year atomically (safe under concurrent
	 * approvals).
	 */
	@Modifying
	@Query(value = """
			insert into certificate_sequence (region_code, year, last_value) values (:region, :year, 1)
			on conflict (region_code, year) do update set last_value = certificate_sequence.last_value + 1
			returning last_value
			""", nativeQuery = true)
	int next(String region, int year);

}

interface RatingReplyRepository extends JpaRepository<RatingReply, Long> {

	List<RatingReply> findByRatingIdOrderBySubmittedAtDescIdDesc(long ratingId);

	List<RatingReply> findByRatingIdInAndStatus(Collection<Long> ratingIds, RatingReply.Status status);

	java.util.Optional<RatingReply> findFirstByRatingIdAndStatus(long ratingId, RatingReply.Status status);

	boolean existsByRatingIdAndStatus(long ratingId, RatingReply.Status status);

	@Query("""
			select p from RatingReply p, Rating r where p.ratingId = r.id and p.status = cn.meizhi.rating.RatingReply.Status.PENDING
			and r.regionCode like concat(:prefix, '%') order by p.submittedAt, p.id""")
	List<RatingReply> findPendingWithin(String prefix);

}

interface AppealFileRepository extends JpaRepository<AppealFile, Long> {

	List<AppealFile> findByAppealIdInOrderById(Collection<Long> appealIds);

}

interface AppealFileContentRepository extends JpaRepository<AppealFile.Content, Long> {

}
