package cn.meizhi.rating.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import cn.meizhi.rating.RatingReply;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RatingReplyRepository extends JpaRepository<RatingReply, Long> {

	List<RatingReply> findByRatingIdOrderBySubmittedAtDescIdDesc(long ratingId);

	List<RatingReply> findByRatingIdInAndStatus(Collection<Long> ratingIds, RatingReply.Status status);

	java.util.Optional<RatingReply> findFirstByRatingIdAndStatus(long ratingId, RatingReply.Status status);

	boolean existsByRatingIdAndStatus(long ratingId, RatingReply.Status status);

	@Query("""
			select p from RatingReply p, Rating r where p.ratingId = r.id and p.status = cn.meizhi.rating.RatingReply.Status.PENDING
			and r.regionCode like concat(:prefix, '%') order by p.submittedAt, p.id""")
	List<RatingReply> findPendingWithin(String prefix);

}
