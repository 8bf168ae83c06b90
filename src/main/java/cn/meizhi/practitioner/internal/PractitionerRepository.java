package cn.meizhi.practitioner.internal;

import java.util.List;
import java.util.Optional;

import cn.meizhi.practitioner.Practitioner;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PractitionerRepository extends JpaRepository<Practitioner, Long> {

	Optional<Practitioner> findByLicenceNumber(String licenceNumber);

	@Query("""
			select p from Practitioner p where p.regionCode like concat(:prefix, '%')
			  and (:q = '' or p.name like concat('%', :q, '%') or p.licenceNumber = :q)
			""")
	Page<Practitioner> findWithin(String prefix, String q, Pageable pageable);

	@Query("""
			select p from Practitioner p where p.name like concat('%', :q, '%') or p.licenceNumber = :q
			order by p.name, p.id
			""")
	List<Practitioner> findPublic(String q, Pageable pageable);

	@Query("select distinct p from Practitioner p join p.registrations r where r.institutionId = :institutionId order by p.name")
	List<Practitioner> findRegisteredAt(long institutionId);

	@Query("select distinct p from Practitioner p join p.registrations r where r.institutionId in :institutionIds")
	List<Practitioner> findRegisteredAtAny(java.util.Collection<Long> institutionIds);

	@Query("select p from Practitioner p where p.regionCode like concat(:prefix, '%') order by p.regionCode, p.name")
	List<Practitioner> findAllWithin(String prefix);

}
