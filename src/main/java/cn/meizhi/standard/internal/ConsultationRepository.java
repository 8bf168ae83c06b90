package cn.meizhi.standard.internal;

import java.util.Optional;

import cn.meizhi.standard.Consultation;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ConsultationRepository extends JpaRepository<Consultation, Long> {

	Optional<Consultation> findByVersionId(long versionId);

}
