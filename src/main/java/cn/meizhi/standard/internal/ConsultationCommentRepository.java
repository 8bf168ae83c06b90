package cn.meizhi.standard.internal;

import java.util.List;

import cn.meizhi.standard.ConsultationComment;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ConsultationCommentRepository extends JpaRepository<ConsultationComment, Long> {

	List<ConsultationComment> findByConsultationIdOrderBySubmittedAt(long consultationId);

}
