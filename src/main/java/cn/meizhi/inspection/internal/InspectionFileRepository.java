package cn.meizhi.inspection.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface InspectionFileRepository extends JpaRepository<InspectionFile, Long> {

	List<InspectionFile> findByInspectionIdOrderByUploadedAt(long inspectionId);

	long countByInspectionIdAndIndicatorId(long inspectionId, long indicatorId);

}
