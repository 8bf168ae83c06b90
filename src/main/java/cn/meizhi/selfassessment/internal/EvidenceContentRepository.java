package cn.meizhi.selfassessment.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface EvidenceContentRepository extends JpaRepository<EvidenceContent, Long> {

}
