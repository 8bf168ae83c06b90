package cn.meizhi.standard;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface StandardRepository extends JpaRepository<EvaluationStandard, Long> {

	Optional<EvaluationStandard> findByName(String name);

	List<EvaluationStandard> findAllByOrderByCreatedAtDesc();

}
