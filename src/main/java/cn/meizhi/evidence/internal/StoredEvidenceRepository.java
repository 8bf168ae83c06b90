package cn.meizhi.evidence.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StoredEvidenceRepository extends JpaRepository<StoredEvidenceBytes, Long> {

}
