package cn.meizhi.enforcement.internal;

import java.time.LocalDate;
import java.util.List;

import cn.meizhi.enforcement.Penalty;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PenaltyRepository extends JpaRepository<Penalty, Long> {

	boolean existsByDecisionNumber(String decisionNumber);

	List<Penalty> findByInstitutionIdAndDecidedOnGreaterThanEqualOrderByDecidedOnDescIdDesc(long institutionId,
			LocalDate since);

	List<Penalty> findByInstitutionIdOrderByDecidedOnDescIdDesc(long institutionId);

	@Query("select p from Penalty p where p.regionCode like concat(:prefix, '%')")
	Page<Penalty> findWithinPrefix(String prefix, Pageable pageable);

}
