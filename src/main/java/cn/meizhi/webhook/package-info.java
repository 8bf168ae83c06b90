/**
 * Push to subscribers (webhooks): organisations registered by an administrator receive
 * the public changes (a rating published, suspended, reinstated, revoked or expired; an
 * institution's licence changed) as JSON signed with HMAC-SHA256, through an outbox
 * written in the change's own transaction and sent by one node at a time, retried with
 * backoff for a day, with a delivery log. The change feed ({@code /api/public/changes})
 * stays the pull alternative.
 */
@ApplicationModule(allowedDependencies = { "institution", "rating", "shared" })
package cn.meizhi.webhook;

import org.springframework.modulith.ApplicationModule;
