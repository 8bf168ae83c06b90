package cn.meizhi.webhook.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface WebhookSubscriberRepository extends JpaRepository<WebhookSubscriber, Long> {

	List<WebhookSubscriber> findByActiveTrue();

	List<WebhookSubscriber> findAllByOrderByName();

}
