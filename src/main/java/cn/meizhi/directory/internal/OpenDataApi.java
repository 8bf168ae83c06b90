package cn.meizhi.directory.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The description of the open-data API published at {@code /v3/api-docs} (and shown at
 * {@code /swagger-ui.html}): what it offers, how statuses, paging, errors and the rate
 * limit work. The version is the API's own: it changes when a response's shape changes,
 * not with every release.
 */
@Configuration(proxyBeanMethods = false)
public class OpenDataApi {

	public static final String VERSION = "1.2";

	@Bean
	OpenAPI openDataDescription() {
		return new OpenAPI().info(new Info().title("美质 Meizhi — open data of the medical-aesthetics quality registry")
			.version(VERSION)
			.description(
					"""
							The public directory of medical-aesthetics institutions (医疗美容机构) and their star ratings (星级评定), \
							as the directory pages show them, for anyone and without an account.

							* `ratingStatus` says where an institution stands today: `CERTIFIED` (a valid certificate), `EXPIRED`, \
							`SUSPENDED` or `REVOKED` (the rating), `LICENCE_SUSPENDED` or `LICENCE_CLOSED` (the institution may \
							not practise, so no certificate of it holds), `AWAITING_INSPECTION`, `NOT_RATED`.
							* A property without a value is left out (an unrated institution has no `stars`, `certificateNo` or \
							`validUntil`); no property is ever `null`.
							* Lists are paged: `page` from 0, `size` up to 100; `page.totalElements` is exact.
							* Every error is `{"status": 404, "error": "Not Found", "message": "…"}`, the message in the \
							language asked for (`Accept-Language` or `lang=en`; Chinese by default).
							* Requests are limited per client address (HTTP 429 with `Retry-After` beyond the limit).
							* `/api/public/changes` lists what changed since an instant, to keep a copy in step.""")
			.license(new License().name("Public data of the health authority")));
	}

}
