package cn.meizhi.notification.internal;

import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

	Page<Notification> findByInstitutionIdOrderByCreatedAtDescIdDesc(long institutionId, Pageable pageable);

	long countByInstitutionIdAndReadAtIsNull(long institutionId);

	@Modifying
	@Query("update Notification n set n.readAt = :now where n.institutionId = :institutionId and n.readAt is null")
	int markAllRead(long institutionId, Instant now);

}
