package cn.meizhi.standard;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface StandardVersionRepository extends JpaRepository<StandardVersion, Long> {

	@EntityGraph(attributePaths = "standard")
	List<StandardVersion> findAllByOrderByStandardIdAscCreatedAtDesc();

	@EntityGraph(attributePaths = "standard")
	List<StandardVersion> findByStatusInOrderByStandardIdAscCreatedAtDesc(Collection<VersionStatus> statuses);

	boolean existsByStandardIdAndLabel(Long standardId, String label);


}
