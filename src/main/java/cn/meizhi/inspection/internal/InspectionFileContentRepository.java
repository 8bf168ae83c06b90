package cn.meizhi.inspection.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface InspectionFileContentRepository extends JpaRepository<InspectionFileContent, Long> {

}
