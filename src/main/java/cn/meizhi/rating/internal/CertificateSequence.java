package cn.meizhi.rating.internal;

import cn.meizhi.rating.Rating;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface CertificateSequence extends org.springframework.data.repository.Repository<Rating, Long> {

	/**
	 * Advances the region's counter for the year atomically (safe under concurrent
	 * approvals).
	 */
	@Modifying
	@Query(value = """
			insert into certificate_sequence (region_code, year, last_value) values (:region, :year, 1)
			on conflict (region_code, year) do update set last_value = certificate_sequence.last_value + 1
			returning last_value
			""", nativeQuery = true)
	int next(String region, int year);

}
