package cn.meizhi.rating.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RatingObjectionRepository extends JpaRepository<RatingObjection, Long> {

	List<RatingObjection> findByRatingIdOrderByFiledAt(long ratingId);

	long countByRatingIdAndOutcomeIsNull(long ratingId);

	/** The unanswered objections of a jurisdiction, oldest first. */
	@Query("select o from RatingObjection o where o.regionCode like concat(:prefix, '%') and o.outcome is null order by o.filedAt")
	List<RatingObjection> findOpenWithin(String prefix);

	/** Per rating: objections filed, and those still open, upheld, dismissed. */
	@Query("select o.ratingId, o.outcome, count(o) from RatingObjection o where o.ratingId in :ratingIds group by o.ratingId, o.outcome")
	List<Object[]> countByOutcome(Collection<Long> ratingIds);

}
