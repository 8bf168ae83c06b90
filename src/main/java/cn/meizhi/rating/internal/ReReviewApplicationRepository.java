package cn.meizhi.rating.internal;

import java.util.List;
import java.util.Optional;

import cn.meizhi.rating.ReReviewApplication;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ReReviewApplicationRepository extends JpaRepository<ReReviewApplication, Long> {

	List<ReReviewApplication> findByInstitutionIdOrderByAppliedAtDesc(long institutionId);

	Optional<ReReviewApplication> findByInstitutionIdAndStatus(long institutionId, ReReviewApplication.Status status);

	@Query("""
			select a from ReReviewApplication a where a.regionCode like concat(:prefix, '%')
			  and a.status = cn.meizhi.rating.ReReviewApplication.Status.PENDING order by a.appliedAt
			""")
	List<ReReviewApplication> findPendingWithin(String prefix);

}
