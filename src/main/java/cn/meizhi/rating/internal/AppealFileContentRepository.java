package cn.meizhi.rating.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AppealFileContentRepository extends JpaRepository<AppealFile.Content, Long> {

}
