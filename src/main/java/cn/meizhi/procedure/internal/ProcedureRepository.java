package cn.meizhi.procedure.internal;

import java.util.List;
import java.util.Optional;

import cn.meizhi.procedure.Procedure;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProcedureRepository extends JpaRepository<Procedure, Long> {

	List<Procedure> findByCatalogueIdOrderByCode(long catalogueId);

	Optional<Procedure> findByCatalogueIdAndCode(long catalogueId, String code);

	/**
	 * Procedures whose name, code or an alias holds the fragment (a catalogue is small).
	 */
	@Query("""
			select p from Procedure p where p.catalogueId = :catalogueId
			  and (lower(p.name) like :pattern escape '\\' or lower(p.aliases) like :pattern escape '\\'
			       or lower(p.code) like :pattern escape '\\')
			order by p.specialty, p.level nulls first, p.code
			""")
	List<Procedure> search(long catalogueId, String pattern);

}
