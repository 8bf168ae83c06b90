package cn.meizhi.institution;

import java.util.ArrayList;
import java.util.List;

import cn.meizhi.shared.InstitutionType;
import cn.meizhi.shared.Jurisdiction;
import cn.meizhi.shared.Texts;
import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

/**
 * Filters of the regulator's institution list. Every part is optional.
 *
 * @param q part of the name, or a whole credit code
 * @param region a region code; its sub-regions match too
 * @param type the institution type
 * @param status the status
 */
public record InstitutionSearch(String q, String region, InstitutionType type, InstitutionStatus status) {

	public static final int MAX_QUERY_LENGTH = 100;

	public InstitutionSearch {
		q = q == null || q.isBlank() ? null : q.strip();
		if (q != null && q.length() > MAX_QUERY_LENGTH) {
			q = q.substring(0, MAX_QUERY_LENGTH);
		}
		region = region == null || !region.matches("\\d{6}") ? null : region;
	}

	public static InstitutionSearch all() {
		return new InstitutionSearch(null, null, null, null);
	}

	Specification<Institution> within(Jurisdiction jurisdiction) {
		return (root, query, cb) -> {
			List<Predicate> predicates = new ArrayList<>();
			if (jurisdiction != null) {
				predicates.add(cb.like(root.get("regionCode"), jurisdiction.prefix() + "%"));
			}
			if (region != null) {
				predicates.add(cb.like(root.get("regionCode"), Jurisdiction.of(region).prefix() + "%"));
			}
			if (q != null) {
				// name_grams (indexed) holds the fragment's character pairs; name_search
				// (the name with a space
				// after every character) checks that they stand together
				var hibernate = (org.hibernate.query.criteria.HibernateCriteriaBuilder) cb;
				predicates.add(cb.or(
						cb.and(hibernate.arrayIncludes(root.<String[]>get("nameGrams"), Texts.nameGrams(q)),
								cb.like(root.get("nameSearch"), Texts.spacedLikePattern(q), '\\')),
						cb.equal(root.get("creditCode"), UnifiedSocialCreditCode.normalize(q)),
						cb.equal(root.get("licenceNumber"), q)));
			}
			if (type != null) {
				predicates.add(cb.equal(root.get("type"), type));
			}
			if (status != null) {
				predicates.add(cb.equal(root.get("status"), status));
			}
			return cb.and(predicates.toArray(Predicate[]::new));
		};
	}

}
