package cn.meizhi.procedure.internal;

import java.util.List;
import java.util.Optional;

import cn.meizhi.procedure.CatalogueStatus;
import cn.meizhi.procedure.CatalogueVersion;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CatalogueVersionRepository extends JpaRepository<CatalogueVersion, Long> {

	Optional<CatalogueVersion> findByStatus(CatalogueStatus status);

	List<CatalogueVersion> findAllByOrderByIdDesc();

}
