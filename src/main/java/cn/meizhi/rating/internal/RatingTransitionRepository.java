package cn.meizhi.rating.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RatingTransitionRepository extends JpaRepository<RatingTransition, Long> {

	List<RatingTransition> findByRatingIdOrderByOccurredAtAscIdAsc(long ratingId);

}
