package cn.meizhi.standard.internal;

import java.util.List;
import java.util.Optional;

import cn.meizhi.standard.EvaluationStandard;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StandardRepository extends JpaRepository<EvaluationStandard, Long> {

	Optional<EvaluationStandard> findByName(String name);

	List<EvaluationStandard> findAllByOrderByCreatedAtDesc();

}
