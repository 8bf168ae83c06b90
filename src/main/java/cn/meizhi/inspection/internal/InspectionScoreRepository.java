package cn.meizhi.inspection.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface InspectionScoreRepository extends JpaRepository<InspectionScore, Long> {

	List<InspectionScore> findByInspectionId(long inspectionId);

	Optional<InspectionScore> findByInspectionIdAndIndicatorId(long inspectionId, long indicatorId);

}
