package cn.meizhi.standard.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import cn.meizhi.standard.StandardVersion;
import cn.meizhi.standard.VersionStatus;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface StandardVersionRepository extends JpaRepository<StandardVersion, Long> {

	@EntityGraph(attributePaths = "standard")
	List<StandardVersion> findAllByOrderByStandardIdAscCreatedAtDesc();

	@EntityGraph(attributePaths = "standard")
	List<StandardVersion> findByStatusInOrderByStandardIdAscCreatedAtDesc(Collection<VersionStatus> statuses);

	boolean existsByStandardIdAndLabel(Long standardId, String label);

	/** A version's status as stored now (whichever node changed it). */
	@Query("select v.status from StandardVersion v where v.id = :id")
	Optional<VersionStatus> statusOf(long id);

}
