package cn.meizhi.institution.internal;

import java.util.List;
import java.util.Optional;

import cn.meizhi.institution.Institution;
import cn.meizhi.institution.InstitutionStatus;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface InstitutionRepository extends JpaRepository<Institution, Long>, JpaSpecificationExecutor<Institution> {

	@Query("select i.status as status, count(i) as count from Institution i where i.regionCode like concat(:prefix, '%') group by i.status")
	List<StatusCount> countByStatus(String prefix);

	@Query("select i.regionCode as regionCode, count(i) as count from Institution i where i.regionCode like concat(:prefix, '%') and i.status <> cn.meizhi.institution.InstitutionStatus.CLOSED group by i.regionCode order by i.regionCode")
	List<RegionCount> countOpenByRegion(String prefix);

	interface StatusCount {

		InstitutionStatus getStatus();

		long getCount();

	}

	interface RegionCount {

		String getRegionCode();

		long getCount();

	}

	/**
	 * With its departments, by a fetch join (an entity graph would do the same, but
	 * Hibernate translates a query with an entity graph anew on every call: a tenth of a
	 * public profile's CPU).
	 */
	@Query("select i from Institution i left join fetch i.departments where i.id = :id")
	Optional<Institution> findWithDepartmentsById(Long id);

	@Query("select i.id from Institution i where i.regionCode like concat(:prefix, '%') and i.status = cn.meizhi.institution.InstitutionStatus.ACTIVE order by i.id")
	List<Long> findActiveIdsWithinPrefix(String prefix);

	List<Institution> findByIdIn(java.util.Collection<Long> ids);

	List<Institution> findByCreditCodeIn(java.util.Collection<String> codes);

	/** Every match with its departments in one query, for export. */
	@Override
	@EntityGraph(attributePaths = "departments")
	List<Institution> findAll(org.springframework.data.jpa.domain.Specification<Institution> spec,
			org.springframework.data.domain.Sort sort);

	Optional<Institution> findByCreditCode(String creditCode);

	boolean existsByCreditCode(String creditCode);

	/**
	 * Ids and names: one array parameter whatever the number of ids (a list of 10,000
	 * would be 10,000 parameters to parse), and plain rows (an interface projection wraps
	 * each of 86,000 rows in a proxy).
	 */
	@org.springframework.data.jpa.repository.NativeQuery("select i.id, i.name from institution i where i.id = any(:ids)")
	List<Object[]> findNames(Long[] ids);

	@Query("select i.creditCode from Institution i where i.creditCode in :codes")
	List<String> findTakenCreditCodes(java.util.Collection<String> codes);

	@Query("select i.licenceNumber from Institution i where i.licenceNumber in :licences")
	List<String> findTakenLicenceNumbers(java.util.Collection<String> licences);

	boolean existsByCreditCodeAndIdNot(String creditCode, Long id);

	boolean existsByLicenceNumber(String licenceNumber);

	boolean existsByLicenceNumberAndIdNot(String licenceNumber, Long id);

}
