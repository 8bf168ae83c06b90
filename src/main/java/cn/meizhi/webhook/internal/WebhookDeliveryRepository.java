package cn.meizhi.webhook.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface WebhookDeliveryRepository extends JpaRepository<WebhookDelivery, Long> {

	/** Pending deliveries due now, oldest change first. */
	@Query("""
			select d from WebhookDelivery d where d.status = cn.meizhi.webhook.internal.WebhookDelivery.Status.PENDING
			and d.nextAttemptAt <= :now
			and exists (select s.id from WebhookSubscriber s where s.id = d.subscriberId and s.active = true)
			order by d.id""")
	List<WebhookDelivery> findDue(Instant now, Pageable page);

	Page<WebhookDelivery> findBySubscriberIdOrderByIdDesc(long subscriberId, Pageable page);

	long countBySubscriberIdAndStatus(long subscriberId, WebhookDelivery.Status status);

}
