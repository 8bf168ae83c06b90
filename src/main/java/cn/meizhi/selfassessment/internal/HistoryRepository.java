package cn.meizhi.selfassessment.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface HistoryRepository extends JpaRepository<HistoryEntry, Long> {

	List<HistoryEntry> findBySelfAssessmentIdOrderByOccurredAtDesc(long selfAssessmentId);

}
