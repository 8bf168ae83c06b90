package cn.meizhi.rating.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AppealFileRepository extends JpaRepository<AppealFile, Long> {

	List<AppealFile> findByAppealIdInOrderById(Collection<Long> appealIds);

}
