package cn.meizhi.rating.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AppealRepository extends JpaRepository<Appeal, Long> {

	List<Appeal> findByRatingIdOrderByFiledAt(long ratingId);

	Optional<Appeal> findFirstByRatingIdAndOutcome(long ratingId, Appeal.Outcome outcome);

}
